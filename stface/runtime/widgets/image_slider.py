"""Drawing ImageSlider: the two images cut at the slider's position."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from stface.components._codecs import decode_image
from stface.components.image_slider import ImageSlider, compare
from stface.errors import Error
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets._media import MediaWidget
from stface.runtime.widgets.base import draws


@draws(ImageSlider)
class ImageSliderWidget(MediaWidget):
    component: ImageSlider

    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> Any:
        session = st.session_state
        halves = []
        for side in ("before", "after"):
            part = ImageSliderWidget._side(keys, side)
            self.upload(part, label=f"{self.label} ({side})")
            halves.append(session.get(part.value))
        payload = tuple(halves) if all(h is not None for h in halves) else None
        session[keys.value] = payload
        if payload is not None:
            try:
                self._draw(tuple(decode_image(h) for h in payload), keys)
            except Error as exc:
                st.warning(str(exc))
        return payload

    @staticmethod
    def _side(keys: WidgetKeys, side: str) -> WidgetKeys:
        return WidgetKeys(keys.part(side))

    def store(self, state: Any, keys: WidgetKeys, payload: Any) -> None:
        state[keys.value] = payload
        for index, side in enumerate(("before", "after")):
            super().store(state, self._side(keys, side), None if payload is None else payload[index])

    def output(self, payload: Any, keys: WidgetKeys) -> None:
        if self.output_header(payload, "No images."):
            self._draw(payload, keys)

    def _draw(self, pair: tuple[Any, Any], keys: WidgetKeys) -> None:
        position = st.slider("Compare", 0, 100, 50, key=keys.part("position"), label_visibility="collapsed")
        st.image(compare(pair[0], pair[1], position))
