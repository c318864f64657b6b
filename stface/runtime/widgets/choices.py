"""Drawing the choice components: Dropdown, Radio, CheckboxGroup and Checkbox.

As outputs they are the same widgets, disabled, showing fn's choice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from stface.components.choices import Checkbox, CheckboxGroup, Dropdown, Radio
from stface.i18n import translator
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws


class _ChoiceWidget(Widget[Any]):
    """An input widget that also serves, disabled, as the output."""

    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> Any:
        return self._draw(keys, disabled=self.disabled, on_change=on_change)

    def output(self, payload: Any, keys: WidgetKeys) -> None:
        st.session_state[keys.value] = self._shown(payload)
        self._draw(keys, disabled=True)

    def _shown(self, payload: Any) -> Any:
        return payload

    @property
    def name_of(self) -> Callable[[Any], str]:
        """A choice's name, in the browser's language (bound now: Streamlit may call it later)."""
        shown, component = translator(), self.component
        return lambda value: shown(component.name_of(value))

    def _common(self, keys: WidgetKeys, disabled: bool, on_change: Callable | None) -> dict[str, Any]:
        return dict(key=keys.value, help=self.help, on_change=on_change, disabled=disabled,
                    label_visibility=self.label_visibility)  # fmt: skip

    def _draw(self, keys: WidgetKeys, *, disabled: bool, on_change: Callable | None = None) -> Any:
        raise NotImplementedError


@draws(Dropdown)
class DropdownWidget(_ChoiceWidget):
    def _draw(self, keys: WidgetKeys, *, disabled: bool, on_change: Callable | None = None) -> Any:
        dropdown = self.component
        draw = st.multiselect if dropdown.multiselect else st.selectbox
        return draw(self.label, options=dropdown.values, format_func=self.name_of,
                    accept_new_options=dropdown.allow_custom_value, **self._common(keys, disabled, on_change))  # fmt: skip


@draws(Radio)
class RadioWidget(_ChoiceWidget):
    def _draw(self, keys: WidgetKeys, *, disabled: bool, on_change: Callable | None = None) -> Any:
        radio = self.component
        return st.radio(self.label, options=radio.values, format_func=self.name_of, horizontal=True,
                        **self._common(keys, disabled, on_change))  # fmt: skip


@draws(CheckboxGroup)
class CheckboxGroupWidget(_ChoiceWidget):
    def _shown(self, payload: Any) -> list[Any]:
        return list(payload or [])

    def _draw(self, keys: WidgetKeys, *, disabled: bool, on_change: Callable | None = None) -> list[Any]:
        group = self.component
        return st.multiselect(self.label, options=group.values, format_func=self.name_of,
                              **self._common(keys, disabled, on_change))  # fmt: skip


@draws(Checkbox)
class CheckboxWidget(_ChoiceWidget):
    def _shown(self, payload: Any) -> bool:
        return bool(payload)

    def _draw(self, keys: WidgetKeys, *, disabled: bool, on_change: Callable | None = None) -> bool:
        return st.checkbox(self.label, **self._common(keys, disabled, on_change))
