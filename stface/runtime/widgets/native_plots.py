"""Drawing LinePlot, ScatterPlot and BarPlot: the component's Vega-Lite spec with ``st.vega_lite_chart``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import streamlit as st

from stface.components.native_plots import NativePlot
from stface.errors import ComponentValueError
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["NativePlotWidget", "draw_vega_lite"]


def draw_vega_lite(data: pd.DataFrame, spec: dict[str, Any], key: str, *, width: int | None = None) -> None:
    """One chart: ``spec`` drawn over ``data`` (a fixed ``width`` in pixels, or the container's)."""
    st.vega_lite_chart(data, spec, width=int(width) if width else "stretch", key=key)


@draws(NativePlot)
class NativePlotWidget(Widget[NativePlot]):
    """A chart out; as an input (Gradio 6), the chart of ``value``, which fn receives."""

    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> Any:
        payload = st.session_state.get(keys.value)
        self._show(payload, keys)
        return payload

    def output(self, payload: Any, keys: WidgetKeys) -> None:
        self._show(payload, keys)

    def _show(self, frame: Any, keys: WidgetKeys) -> None:
        plot = self.component
        self.caption()
        if frame is None:
            st.caption("No data.")
            return
        try:
            data = plot.chart_data(plot.to_frame(frame))
            spec = plot.vega_lite_spec(data)
        except ComponentValueError as exc:
            st.error(str(exc), icon=":material/error:")
            return
        draw_vega_lite(data, spec, keys.part("chart"), width=plot.width)
        if plot.caption:
            st.caption(plot.caption)
