"""Drawing Textbox (and TextArea): a text input, or a text area for several lines."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from stface.components.textbox import Textbox
from stface.i18n import translate
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws

_LINE_PX = 24  # one line of Streamlit's body text, for sizing text areas
_MIN_AREA_PX = 68  # the smallest height st.text_area accepts


def area_height(lines: int) -> int:
    return max(_MIN_AREA_PX, _LINE_PX * lines + 20)


@draws(Textbox)
class TextboxWidget(Widget[Textbox]):
    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> str:
        box = self.component
        common = dict(
            label=self.label,
            key=keys.value,
            placeholder=self.placeholder,
            help=self.help,
            on_change=on_change,
            disabled=self.disabled,
            label_visibility=self.label_visibility,
        )
        if box.lines == 1:
            return st.text_input(type="password" if box.type == "password" else "default", **common)
        return st.text_area(height=area_height(box.lines), **common)

    def store(self, state, keys: WidgetKeys, payload: str | None) -> None:
        state[keys.value] = translate(payload)  # a gr.I18n value, in this browser's language

    def output(self, payload: str | None, keys: WidgetKeys) -> None:
        text = translate(payload) or ""
        shown_lines = min(max(self.component.lines, text.count("\n") + 1), self.component.max_lines)
        st.session_state[keys.value] = text
        st.text_area(self.label, key=keys.value, height=area_height(shown_lines), disabled=True,
                     label_visibility=self.label_visibility)  # fmt: skip
