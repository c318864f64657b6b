"""The page of a live Interface that streams the webcam or the microphone.

``page.py`` draws such an interface as any other, but its inputs and
outputs come from here. The streaming input is a WebRTC connection
(``widgets/live_media.py``) feeding this session's
:class:`~stface.streaming.LiveStream`; the other inputs are drawn as usual
and their values go with every frame or chunk (change a slider while
streaming and the next frame uses it). fn never runs in a script run.

The outputs sit in a fragment that the stream reruns only when an output
shown there changed (a new transcript, not each frame): the stream's
worker asks for it through :class:`~stface.runtime.rerun.Rerunner`. An
Image output of a webcam stream and an Audio output of a microphone
stream are not drawn here: they go back over the connection, live.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any

import streamlit as st

from stface.components.audio import Audio
from stface.components.image import Image
from stface.components.state import State
from stface.i18n import translate
from stface.runtime.fn_context import Toasts, this_request
from stface.runtime.rerun import Rerunner
from stface.runtime.session import Keys, run_state
from stface.runtime.widgets import widget_for
from stface.runtime.widgets.live_media import stream_input
from stface.runtime.widgets.webrtc import uses_webrtc
from stface.stream_media import streamed_input
from stface.streaming import Connection, LiveStream
from stface.updates import apply

if TYPE_CHECKING:
    from stface.interface import Interface

__all__ = ["draw_live_inputs", "draw_live_outputs", "streams_live"]

#: A redraw asked for and not drawn after this long is asked for again (a rerun may be cut short).
_REASK_S = 2.0
#: How many times a page whose stream ended asks the browser to stop (every _REASK_S).
_STOP_TRIES = 10


def streams_live(interface: Interface) -> bool:
    """Whether the interface is live with a streaming input (drawn by this module)."""
    return interface.live and streamed_input(interface.input_components) is not None


class _Redraw:
    """Asks this session's outputs fragment to rerun when the stream's shown outputs change."""

    def __init__(self) -> None:
        self.fragment: Rerunner | None = None
        self.page: Rerunner | None = None
        self.asked = 0.0
        self._lock = threading.Lock()

    def changed(self) -> None:
        with self._lock:
            now = time.monotonic()
            if self.fragment is None or now - self.asked < _REASK_S:
                return  # one request at a time; the fragment draws whatever is newest
            self.asked = now
        self.fragment.request()

    def ended(self, reason: str, connection: Connection | None = None) -> None:
        """The stream ended by itself: the whole page reruns, which stops the browser's side.

        Until the browser's side has closed, the page is asked again now and
        then: a browser that drew a later run's streamer first may have
        missed the one that told it to stop.
        """
        for _ in range(_STOP_TRIES):
            if self.page is not None:
                self.page.request()
            if connection is None:
                return
            time.sleep(_REASK_S)
            if connection.closed:
                return

    def drawing(self) -> None:
        with self._lock:
            self.asked = 0.0


def _live(interface: Interface, keys: Keys) -> tuple[LiveStream, _Redraw]:
    session = st.session_state
    found = session.get(keys.live)
    if found is not None and found[0].interface is not interface:  # `streamlit run` builds the app anew each run
        found[0].interface, found[0].component = interface, interface.input_components[found[0].index]
    if found is None:
        index = streamed_input(interface.input_components)
        kind = Image if isinstance(interface.input_components[index], Image) else Audio
        outs = [i for i, c in enumerate(interface.output_components) if isinstance(c, kind) and c.visible]
        back = outs[0] if outs and uses_webrtc() else None  # sent back over the connection
        live = LiveStream(interface, holder=run_state(keys), video_out=back if kind is Image else None,
                          audio_out=back if kind is Audio else None)  # fmt: skip
        live.outputs = [_initial(c) for c in interface.output_components]
        redraw = _Redraw()
        live.on_change, live.on_end = redraw.changed, redraw.ended
        found = session[keys.live] = (live, redraw)
    return found


def _initial(component: Any) -> Any:
    try:
        return component.postprocess(component.value() if callable(component.value) else component.value)
    except Exception:  # noqa: BLE001 - a default that does not convert shows as empty
        return None


def draw_live_inputs(interface: Interface, keys: Keys) -> list[Any]:
    """Draw the inputs (the streaming one as a WebRTC streamer); return their payloads."""
    live, redraw = _live(interface, keys)
    live.request = this_request()
    redraw.page = Rerunner.here()
    payloads: list[Any] = []
    for index, component in enumerate(interface.input_components):
        widget = widget_for(component)
        if isinstance(component, State):
            payloads.append(run_state(keys).state)
        elif index == live.index:
            stream_input(component, keys.input(index), live, label=widget.label, disabled=widget.disabled)
            payloads.append(None)
        elif component.visible:
            payloads.append(widget.input(keys.input(index)))
        else:
            payloads.append(st.session_state[keys.input(index).value])
    live.inputs = payloads
    return payloads


def draw_live_outputs(interface: Interface, keys: Keys) -> None:
    """The outputs, in a fragment the stream reruns when they change (on a timer if it cannot)."""
    if Rerunner.available():
        _pushed(interface, keys)
    elif uses_webrtc():
        _polled(interface, keys)
    else:
        _draw(interface, keys)


def _draw(interface: Interface, keys: Keys) -> None:
    live, redraw = _live(interface, keys)
    redraw.fragment = Rerunner.here(fragment=True) or redraw.fragment
    redraw.drawing()
    if live.error:
        st.error(live.error, icon=":material/error:")
    toasts = Toasts()
    while live.messages:
        toasts.add(live.messages.pop(0))
    toasts.show()
    props = run_state(keys).props
    for index, component in enumerate(interface.output_components):
        component = apply(component, props.get(index, {}))
        if isinstance(component, State) or not component.visible:
            continue
        widget = widget_for(component)
        if index in (live.video_out, live.audio_out):
            widget.caption()
            where = translate(widget_for(live.component).label)
            st.caption(f"Live: {'the video' if index == live.video_out else 'the sound'} comes back in '{where}'.")
            continue
        widget.output(live.outputs[index], keys.output(index))


_pushed = st.fragment(_draw)
_polled = st.fragment(_draw, run_every=0.5)
