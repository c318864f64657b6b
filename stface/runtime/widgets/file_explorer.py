"""Drawing FileExplorer: a searchable multiselect (a selectbox for one file) of the folder's files."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from stface.components.file_explorer import FileExplorer
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws


@draws(FileExplorer)
class FileExplorerWidget(Widget[FileExplorer]):
    def store(self, state, keys: WidgetKeys, payload) -> None:
        state[keys.value] = (payload[0] if payload else None) if self.component.file_count == "single" else list(payload or [])

    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> list[str]:
        explorer = self.component
        common = dict(key=keys.value, help=self.help, on_change=on_change, disabled=self.disabled,
                      label_visibility=self.label_visibility)  # fmt: skip
        if explorer.file_count == "single":
            chosen = st.selectbox(self.label, explorer.choices(), index=None, **common)
            return [chosen] if chosen else []
        return st.multiselect(self.label, explorer.choices(), **common)

    def output(self, payload: list[str], keys: WidgetKeys) -> None:
        self.caption()
        st.markdown("\n".join(f"- `{name}`" for name in payload) or "No files.")
