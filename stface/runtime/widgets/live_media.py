"""A streaming input's WebRTC connection: the webcam or the microphone in, fn's outputs back.

One ``webrtc_streamer`` (SENDRECV) per streaming input. The browser's
frames reach a sink on aiortc's event loop, which only hands them to the
session's :class:`~stface.streaming.LiveStream` (the newest video frame, or
audio samples for its chunker); fn runs on the stream's worker thread. What
fn returns for the stream's Image output goes back over the same connection
as live video (a track that sends each processed frame as soon as it is
ready), and its Audio output as live audio (streamlit-webrtc's PCM source).
With no such output, the webcam's own frames go back as the preview.

Each connection gets fresh tracks (a track that has ended cannot start
again); they are stopped when the browser's track ends. Where WebRTC
cannot run (AppTest, ``STFACE_MICROPHONE=native``), Streamlit's camera and
recorder stand in: a photo is one frame, a recording is streamed in chunks.
"""

from __future__ import annotations

import asyncio
import fractions
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
import streamlit as st

from stface.components._codecs import AudioClip, MediaFile, decode_audio, decode_image, to_int16
from stface.components.audio import Audio
from stface.components.image import Image, LiveFrame
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.microphone import frame_samples
from stface.runtime.widgets.webrtc import streamer, uses_webrtc
from stface.stream_media import resample_mono
from stface.streaming import Connection, LiveStream

__all__ = ["stream_input"]

_VIDEO_CLOCK = 90_000
_AUDIO_OUT_RATE = 48_000


def _out_video_track() -> Any:
    """A video track that sends each frame put into it as soon as it is there (never a queue)."""
    from aiortc import MediaStreamTrack
    from aiortc.mediastreams import MediaStreamError

    class FrameTrack(MediaStreamTrack):
        kind = "video"

        def __init__(self) -> None:
            super().__init__()
            self._frame: Any = None
            self._loop: asyncio.AbstractEventLoop | None = None
            self._ready: asyncio.Event | None = None
            self._start = time.monotonic()
            self._pts = -1

        def put(self, frame: Any) -> None:
            """Any thread: the frame to send next (a newer one replaces it if not sent yet)."""
            self._frame = frame
            if self._loop is not None and not self._loop.is_closed():
                self._loop.call_soon_threadsafe(self._ready.set)

        async def recv(self) -> Any:
            if self._ready is None:
                self._loop, self._ready = asyncio.get_running_loop(), asyncio.Event()
            while True:
                if self.readyState != "live":
                    raise MediaStreamError
                frame, self._frame = self._frame, None
                if frame is not None:
                    break
                self._ready.clear()
                await self._ready.wait()
            self._pts = max(self._pts + 1, int((time.monotonic() - self._start) * _VIDEO_CLOCK))
            frame.pts, frame.time_base = self._pts, fractions.Fraction(1, _VIDEO_CLOCK)
            return frame

        def stop(self) -> None:
            super().stop()
            if self._loop is not None and not self._loop.is_closed():
                self._loop.call_soon_threadsafe(self._ready.set)

    return FrameTrack()


def _sink(callback: Any, kind: str, on_ended: Any) -> Any:
    from streamlit_webrtc import AudioSinkTrack, VideoSinkTrack

    class Sink(VideoSinkTrack if kind == "video" else AudioSinkTrack):  # type: ignore[misc,valid-type]
        used = False

        def addTrack(self, track: Any) -> None:  # noqa: N802 - streamlit-webrtc's name
            self.used = True
            super().addTrack(track)

    sink = Sink(callback)
    sink._on_ended_callback = on_ended
    return sink


@dataclass
class _Link:
    """One connection's tracks: the browser's track into a sink; fn's outputs out."""

    connection: Connection
    sink: Any
    video_out: Any = None
    audio_out: Any = None
    finished: bool = False  # the browser's track ended: the next connection needs new tracks
    before: str | None = None  # why the connection before this one ended by itself, if it did

    def ended(self) -> None:
        """The browser's track ended: the stream's rest goes to fn, and our tracks stop."""
        self.finished = True
        self.connection.close()
        stream = self.connection.stream
        if self.connection.ended is not None and stream.on_end is not None:
            stream.on_end("closed", None)  # the page asked the browser to stop: rerun it so that Start comes back
        for track in (self.video_out, getattr(self.audio_out, "track", None)):
            if track is not None:
                track.stop()

    def send_video(self, array: np.ndarray) -> None:
        import av

        if self.video_out is not None:
            self.video_out.put(av.VideoFrame.from_ndarray(array, format="rgb24"))

    def send_audio(self, clip: AudioClip) -> None:
        if self.audio_out is not None:
            self.audio_out.push(resample_mono(clip, _AUDIO_OUT_RATE))


def _video_link(live: LiveStream) -> _Link:
    connection = live.connection()
    out = _out_video_track()
    preview = live.video_out is None  # nothing of fn's comes back: the webcam's own frames do

    def on_frame(frame: Any) -> None:
        connection.put_frame(frame)
        if preview:
            out.put(frame)

    link = _Link(connection, None, video_out=out)
    link.sink = _sink(on_frame, "video", link.ended)
    return link


def _audio_link(live: LiveStream) -> _Link:
    from streamlit_webrtc import PcmAudioSource

    connection = live.connection()

    def on_frame(frame: Any) -> None:
        samples = frame_samples(frame.to_ndarray(), len(frame.layout.channels), frame.format.is_planar)
        connection.put_samples(to_int16(samples), frame.sample_rate)

    out = PcmAudioSource(sample_rate=_AUDIO_OUT_RATE) if live.audio_out is not None else None
    link = _Link(connection, None, audio_out=out)
    link.sink = _sink(on_frame, "audio", link.ended)
    return link


def _frame_array(frame: Any) -> LiveFrame:
    return LiveFrame(frame.to_ndarray(format="rgb24"))


def stream_input(component: Image | Audio, keys: WidgetKeys, live: LiveStream, *, label: str, disabled: bool) -> None:
    """Draw the streaming input: a WebRTC streamer whose frames go to ``live``."""
    if not uses_webrtc():
        _native(component, keys, live, label=label, disabled=disabled)
        return
    from streamlit_webrtc import WebRtcMode

    session, video = st.session_state, isinstance(component, Image)
    link: _Link | None = session.get(keys.part("live-link"))
    if link is None or link.finished:  # a new connection needs fresh tracks
        before = link.connection.ended if link is not None else None
        link = session[keys.part("live-link")] = _video_link(live) if video else _audio_link(live)
        link.before = before
    live.convert = _frame_array
    live.send_video, live.send_audio = link.send_video, link.send_audio
    st.caption(label)
    if video:
        mirrored = component.mirror_webcam and live.video_out is None  # a preview looks like a mirror
        media = dict(
            media_stream_constraints={"video": component.webcam_constraints or True, "audio": False},
            sink_video_track=link.sink, source_video_track=link.video_out, sendback_audio=False,
            video_html_attrs={"autoPlay": True, "controls": False, "muted": True,
                              "style": {"width": "100%", **({"transform": "scaleX(-1)"} if mirrored else {})}},
        )  # fmt: skip
    else:
        media = dict(
            media_stream_constraints={"audio": True, "video": False}, sink_audio_track=link.sink,
            source_audio_track=link.audio_out.track if link.audio_out is not None else None, sendback_video=False,
        )  # fmt: skip
    # The stream ended by itself (time limit, error) while the browser still sends: stop the browser's side.
    stop = disabled or link.connection.ended is not None
    context = streamer(keys.part("webrtc"), mode=WebRtcMode.SENDRECV, desired_playing_state=False if stop else None,
                       **media)  # fmt: skip
    if (link.connection.ended or (None if link.sink.used else link.before)) == "time_limit":
        st.caption(
            f"The stream stopped after its time limit of {live.interface.time_limit:g} s. Press Start to stream again."
        )
    elif context.state.playing and live.video_out is None and live.audio_out is None:
        st.caption(
            "Streaming: fn runs on "
            + ("each frame." if video else f"every {live.interface.stream_every:g} s of audio.")
        )


def _native(component: Image | Audio, keys: WidgetKeys, live: LiveStream, *, label: str, disabled: bool) -> None:
    """Streamlit's own camera and recorder, where WebRTC cannot run: a photo is a frame, a recording a stream."""
    session = st.session_state
    version = session.get(keys.version, 0)
    if isinstance(component, Image):
        taken = st.camera_input(label, key=keys.versioned("live-webcam", version), disabled=disabled)
    else:
        taken = st.audio_input(label, key=keys.versioned("live-native", version), disabled=disabled)
    identity = getattr(taken, "file_id", None)
    if taken is None or identity == session.get(keys.part("live-seen")):
        return
    session[keys.part("live-seen")] = identity
    if isinstance(component, Image):
        photo = decode_image(MediaFile("webcam.jpg", taken.getvalue()), max_pixels=component.max_pixels)
        live.process_now(LiveFrame(np.asarray(photo.convert("RGB"))))
    else:
        live.feed_clip_now(decode_audio(MediaFile("recording.wav", taken.getvalue())))
