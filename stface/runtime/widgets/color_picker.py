"""Drawing ColorPicker: Streamlit's colour picker in; a swatch and its hex code out."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from stface.components.color_picker import DEFAULT, ColorPicker, hex_colour
from stface.errors import Error
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws, show_html


def _valid(value: object) -> str:
    try:
        return hex_colour(value)
    except Error:
        return DEFAULT


@draws(ColorPicker)
class ColorPickerWidget(Widget[ColorPicker]):
    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> str:
        session = st.session_state
        current = session.get(keys.value)
        if not isinstance(current, str) or current != _valid(current):
            session[keys.value] = _valid(current)  # st.color_picker takes only "#rrggbb"
        return st.color_picker(self.label, key=keys.value, help=self.help, on_change=on_change,
                               disabled=self.disabled, label_visibility=self.label_visibility)  # fmt: skip

    def store(self, state, keys: WidgetKeys, payload) -> None:
        state[keys.value] = _valid(payload)

    def output(self, payload: str | None, keys: WidgetKeys) -> None:
        # A disabled st.color_picker dims its swatch, so an output shows the true colour itself.
        self.caption()
        if payload is None:
            st.caption("No colour.")
            return
        colour = hex_colour(payload)  # only "#rrggbb" reaches the style attribute
        show_html(
            f'<div class="stface-colour" style="display:flex;align-items:center;gap:0.6rem">'
            f'<span style="display:inline-block;width:2.5rem;height:2.5rem;border-radius:0.5rem;background:{colour};'
            f'border:1px solid rgba(128,128,128,0.4)"></span><code>{colour}</code></div>'
        )
