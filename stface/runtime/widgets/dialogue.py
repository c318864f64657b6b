"""Drawing a Dialogue: a table of speaker and text (a text area without speakers)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from stface.components.dialogue import Dialogue
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws


@draws(Dialogue)
class DialogueWidget(Widget[Dialogue]):
    def store(self, state: Any, keys: WidgetKeys, payload: Any) -> None:
        state[keys.value] = self.component.lines(payload) if self.component.speakers else payload
        state.pop(keys.part("editor"), None)

    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> Any:
        dialogue = self.component
        if not dialogue.speakers:
            return st.text_area(self.label, key=keys.value, placeholder=self.placeholder, help=self.help,
                                on_change=on_change, disabled=self.disabled, label_visibility=self.label_visibility)  # fmt: skip
        self.caption()
        rows = st.data_editor(
            st.session_state.get(keys.value) or dialogue.initial_payload(),
            key=keys.part("editor"),
            num_rows="dynamic",
            column_config={
                "speaker": st.column_config.SelectboxColumn("Speaker", options=dialogue.speakers, required=True),
                "text": st.column_config.TextColumn("Text", width="large"),
            },
            column_order=("speaker", "text"),
            disabled=self.disabled,
            on_change=on_change,
            hide_index=True,
            use_container_width=True,
        )
        return [dict(row) for row in rows]

    def output(self, payload: Any, keys: WidgetKeys) -> None:
        text = payload if isinstance(payload, str) or payload is None else self.component.format(payload)
        st.session_state[keys.value] = text or ""
        st.text_area(self.label, key=keys.value, disabled=True, label_visibility=self.label_visibility)
