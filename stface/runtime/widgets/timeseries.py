"""Drawing Timeseries: a CSV uploader with a preview, and a line chart out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from stface.components.timeseries import Timeseries
from stface.errors import ComponentValueError
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets._media import MediaWidget
from stface.runtime.widgets.base import draws
from stface.runtime.widgets.native_plots import draw_vega_lite


@draws(Timeseries)
class TimeseriesWidget(MediaWidget):
    component: Timeseries

    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> Any:
        self.upload(keys)
        payload = st.session_state.get(keys.value)
        if payload is not None:
            self._chart(payload, keys)
        return payload

    def output(self, payload: Any, keys: WidgetKeys) -> None:
        if self.output_header(payload, "No data."):
            self._chart(payload, keys)

    def _chart(self, payload: Any, keys: WidgetKeys) -> None:
        series = self.component
        try:
            data = series.chart_data(series.to_frame(payload))
            spec = series.vega_lite_spec(data)
        except ComponentValueError as exc:
            st.warning(str(exc))
            return
        draw_vega_lite(data, spec, keys.part("chart"))
