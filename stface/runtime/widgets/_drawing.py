"""The drawing canvas: stface's own ``st.components.v2`` component (``_drawing.js``, plain JS, no CDN).

Everything happens in the browser, so it also works inside the inputs'
form, where Streamlit holds reruns back until Submit: the person picks a
background (upload, drop, paste or webcam), draws with a brush and an
eraser, in layers, and undoes or clears. When a stroke ends the canvas
stores the drawing as its state (the background file and a PNG per layer,
as data URLs), which reaches Python with Submit (or at once in a live
interface). Python checks and decodes it (``components/_drawing.py``).

A value stored from Python (Clear, an example, the component's ``value``)
draws a new canvas under a new key, started from that value.

streamlit-drawable-canvas 0.13 does run on Streamlit 1.67 (it became a
components.v2 component too), but it takes its background and its tool
(brush, line, rect...) from Python arguments, so in a form a person could
neither upload a picture to draw on nor switch to an eraser or another
colour before pressing Submit; and it has no eraser or layers. Hence this
small component.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from stface.components._codecs import max_image_pixels
from stface.components._drawing import Drawing, canvas_from, data_url, drawing_from_browser, max_drawing_bytes
from stface.errors import Error
from stface.i18n import translate
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets._media import max_file_bytes

__all__ = ["draw_canvas", "remember_start"]

_CSS = """
.sf-drawing { font-family: var(--st-font, sans-serif); font-size: 0.875rem; color: var(--st-text-color, #31333f);
  outline: none; display: flex; flex-direction: column; gap: 0.4rem; }
.sf-bar { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; }
.sf-spacer { flex: 1 1 auto; }
.sf-button { font: inherit; color: inherit; background: var(--st-secondary-background-color, #f0f2f6);
  border: 1px solid var(--st-border-color, rgba(49, 51, 63, 0.2)); border-radius: var(--st-button-radius, 0.5rem);
  padding: 0.2rem 0.6rem; cursor: pointer; line-height: 1.6; }
.sf-button:hover { border-color: var(--st-primary-color, #ff4b4b); }
.sf-button.sf-on { border-color: var(--st-primary-color, #ff4b4b); color: var(--st-primary-color, #ff4b4b); }
.sf-swatches { display: inline-flex; gap: 0.2rem; }
.sf-swatch { width: 1.5rem; height: 1.5rem; padding: 0; }
.sf-picker { width: 2rem; height: 1.8rem; padding: 0; border: none; background: none; cursor: pointer; }
.sf-size { display: inline-flex; align-items: center; gap: 0.3rem; }
.sf-size input { width: 6rem; }
.sf-layer-select { font: inherit; padding: 0.15rem; border-radius: var(--st-base-radius, 0.5rem); }
.sf-file { display: none; }
.sf-stage { position: relative; width: 100%; background: #ffffff; touch-action: none; cursor: crosshair;
  border: 1px solid var(--st-border-color, rgba(49, 51, 63, 0.2)); border-radius: var(--st-base-radius, 0.5rem);
  overflow: hidden; user-select: none; box-sizing: content-box; }
.sf-stage.sf-waiting { cursor: default; background: var(--st-secondary-background-color, #f0f2f6); }
.sf-canvas, .sf-layers { position: absolute; inset: 0; width: 100%; height: 100%; }
.sf-layers { pointer-events: none; }
.sf-cursor { position: absolute; display: none; pointer-events: none; border-radius: 50%;
  border: 1px solid rgba(0, 0, 0, 0.6); box-shadow: 0 0 0 1px rgba(255, 255, 255, 0.7); }
.sf-hint { position: absolute; inset: 0; display: none; align-items: center; justify-content: center;
  text-align: center; padding: 1rem; pointer-events: none; opacity: 0.7; }
.sf-webcam { position: absolute; inset: 0; display: none; flex-direction: column; align-items: center;
  justify-content: center; gap: 0.4rem; background: #000000; }
.sf-webcam video { max-width: 100%; max-height: 85%; }
.sf-webcam-buttons { display: flex; gap: 0.4rem; }
.sf-message { color: var(--st-red-color, #ff2b2b); min-height: 0; }
.sf-message:empty { display: none; }
.sf-disabled .sf-bar { display: none; }
.sf-disabled .sf-stage { cursor: default; }
"""

_component: Any = None


def _canvas() -> Any:
    global _component
    if _component is None:
        js = Path(__file__).with_name("_drawing.js").read_text(encoding="utf-8")
        _component = st.components.v2.component("stface.drawing", js=js, css=_CSS)
    return _component


def _nothing() -> None:
    """The state's callback: Streamlit reports a component's state only to a key with one."""


def remember_start(state: Any, keys: WidgetKeys, payload: Any) -> None:
    """The value a new canvas starts from (stored by Clear, an example, a new session)."""
    state[keys.part("start")] = payload


def draw_canvas(widget: Any, keys: WidgetKeys, *, on_change: Callable | None = None) -> Drawing | Any:
    """Draw the canvas of ``widget.component`` and return its payload (a :class:`Drawing`, a stored value or None)."""
    component, session = widget.component, st.session_state
    version = session.get(keys.version, 0)
    token = f"{keys.value}:{version}"
    limit = max_file_bytes.get() or max_drawing_bytes()
    pixels = component.max_pixels or max_image_pixels()
    config = component.canvas_options().to_json()
    config.update(disabled=widget.disabled, max_bytes=limit, max_pixels=pixels)
    widget.caption()
    result = _canvas()(
        key=keys.versioned("canvas", version),
        data={"token": token, "config": config, "initial": _start(component, keys, token)},
        default={"value": None},
        on_value_change=on_change or _nothing,
    )
    state = result.get("value") if hasattr(result, "get") else None
    if isinstance(state, dict) and state.get("serial") != session.get(keys.seen):
        try:
            drawing = drawing_from_browser(state, max_bytes=limit, max_pixels=pixels)
        except Error as exc:
            st.warning(str(exc))
            drawing = None
        # The value first, then the mark: a run cut short between the two decodes the same state again.
        session[keys.value] = drawing
        session[keys.seen] = state.get("serial")
    if component.info:
        st.caption(translate(component.info))
    return session.get(keys.value)


def _start(component: Any, keys: WidgetKeys, token: str) -> dict[str, Any] | None:
    """The stored start value as the canvas takes it (data URLs), encoded once per canvas."""
    session = st.session_state
    cached = session.get(keys.part("start-data"))
    if isinstance(cached, tuple) and cached[0] == token:
        return cached[1]
    start, data = session.get(keys.part("start")), None
    if start is not None:
        options = component.canvas_options()
        try:
            canvas = canvas_from(start, max_pixels=component.max_pixels, fit_background=not options.resize_to_background,
                                 size=(options.width, options.height))  # fmt: skip
        except Error as exc:
            st.warning(str(exc))
            canvas = None
        if canvas is not None:
            data = {
                "width": canvas.size[0],
                "height": canvas.size[1],
                "background": None if canvas.source is None else data_url(canvas.source),
                "layers": [data_url(layer) for layer in canvas.layers],
                "touched": bool(canvas.layers),
            }
    session[keys.part("start-data")] = (token, data)
    return data
