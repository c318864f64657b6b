"""Drawing Video (an uploader in, a player out) and File (an uploader in, download buttons out)."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from stface.components._codecs import MediaFile
from stface.components.files import File, Video, as_file
from stface.paths import safe_filename
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets._media import MediaWidget
from stface.runtime.widgets.base import draws


def _play(file: MediaFile) -> None:
    st.video(file.data, format=mimetypes.guess_type(file.name)[0] or "video/mp4")


@draws(Video)
class VideoWidget(MediaWidget):
    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> Any:
        self.upload(keys)
        current = st.session_state.get(keys.value)
        if current is not None and not isinstance(current, MediaFile):
            _play(as_file(current))  # an example or initial value from the app's code
        return current

    def output(self, payload: MediaFile | None, keys: WidgetKeys) -> None:
        if self.output_header(payload, "No video."):
            _play(payload)


@draws(File)
class FileWidget(MediaWidget):
    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> Any:
        self.upload(keys)
        return st.session_state.get(keys.value)

    def output(self, payload: list[MediaFile] | None, keys: WidgetKeys) -> None:
        if not self.output_header(payload, "No file."):
            return
        for index, file in enumerate(payload):
            name = safe_filename(file.name)
            st.download_button(
                f"Download {name}",
                data=file.data,
                file_name=name,
                mime=mimetypes.guess_type(file.name)[0] or "application/octet-stream",
                key=keys.part(f"download:{index}:{Path(file.name).name}"),
                on_click="ignore",
            )
