"""Drawing Gallery: images in st.columns, captions under them; several uploads in."""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Callable
from typing import Any

import streamlit as st

from stface.components.gallery import Gallery, GalleryItem, thumbnail
from stface.errors import Error
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets._media import MediaWidget
from stface.runtime.widgets.base import draws

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def _plain(text: str | None) -> str | None:
    """A caption shown as written (st.image reads captions as Markdown)."""
    return None if text is None else _MARKDOWN_SPECIAL.sub(r"\\\1", text)


@draws(Gallery)
class GalleryWidget(MediaWidget):
    component: Gallery

    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> Any:
        self.upload(keys)
        current = st.session_state.get(keys.value)
        if current:
            try:
                self._draw(self.component.items(current), keys)
            except Error as exc:
                st.warning(str(exc))
        return current

    def output(self, payload: list[GalleryItem] | None, keys: WidgetKeys) -> None:
        if self.output_header(payload, "No images."):
            self._draw(payload, keys)

    def _draw(self, items: list[GalleryItem], keys: WidgetKeys) -> None:
        gallery = self.component
        height = gallery.height_px
        box = (
            st.container(height=height, key=keys.part("gallery")) if height else st.container(key=keys.part("gallery"))
        )
        with box:
            selected = gallery.start_index
            if selected is not None and 0 <= selected < len(items):
                self._show(items[selected], large=True)
            columns = gallery.column_count
            for start in range(0, len(items), columns):
                for column, item in zip(st.columns(columns), items[start : start + columns]):
                    with column:
                        self._show(item)

    def _show(self, item: GalleryItem, *, large: bool = False) -> None:
        caption = _plain(item.caption)
        media = item.media
        if item.is_video:
            st.video(media.data, format=mimetypes.guess_type(media.name)[0] or "video/mp4")
            if caption:
                st.caption(caption)
        elif isinstance(media, str):  # an http(s) URL: the browser fetches it
            st.image(media, caption=caption, width="stretch")
        elif not hasattr(media, "size"):  # an SVG file
            st.image(media.data.decode("utf-8", "replace"), caption=caption, width="stretch")
        else:
            picture = media if large else thumbnail(media, self.component.object_fit)
            st.image(picture, caption=caption, width="stretch")
