"""Recording from the microphone with streamlit-webrtc.

The browser streams the microphone to the server over WebRTC (SENDONLY). The
frames arrive on aiortc's thread, where no ``st.*`` call may happen: they are
appended to a per-session ``Recording`` under a lock. When the person presses
Stop, the component's state changes, Streamlit reruns the script, and that
rerun takes the whole clip out of the recording.

streamlit-webrtc cannot run under Streamlit's AppTest (its fake runtime has
no WebRTC worker), so there, and when ``STFACE_MICROPHONE=native``, the
native ``st.audio_input`` recorder is used instead.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import numpy as np
import streamlit as st

from stface.components._codecs import AudioClip, MediaFile, decode_audio, to_int16
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.webrtc import streamer, uses_webrtc

__all__ = ["Recording", "frame_samples", "record"]


def frame_samples(array: np.ndarray, channels: int, planar: bool) -> np.ndarray:
    """An ``av.AudioFrame.to_ndarray()`` result -> (samples, channels).

    Planar formats come as (channels, samples); packed (interleaved) ones as
    (1, samples * channels).
    """
    if planar:
        return np.ascontiguousarray(array.T)
    return array.reshape(-1, channels)


class Recording:
    """Audio frames gathered off the script thread, under a lock."""

    #: Frames this far apart belong to different takes (Stop, then Start again).
    NEW_TAKE_AFTER_S = 1.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._chunks: list[np.ndarray] = []
        self._rate: int | None = None
        self._last_frame = 0.0

    def on_frame(self, frame: Any) -> Any:
        """streamlit-webrtc's audio frame callback (runs on aiortc's thread)."""
        samples = frame_samples(frame.to_ndarray(), len(frame.layout.channels), frame.format.is_planar)
        now = time.monotonic()
        with self._lock:
            if now - self._last_frame > self.NEW_TAKE_AFTER_S:
                self._chunks = []  # an earlier take that no rerun collected
            self._chunks.append(to_int16(samples))
            self._rate = frame.sample_rate
            self._last_frame = now
        return frame

    def take(self) -> AudioClip | None:
        """The whole clip so far (then empty), as Gradio hands audio to fn."""
        with self._lock:
            chunks, rate = self._chunks, self._rate
            self._chunks, self._rate = [], None
        if not chunks or not rate:
            return None
        samples = np.concatenate(chunks)
        # WebRTC's Opus decoder always yields stereo; a microphone is mono.
        if samples.shape[1] == 2 and np.array_equal(samples[:, 0], samples[:, 1]):
            samples = samples[:, 0]
        elif samples.shape[1] == 1:
            samples = samples[:, 0]
        return AudioClip(int(rate), samples)


def record(keys: WidgetKeys, label: str, *, disabled: bool = False) -> AudioClip | MediaFile | None:
    """Draw the recorder; return a finished clip once, right after Stop."""
    if not uses_webrtc():
        return _record_native(keys, label, disabled)
    from streamlit_webrtc import WebRtcMode

    session = st.session_state
    recording = session.setdefault(keys.part("recording"), Recording())
    context = streamer(
        keys.part("webrtc"),
        mode=WebRtcMode.SENDONLY,
        audio_frame_callback=recording.on_frame,
        media_stream_constraints={"audio": True, "video": False},
        desired_playing_state=None if not disabled else False,
    )
    note = st.empty()  # in every run, so that the form below never moves (an empty element takes no space)
    if context.state.playing:
        note.caption("Recording… press Stop when done.")
        return None
    # Stopped: whatever was recorded is a finished take. (Not "was playing in
    # the last run": a rerun cut short may never have seen the recording start.)
    return recording.take()


def _record_native(keys: WidgetKeys, label: str, disabled: bool) -> AudioClip | None:
    session = st.session_state
    recorded = st.audio_input(label, key=keys.versioned("native", session.get(keys.version, 0)), disabled=disabled)
    identity = getattr(recorded, "file_id", None)
    if recorded is None or identity == session.get(keys.part("native-seen")):
        return None
    session[keys.part("native-seen")] = identity
    return decode_audio(MediaFile("recording.wav", recorded.getvalue()))
