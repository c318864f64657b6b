"""What the microphone's recorder and the streaming inputs share of streamlit-webrtc.

:func:`streamer` draws a ``webrtc_streamer`` with the ICE servers
``STFACE_ICE_SERVERS`` names (a JSON list; unset, streamlit-webrtc's own
default), and keeps a live connection across quick reruns (see
:func:`_keep`). :func:`uses_webrtc` says whether WebRTC can run here at all.

Example::

    from streamlit_webrtc import WebRtcMode
    from stface.runtime.widgets.webrtc import streamer

    context = streamer("recorder", mode=WebRtcMode.SENDONLY, media_stream_constraints={"audio": True, "video": False})
    context.state.playing
"""

from __future__ import annotations

import json
import os
from typing import Any

import streamlit as st

__all__ = ["streamer", "uses_webrtc"]


def uses_webrtc() -> bool:
    """WebRTC unless asked not to, or under AppTest (whose Runtime is a mock)."""
    if os.environ.get("STFACE_MICROPHONE", "webrtc").lower() == "native":
        return False
    from streamlit.runtime import Runtime

    runtime = Runtime._instance  # AppTest installs a unittest.mock object here
    return runtime is not None and not type(runtime).__module__.startswith("unittest.mock")


def streamer(key: str, **options: Any) -> Any:
    """``webrtc_streamer(key=key, **options)`` with stface's ICE servers, keeping a live connection alive."""
    from streamlit_webrtc import webrtc_streamer

    _keep(key)
    return webrtc_streamer(key=key, rtc_configuration=_ice_servers(), **options)


def _ice_servers() -> dict[str, Any] | None:
    configured = os.environ.get("STFACE_ICE_SERVERS")
    return None if configured is None else {"iceServers": json.loads(configured)}


def _keep(key: str) -> None:
    """Keep streamlit-webrtc from dropping a live connection between two quick runs.

    It resets a streamer that was "not drawn in the last run", counting runs
    by the finished messages sent to the browser; those are counted on the
    server's event loop, after the run, so runs in quick succession (the
    reruns of the connection's own handshake, a stream's reruns) look like
    skipped ones when the machine is busy: the connection is stopped just
    after it was made, and the browser waits on it forever. stface draws the
    streamer in every run of its page; a page left and come back to remounts
    the component, whose first value stops the old connection anyway.
    """
    from streamlit_webrtc.session_info import get_script_run_count, get_this_session_info

    context, info = st.session_state.get(key), get_this_session_info()
    last = getattr(context, "_last_rendered_run_count", None)
    if last is not None and info is not None:
        context._last_rendered_run_count = max(last, get_script_run_count(info) - 1)
