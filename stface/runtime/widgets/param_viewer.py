"""Drawing ParamViewer: one row per parameter (Streamlit shows the cells as text)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from stface.components.param_viewer import ParamViewer
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws


@draws(ParamViewer)
class ParamViewerWidget(Widget[ParamViewer]):
    def output(self, payload: dict[str, dict[str, Any]], keys: WidgetKeys) -> None:
        self.caption()
        rows = [{"parameter": name, **spec} for name, spec in payload.items()]
        st.dataframe(rows, hide_index=True, use_container_width=True)
