"""The drawing contract: one :class:`Widget` per component class.

A component (``stface/components``) only converts values; its widget, in the
module of the same name here, draws it with Streamlit:

* ``input(keys)`` draws the input and returns its payload (what
  ``Component.preprocess`` takes);
* ``output(payload, keys)`` draws a payload (what ``Component.postprocess``
  made), and ``preview(payload, keys)`` one update of a streaming fn;
* ``store(state, keys, payload)`` sets the input's value (Clear, examples);
* ``outside_form(keys)`` draws what cannot sit in a form, above it.

``widget_for(component)`` finds the widget of the component's class, or of
the nearest base class that has one.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

import streamlit as st

from stface.components.base import Component
from stface.i18n import translate
from stface.runtime.session import WidgetKeys

__all__ = ["Widget", "draws", "show_html", "widget_for"]

C = TypeVar("C", bound=Component)

_WIDGETS: dict[type[Component], type[Widget]] = {}
_MADE: weakref.WeakKeyDictionary[Component, Widget] = weakref.WeakKeyDictionary()


def draws(*component_types: type[Component]) -> Callable[[type[Widget]], type[Widget]]:
    """Class decorator: this widget draws these component classes (and their subclasses)."""

    def register(widget: type[Widget]) -> type[Widget]:
        for kind in component_types:
            _WIDGETS[kind] = widget
        return widget

    return register


def widget_for(component: Component) -> Widget:
    """The widget that draws ``component`` (made once per component)."""
    made = _MADE.get(component)
    if made is None:
        for kind in type(component).__mro__:
            if kind in _WIDGETS:
                made = _MADE[component] = _WIDGETS[kind](component)
                break
        else:
            raise TypeError(
                f"{type(component).__name__} has no widget: subclass a built-in component, "
                "or register one with stface.runtime.widgets.draws."
            )
    return made


class Widget(Generic[C]):
    """How one component is drawn in a Streamlit page."""

    #: False when the input cannot sit in a form (parts that need reruns go in ``outside_form``).
    form_compatible: ClassVar[bool] = True

    def __init__(self, component: C) -> None:
        self.component = component

    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> Any:
        """Draw the input widget under ``keys`` and return its payload."""
        raise TypeError(f"{type(self.component).__name__} cannot be used as an input component.")

    def outside_form(self, keys: WidgetKeys) -> None:
        """Draw the part of the input that needs reruns while it is used, above the form.

        Most inputs have none. A WebRTC recorder does: it stores what it
        recorded under ``keys.value``, where ``input`` finds it.
        """

    def output(self, payload: Any, keys: WidgetKeys) -> None:
        """Draw ``payload`` as an output under ``keys``."""
        raise TypeError(f"{type(self.component).__name__} cannot be used as an output component.")

    def preview(self, payload: Any, keys: WidgetKeys) -> None:
        """Draw one streamed update of an output; ``keys`` are one-off (``WidgetKeys.update``).

        By default the output itself, its session state dropped once drawn.
        A widget that Streamlit would mount anew at every update (empty for a
        frame) draws a lookalike that changes in place instead, so that a text
        box streaming an answer does not flicker.
        """
        self.output(payload, keys)
        st.session_state.pop(keys.value, None)

    def store(self, state: Any, keys: WidgetKeys, payload: Any) -> None:
        """Put ``payload`` into the input's session state (Clear, examples)."""
        state[keys.value] = payload

    # -- what every widget passes to Streamlit -------------------------------

    @property
    def label(self) -> str:
        """The label shown in the page (Streamlit needs a non-empty one), in the browser's language."""
        return translate(self.component.display_label)

    @property
    def help(self) -> str | None:
        """The component's ``info``, shown as the widget's help, in the browser's language."""
        return translate(getattr(self.component, "info", None))

    @property
    def placeholder(self) -> str | None:
        return translate(getattr(self.component, "placeholder", None))

    @property
    def label_visibility(self) -> str:
        return "collapsed" if self.component.show_label is False else "visible"

    @property
    def disabled(self) -> bool:
        return self.component.interactive is False

    def caption(self) -> None:
        """The label as a caption, for elements that have no label of their own."""
        if self.component.show_label is not False:
            st.caption(self.label)


class _Markup:
    """Wraps a string so ``st.html`` never treats it as a file path."""

    def __init__(self, markup: str) -> None:
        self._markup = markup

    def _repr_html_(self) -> str:
        return self._markup


def show_html(markup: str) -> None:
    """Draw trusted-or-escaped markup with ``st.html`` (sanitised by Streamlit)."""
    st.html(_Markup(markup or "<span></span>"))
