"""Drawing a Dataframe: an editable table in, a table out."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import streamlit as st

from stface.components.dataframe import Dataframe
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws

if TYPE_CHECKING:
    import pandas as pd


@draws(Dataframe)
class DataframeWidget(Widget[Dataframe]):
    """An editable table in, a table out. The table is kept under ``keys.value``;
    the editor's own edits live under its part key, dropped when the table is replaced."""

    def store(self, state: Any, keys: WidgetKeys, payload: Any) -> None:
        state[keys.value] = self.component.to_frame(payload)
        state.pop(keys.part("editor"), None)  # edits made against the old table

    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> pd.DataFrame:
        import pandas as pd

        table = self.component
        frame = st.session_state.get(keys.value)
        if not isinstance(frame, pd.DataFrame):
            frame = table.initial_payload()
        self.caption()
        return st.data_editor(
            frame,
            key=keys.part("editor"),
            num_rows="dynamic" if table.row_count[1] == "dynamic" else "fixed",
            column_config=self._column_config(frame),
            on_change=on_change,
            disabled=self.disabled,
            hide_index=True,
            use_container_width=True,
        )

    def _column_config(self, frame: pd.DataFrame) -> dict[str, Any]:
        kinds = {
            "number": st.column_config.NumberColumn,
            "bool": st.column_config.CheckboxColumn,
            "str": st.column_config.TextColumn,
            "markdown": st.column_config.TextColumn,
            "html": st.column_config.TextColumn,
            "date": st.column_config.TextColumn,
        }
        return {name: kinds[kind]() for name, kind in zip(frame.columns, self.component.datatype)}

    def output(self, payload: pd.DataFrame, keys: WidgetKeys) -> None:
        self.caption()
        st.dataframe(payload, hide_index=True, use_container_width=True)
