"""Drawing a Plot: each library's figure with Streamlit's own element for it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from stface.components.plot import Plot, PlotFigure
from stface.errors import Error
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws

__all__ = ["PlotWidget", "draw_figure"]


def _draw_bokeh(figure: Any, key: str) -> None:
    """Streamlit dropped ``st.bokeh_chart``; the ``streamlit-bokeh`` component draws bokeh figures now."""
    legacy = getattr(st, "bokeh_chart", None)
    try:
        from streamlit_bokeh import streamlit_bokeh
    except ImportError:
        if legacy is not None:
            legacy(figure, use_container_width=True)
            return
        raise Error(
            f"This Streamlit ({st.__version__}) cannot draw bokeh figures by itself: install the streamlit-bokeh "
            "component (pip install streamlit-bokeh), or return a matplotlib, plotly or altair figure."
        ) from None
    try:
        streamlit_bokeh(figure, use_container_width=True, key=key)
    except StreamlitAPIException as exc:  # e.g. a bokeh version the component does not support
        raise Error(f"The bokeh figure could not be drawn: {exc}") from None


def draw_figure(shown: PlotFigure, key: str) -> None:
    """Draw ``shown`` with the element for its library (``key`` names the element)."""
    if shown.library == "matplotlib":
        st.pyplot(shown.figure)
    elif shown.library == "plotly":
        st.plotly_chart(shown.figure, width="stretch", key=key)
    elif shown.library == "altair":
        st.altair_chart(shown.figure, width="stretch", key=key)
    else:
        _draw_bokeh(shown.figure, key)


@draws(Plot)
class PlotWidget(Widget[Plot]):
    """A figure out; as an input (rare), the figure of ``value``, shown as is."""

    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> PlotFigure | None:
        payload = st.session_state.get(keys.value)
        self._show(payload, keys)
        return payload

    def output(self, payload: PlotFigure | None, keys: WidgetKeys) -> None:
        self._show(payload, keys)

    def _show(self, payload: PlotFigure | None, keys: WidgetKeys) -> None:
        self.caption()
        if payload is None:
            st.caption("No plot.")
            return
        try:
            draw_figure(payload, keys.part("plot"))
        except Error as exc:
            st.error(str(exc), icon=":material/error:")
