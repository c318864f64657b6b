"""Drawing Code: a text area in, a highlighted code block (st.code) out."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from stface.components.code import Code
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws
from stface.runtime.widgets.textbox import area_height

_CODE_LINE_PX = 21  # one line of st.code's monospace text
_CODE_PADDING_PX = 34


@draws(Code)
class CodeWidget(Widget[Code]):
    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> str:
        code = self.component
        return st.text_area(self.label, key=keys.value, height=area_height(code.lines), help=self.help,
                            on_change=on_change, disabled=self.disabled,
                            label_visibility=self.label_visibility)  # fmt: skip

    def output(self, payload: str | None, keys: WidgetKeys) -> None:
        code = self.component
        self.caption()
        text = payload or ""
        height: int | str = "content"
        if code.max_lines is not None and text.count("\n") + 1 > code.max_lines:
            height = _CODE_LINE_PX * code.max_lines + _CODE_PADDING_PX
        st.code(text, language=code.highlighter_language, line_numbers=code.show_line_numbers,
                wrap_lines=code.wrap_lines, height=height)  # fmt: skip
