"""Audio: a recording or an uploaded file in, a playable clip out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from stface._kwargs import retired_value
from stface.components._codecs import (
    AUDIO_TYPES,
    AudioClip,
    MediaFile,
    audio_clip,
    decode_audio,
    encode_wav,
    to_int16,
)
from stface.components._media import MediaComponent, normalise_sources
from stface.components.base import interpretation_count
from stface.errors import Error
from stface.paths import save_bytes, servable_path

__all__ = ["Audio", "Microphone", "WaveformOptions"]

_SOURCES = ("upload", "microphone")


class Audio(MediaComponent[AudioClip | MediaFile | None]):
    """Audio in (microphone or upload) and out (a player).

    fn receives ``(sample_rate, samples)`` with int16 samples shaped
    ``(samples,)`` for mono or ``(samples, channels)``, or, with
    ``type="filepath"``, the path of a WAV file. fn may return the same tuple
    (int16, int32 or float samples, mono or stereo) or a file path.

    Args:
        source: Gradio 3's ``"upload"`` or ``"microphone"``.
        sources: Gradio 4's list of sources; both by default.
        type: ``"numpy"`` or ``"filepath"``.
        max_length: longest accepted clip in seconds (default 600,
            ``STFACE_MAX_AUDIO_SECONDS``).
        streaming: as an input of a ``live=True`` Interface, fn gets the microphone in chunks of
            the Interface's ``stream_every`` seconds as they are recorded (over WebRTC), and an
            Audio output of fn is played back live. As the output of a generator fn, each yielded
            chunk plays as it comes (with ``autoplay=True``), and the output then holds them all.
        autoplay: play a new output as soon as it is shown.

    The microphone records through streamlit-webrtc: press Start, speak,
    press Stop. Where WebRTC cannot run (Streamlit's AppTest, or with
    ``STFACE_MICROPHONE=native``) Streamlit's own recorder is used.

    Example:
        >>> import numpy as np, stface as gr
        >>> rate, samples = gr.Audio().preprocess((8000, np.zeros(800, dtype=np.float32)))
        >>> rate, samples.dtype, samples.shape
        (8000, dtype('int16'), (800,))
    """

    empty_message = "No audio for '{label}': record or upload a clip, then press Submit."
    upload_types = AUDIO_TYPES
    gradio_ignored = frozenset({"editable", "waveform_options", "format", "min_length",
                                "show_edit_button", "recording", "loop"})  # fmt: skip

    def __init__(
        self,
        value: Any = None,
        *,
        source: Literal["upload", "microphone"] | None = None,
        sources: list[str] | str | None = None,
        type: Literal["numpy", "filepath"] = "numpy",
        max_length: float | None = None,
        streaming: bool = False,
        autoplay: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        type = retired_value("Audio()", "type", type, {"file": "filepath", "auto": "numpy"})
        if type not in ("numpy", "filepath"):
            raise ValueError(f"Audio type must be 'numpy' or 'filepath'; got {type!r}.")
        self.sources = normalise_sources(source, sources, _SOURCES, ["microphone"] if streaming else list(_SOURCES))
        if streaming and "microphone" not in self.sources:
            raise ValueError(f"Audio(streaming=True) streams the microphone, so its sources must include it; got "
                             f"{self.sources}. Use sources=['microphone'] (Gradio 4+) or source='microphone' (Gradio 3).")  # fmt: skip
        self.streaming, self.autoplay = bool(streaming), bool(autoplay)
        self.type = type
        self.max_length = max_length

    def set_interpret_parameters(self, segments: int = 8) -> Audio:
        """How interpretation splits the clip (Gradio 3.x): into ``segments`` equal spans, each silenced in turn.

        Returns the component.

        Example:
            >>> import stface as gr
            >>> gr.Audio().set_interpret_parameters(segments=4).interpretation_segments
            4
        """
        self.interpretation_segments = interpretation_count("Audio", "segments", segments)
        return self

    # -- conversions -----------------------------------------------------------

    def clip(self, payload: Any) -> AudioClip | None:
        """Any accepted audio value -> :class:`AudioClip` (or None)."""
        if payload is None:
            return None
        if isinstance(payload, (AudioClip, tuple, list)):
            clip = audio_clip(payload)
            if self.max_length is not None and clip.seconds > self.max_length:
                raise Error(f"The clip is {clip.seconds:.0f} s long; the limit is {self.max_length:.0f} s.")
            return clip
        return decode_audio(payload, max_seconds=self.max_length)

    def preprocess(self, payload: Any) -> tuple[int, np.ndarray] | str | None:
        """Recording, upload, path or tuple -> ``(rate, int16 samples)`` or a WAV path."""
        clip = self.clip(payload)
        if clip is None:
            return None
        clip = AudioClip(clip.sample_rate, to_int16(clip.samples))
        if self.type == "filepath":
            return save_bytes(encode_wav(clip), "audio.wav")
        return clip.sample_rate, clip.samples

    def postprocess(self, value: Any) -> AudioClip | None:
        """``(rate, samples)``, a path, or bytes -> :class:`AudioClip` to play."""
        if value is None:
            return None
        if isinstance(value, (str, bytes)) or hasattr(value, "__fspath__"):
            if not isinstance(value, bytes):
                servable_path(value)
            return decode_audio(value)
        return audio_clip(value)

    def as_python(self, payload: AudioClip | None) -> tuple[int, np.ndarray] | None:
        return None if payload is None else (payload.sample_rate, payload.samples)


class Microphone(Audio):
    """Audio from the microphone (Gradio's ``"mic"`` / ``"microphone"`` shortcuts).

    Example:
        >>> import stface as gr
        >>> gr.Microphone().sources
        ['microphone']
    """

    def __init__(self, value: Any = None, *, sources: list[str] | str | None = "microphone", **kwargs: Any) -> None:
        super().__init__(value, sources=sources, **kwargs)


@dataclass
class WaveformOptions:
    """How Gradio draws an audio waveform (``Audio(waveform_options=...)``).

    Streamlit's audio player has no waveform, so the options are kept and
    have no effect on the page.

    Example:
        >>> import stface as gr
        >>> gr.WaveformOptions(waveform_color="#01C6FF").sample_rate
        44100
    """

    waveform_color: str | None = None
    waveform_progress_color: str | None = None
    trim_region_color: str | None = None
    show_recording_waveform: bool = True
    show_controls: bool = False
    skip_length: float = 5
    sample_rate: int = 44100
