"""Drawing Textbox (and TextArea): a text input, or a text area for several lines."""

from __future__ import annotations

import html
from collections.abc import Callable

import streamlit as st

from stface.components._html import escape
from stface.components.textbox import Textbox
from stface.i18n import translate
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws, show_html

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
        st.session_state[keys.value] = text
        st.text_area(self.label, key=keys.value, height=area_height(self._lines(text)), disabled=True,
                     label_visibility=self.label_visibility)  # fmt: skip

    def preview(self, payload: str | None, keys: WidgetKeys) -> None:
        """A streamed update: the output's label and box as one HTML element, which Streamlit changes in place."""
        text = html.escape(translate(payload) or "", quote=False)
        label = escape(self.label)
        shown = "" if self.label_visibility == "collapsed" else f'<label style="{_LABEL_STYLE}">{label}</label>'
        style = f"{_BOX_STYLE}height:{area_height(self._lines(text))}px"
        # The newline after <textarea> is the one HTML drops, so text that starts with one keeps it.
        show_html(f'<div>{shown}<textarea disabled aria-label="{label}" style="{style}">\n{text}</textarea></div>')

    def _lines(self, text: str) -> int:
        return min(max(self.component.lines, text.count("\n") + 1), self.component.max_lines)


# A disabled st.text_area's look, its label faded, in any theme (colours are the text's own, mixed).
_LABEL_STYLE = "display:block;height:24px;margin-bottom:4px;font-size:14px;line-height:22.4px;opacity:.4"
_BOX_STYLE = (
    "display:block;box-sizing:border-box;width:100%;margin:0;padding:12px;resize:none;font:inherit;font-size:14px;"
    "line-height:19.6px;color:inherit;-webkit-text-fill-color:inherit;outline:none;border-radius:8px;"
    "background:color-mix(in srgb,currentColor 3%,transparent);"
    "border:1px solid color-mix(in srgb,currentColor 15%,transparent);"
)
