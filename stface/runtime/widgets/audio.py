"""Drawing Audio: a recorder and an uploader in, a player out.

The microphone records through streamlit-webrtc (``microphone.py``). Its
recorder needs reruns to connect, which a form would hold back, so it stands
above the inputs' form (``outside_form``); where WebRTC cannot run (AppTest,
``STFACE_MICROPHONE=native``) Streamlit's own recorder sits in the form. A
streaming microphone in a live interface is drawn by ``live_media.py``; a
streamed output plays its chunks as they come (``audio_stream.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from stface.components._codecs import AudioClip, encode_wav
from stface.components.audio import Audio
from stface.errors import Error
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets._media import MediaWidget
from stface.runtime.widgets.audio_stream import play_chunk
from stface.runtime.widgets.base import draws
from stface.runtime.widgets.microphone import record
from stface.runtime.widgets.webrtc import uses_webrtc
from stface.stream_media import AudioChunk, JoinedClip


@draws(Audio)
class AudioWidget(MediaWidget):
    component: Audio

    def outside_form(self, keys: WidgetKeys) -> None:
        sources = self.component.sources
        if "microphone" in sources and uses_webrtc():
            if "upload" in sources:
                st.caption(f"{self.label}: record, or upload below")
            recorded = record(keys, self.label, disabled=self.disabled)
            if recorded is not None:
                st.session_state[keys.value] = recorded

    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> Any:
        sources, session = self.component.sources, st.session_state
        native_mic = "microphone" in sources and not uses_webrtc()
        if "upload" in sources and native_mic:
            upload_tab, mic_tab = st.tabs(["Upload", "Microphone"])
        else:
            upload_tab = mic_tab = st.container()
        if "upload" in sources:
            with upload_tab:
                self.upload(keys)
        if native_mic:
            with mic_tab:
                recorded = record(keys, self.label, disabled=self.disabled)
                if recorded is not None:
                    session[keys.value] = recorded
        current = session.get(keys.value)
        self._preview(current)
        return current

    def _preview(self, value: Any) -> None:
        if value is None:
            st.caption("No audio yet." if "upload" in self.component.sources else "Record a clip: Start, speak, Stop.")
            return
        try:
            clip = self.component.clip(value)
        except Error as exc:
            st.warning(str(exc))
            return
        st.audio(encode_wav(clip), format="audio/wav")

    def output(self, payload: AudioClip | AudioChunk | None, keys: WidgetKeys) -> None:
        component = self.component
        if isinstance(payload, AudioChunk):  # a generator's chunk for Audio(streaming=True), while fn runs
            self.caption()
            play_chunk(payload, key=keys.value, output=keys.value.split(":update:")[0], autoplay=component.autoplay)
        elif self.output_header(payload, "No audio."):
            # a streamed output played its chunks as they came; now it holds them all, to replay
            st.audio(encode_wav(payload), format="audio/wav", autoplay=component.autoplay and not component.streaming)
            if isinstance(payload, JoinedClip) and payload.tail is not None and component.autoplay:
                play_chunk(payload.tail, key=keys.part("tail"), output=keys.value, autoplay=True)  # the last ones
