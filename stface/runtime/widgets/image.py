"""Drawing Image: an uploader and a camera in (in tabs when both), or a canvas to draw on; a picture out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from PIL import Image as PILImage

from stface.components._codecs import MediaFile, decode_image
from stface.components.image import Image, WebcamPhoto
from stface.errors import Error
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets._drawing import draw_canvas, remember_start
from stface.runtime.widgets._media import MediaWidget
from stface.runtime.widgets.base import draws


@draws(Image)
class ImageWidget(MediaWidget):
    component: Image

    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> Any:
        if self.component.drawing is not None:
            return draw_canvas(self, keys, on_change=on_change)
        sources = self.component.sources
        if len(sources) == 2:
            upload_tab, webcam_tab = st.tabs(["Upload", "Webcam"])
        else:
            upload_tab = webcam_tab = st.container()
        if "upload" in sources:
            with upload_tab:
                self.upload(keys)
        if "webcam" in sources:
            with webcam_tab:
                self._webcam(keys)
        current = st.session_state.get(keys.value)
        if current is not None:
            self._preview(current)
        return current

    def store(self, state: Any, keys: WidgetKeys, payload: Any) -> None:
        super().store(state, keys, payload)
        if self.component.drawing is not None:
            remember_start(state, keys, payload)

    def _webcam(self, keys: WidgetKeys) -> None:
        session = st.session_state
        photo = st.camera_input(self.label, key=keys.versioned("webcam", session.get(keys.version, 0)),
                                disabled=self.disabled, label_visibility=self.label_visibility)  # fmt: skip
        identity = getattr(photo, "file_id", None)
        if identity != session.get(keys.part("webcam-seen")):
            session[keys.part("webcam-seen")] = identity
            session[keys.value] = None if photo is None else WebcamPhoto(MediaFile("webcam.jpg", photo.getvalue()))

    def _preview(self, value: Any) -> None:
        if isinstance(value, WebcamPhoto):
            return  # st.camera_input already shows the photo
        try:
            st.image(decode_image(value, max_pixels=self.component.max_pixels), width=160)
        except Error as exc:
            st.warning(str(exc))

    def output(self, payload: PILImage.Image | None, keys: WidgetKeys) -> None:
        if self.output_header(payload, "No image."):
            st.image(payload)
