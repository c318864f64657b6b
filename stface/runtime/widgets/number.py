"""Drawing Number (a number field) and Slider."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from stface.components.number import Number, Slider, display_number
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws


@draws(Number)
class NumberWidget(Widget[Number]):
    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> float | int | None:
        number = self.component
        return st.number_input(
            self.label,
            key=keys.value,
            min_value=None if number.minimum is None else number.widget_number(number.minimum),
            max_value=None if number.maximum is None else number.widget_number(number.maximum),
            step=number.widget_number(number.step),
            format=number.format(),
            help=self.help,
            on_change=on_change,
            disabled=self.disabled,
            label_visibility=self.label_visibility,
        )

    def output(self, payload: float | int | None, keys: WidgetKeys) -> None:
        st.session_state[keys.value] = display_number(payload)
        st.text_input(self.label, key=keys.value, disabled=True, label_visibility=self.label_visibility)


@draws(Slider)
class SliderWidget(Widget[Slider]):
    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> float | int:
        return self._draw(keys, disabled=self.disabled, on_change=on_change)

    def output(self, payload: float | int | None, keys: WidgetKeys) -> None:
        slider = self.component
        st.session_state[keys.value] = slider.widget_number(slider.minimum if payload is None else payload)
        self._draw(keys, disabled=True)

    def _draw(self, keys: WidgetKeys, *, disabled: bool, on_change: Callable | None = None) -> float | int:
        slider = self.component
        return st.slider(
            self.label,
            min_value=slider.widget_number(slider.minimum),
            max_value=slider.widget_number(slider.maximum),
            step=slider.widget_number(slider.step) if slider.integral else float(slider.step),
            key=keys.value,
            help=self.help,
            on_change=on_change,
            disabled=disabled,
            label_visibility=self.label_visibility,
        )
