"""Drawing ImageEditor (and the Sketchpad, Paint and ImageMask templates): the drawing canvas in, the composite out."""

from __future__ import annotations

from typing import Any

import streamlit as st

from stface.components._drawing import Canvas
from stface.components.image_editor import ImageEditor
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import draws
from stface.runtime.widgets.image import ImageWidget


@draws(ImageEditor)
class ImageEditorWidget(ImageWidget):
    """Gradio 3.50's templates draw as ``Image`` does; Gradio 4–6's show their composite as an output."""

    component: ImageEditor

    def output(self, payload: Any, keys: WidgetKeys) -> None:
        if not isinstance(payload, Canvas):
            super().output(payload, keys)
        elif self.output_header(payload, "No image."):
            st.image(payload.composite())
