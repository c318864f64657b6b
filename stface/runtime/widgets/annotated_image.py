"""Drawing AnnotatedImage: one picture with the regions laid over it, and a legend of escaped labels."""

from __future__ import annotations

import streamlit as st

from stface.components.annotated_image import AnnotatedImage, AnnotatedPicture, composite, legend_html
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws, show_html


def _pixels(size: int | str | None) -> int | None:
    if isinstance(size, str) and size.strip().lower().endswith("px"):
        size = size.strip()[:-2]
    try:
        pixels = int(float(size)) if size is not None and not isinstance(size, bool) else None
    except ValueError:
        return None
    return pixels if pixels and pixels > 0 else None


@draws(AnnotatedImage)
class AnnotatedImageWidget(Widget[AnnotatedImage]):
    def output(self, payload: AnnotatedPicture | None, keys: WidgetKeys) -> None:
        self.caption()
        if payload is None:
            st.caption("No image.")
            return
        picture = composite(payload)
        width, height = _pixels(self.component.width), _pixels(self.component.height)
        if width is None and height is not None:
            width = max(1, round(height * picture.width / max(picture.height, 1)))
        st.image(picture, width=width or "stretch")
        if self.component.show_legend and payload.colours:
            show_html(legend_html(payload.colours))
