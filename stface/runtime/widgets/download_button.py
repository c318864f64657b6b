"""Drawing DownloadButton: st.download_button with the component's label."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable

import streamlit as st

from stface.components._codecs import MediaFile
from stface.components.download_button import DownloadButton
from stface.paths import safe_filename
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws


@draws(DownloadButton)
class DownloadButtonWidget(Widget[DownloadButton]):
    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> MediaFile | None:
        payload = st.session_state.get(keys.value)
        self.output(payload, keys)
        return payload

    def output(self, payload: MediaFile | None, keys: WidgetKeys) -> None:
        label = self.component.label or "Download"
        if payload is None:
            st.button(label, disabled=True, key=keys.part("empty"))
            return
        name = safe_filename(payload.name)
        st.download_button(label, data=payload.data, file_name=name, on_click="ignore", key=keys.part("download"),
                           mime=mimetypes.guess_type(name)[0] or "application/octet-stream")  # fmt: skip
