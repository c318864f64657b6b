"""Drawing Model3D: an uploader in, and a three.js viewer (an ``st.components.v2`` component) in and out.

The viewer's JavaScript is ``static/model3d.js``: three.js with its glTF,
OBJ, STL and PLY loaders and OrbitControls, bundled by esbuild from
``js/model3d`` (``make install`` rebuilds it when its sources change). It is
passed inline, so the page fetches nothing from a CDN; the model itself
travels as base64 in the component's ``data``, with Gradio's options.
"""

from __future__ import annotations

import functools
import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from stface.components._codecs import MediaFile
from stface.components.model3d import Model3D, viewer_data
from stface.errors import Error
from stface.paths import safe_filename
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets._media import MediaWidget
from stface.runtime.widgets.base import draws

__all__ = ["BUNDLE", "Model3DWidget", "show_model"]

#: The built viewer (``make install`` builds it from js/model3d with npm).
BUNDLE = Path(__file__).with_name("static") / "model3d.js"
#: Larger models are offered for download instead: each one travels to the browser as base64.
MAX_VIEWER_BYTES = 64 * 1024 * 1024

_HTML = '<div class="stface-model3d" data-state="loading"></div>'
_CSS = """
.stface-model3d {
  position: relative; width: 100%; box-sizing: border-box; overflow: hidden;
  border: 1px solid var(--st-border-color, rgba(49, 51, 63, 0.2)); border-radius: 0.5rem;
}
.stface-model3d canvas { cursor: grab; outline: none; }
.stface-model3d canvas:active { cursor: grabbing; }
.stface-model3d-reset {
  position: absolute; top: 0.4rem; right: 0.4rem; width: 2rem; height: 2rem; border-radius: 0.4rem;
  border: 1px solid var(--st-border-color, rgba(49, 51, 63, 0.2));
  background: var(--st-background-color, #fff); color: var(--st-text-color, #31333f);
  font-size: 1.1rem; line-height: 1; cursor: pointer; opacity: 0.8;
}
.stface-model3d-reset:hover, .stface-model3d-reset:focus-visible { opacity: 1; }
.stface-model3d-error { margin: 1rem; color: var(--st-red-color, #ff2b2b); font-family: var(--st-font, sans-serif); }
"""


@functools.lru_cache(maxsize=1)
def _bundle(mtime: float) -> str:
    return BUNDLE.read_text(encoding="utf-8")


def _viewer() -> Any:
    """The registered component (registering the same definition again is a no-op for Streamlit)."""
    try:
        js = _bundle(BUNDLE.stat().st_mtime)
    except OSError:
        raise Error("stface's 3D viewer is not built (stface/runtime/widgets/static/model3d.js is missing). "
                    "Run `make install` in the stface checkout (it needs npm), or install stface from a wheel.") from None  # fmt: skip
    return st.components.v2.component("stface.model3d", html=_HTML, css=_CSS, js=js)


def _size(count: int) -> str:
    return f"{count / 2**20:.1f}MB" if count >= 2**20 else f"{count / 1024:.1f}KB"


def show_model(component: Model3D, file: MediaFile, key: str) -> None:
    """Draw ``file`` in the viewer, or say in the page why it cannot be drawn."""
    if len(file.data) > MAX_VIEWER_BYTES:
        st.warning(f"'{safe_filename(file.name)}' is {_size(len(file.data))}, too large to show here "
                   f"(the viewer takes up to {_size(MAX_VIEWER_BYTES)}); download it instead.")  # fmt: skip
        return
    try:
        data = viewer_data(component, file)
        viewer = _viewer()
    except Error as exc:
        st.error(str(exc))
        return
    viewer(key=key, data=data, height=component.height_px)


@draws(Model3D)
class Model3DWidget(MediaWidget):
    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> Any:
        self.upload(keys)
        current = st.session_state.get(keys.value)
        if current is not None:
            try:
                file = self.component.model_file(current)
            except Error as exc:
                st.error(str(exc))
            else:
                show_model(self.component, file, keys.part("viewer"))
        return current

    def output(self, payload: MediaFile | None, keys: WidgetKeys) -> None:
        if not self.output_header(payload, "No 3D model."):
            return
        show_model(self.component, payload, keys.part("viewer"))
        name = safe_filename(payload.name, "model")
        st.download_button(
            f"Download {name}",
            data=payload.data,
            file_name=name,
            mime=mimetypes.guess_type(name)[0] or "application/octet-stream",
            key=keys.part("download"),
            on_click="ignore",
        )
