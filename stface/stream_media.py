"""What live streams are made of: their options, the microphone in chunks, a generator's audio chunks.

* :func:`check_streaming` checks an Interface's ``stream_every`` and
  ``time_limit`` and its streaming inputs (:func:`streamed_input`).
* :class:`AudioChunker` cuts what the microphone sends into chunks of
  exactly ``stream_every`` seconds: in order, none lost, none repeated, up
  to a ``time_limit``.
* :class:`StreamedAudio` keeps the chunks a generator fn yields for an
  ``Audio(streaming=True)`` output: each is drawn as it comes
  (:class:`AudioChunk`), and the output then holds them all.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np

from stface.components._codecs import AudioClip, to_int16
from stface.components.audio import Audio
from stface.components.image import Image
from stface.errors import Error
from stface.updates import Updated, unwrapped

__all__ = [
    "AudioChunk",
    "AudioChunker",
    "JoinedClip",
    "StreamedAudio",
    "check_streaming",
    "join_clips",
    "mono",
    "resample_mono",
    "streamed_input",
]


def streamed_input(inputs: list[Any]) -> int | None:
    """The index of the input that streams (webcam or microphone), or None."""
    found = [i for i, c in enumerate(inputs) if isinstance(c, (Image, Audio)) and getattr(c, "streaming", False)]
    return found[0] if found else None


def check_streaming(inputs: list[Any], live: bool, stream_every: Any, time_limit: Any) -> tuple[float, float | None]:
    """Check an Interface's streaming options; return ``(stream_every, time_limit)``.

    As Gradio: streaming inputs outside a live interface warn and act as
    plain inputs. stface streams one input per interface.
    """
    if isinstance(stream_every, bool) or not isinstance(stream_every, (int, float)) or not stream_every > 0:
        raise ValueError(
            f"stream_every must be a number of seconds above 0 (Gradio's default is 0.5); got {stream_every!r}."
        )
    if time_limit is not None and (
        isinstance(time_limit, bool) or not isinstance(time_limit, (int, float)) or not time_limit > 0
    ):
        raise ValueError(f"time_limit must be a number of seconds above 0, or None for no limit; got {time_limit!r}.")
    streaming = [c for c in inputs if isinstance(c, (Image, Audio)) and getattr(c, "streaming", False)]
    if len(streaming) > 1:
        names = ", ".join(repr(c.display_label) for c in streaming)
        raise ValueError(f"stface streams one input per Interface; {names} all have streaming=True. "
                         "Keep streaming=True on one, or use one Interface per stream (gr.TabbedInterface).")  # fmt: skip
    if streaming and not live:
        warnings.warn("Streaming components are only supported in live interfaces.", stacklevel=3)
    return float(stream_every), None if time_limit is None else float(time_limit)


def mono(samples: np.ndarray) -> np.ndarray:
    """(n, 2) with identical channels (WebRTC's decoder always gives stereo) -> (n,)."""
    if samples.ndim == 2 and samples.shape[1] == 1:
        return samples[:, 0]
    if samples.ndim == 2 and samples.shape[1] == 2 and np.array_equal(samples[:, 0], samples[:, 1]):
        return samples[:, 0]
    return samples


class AudioChunker:
    """Samples in, chunks of exactly ``every`` seconds out: in order, none lost, none repeated.

    ``limit`` (seconds) caps the total: the chunk that reaches it is cut
    there and ``full`` becomes True.

    Example:
        >>> chunker = AudioChunker(0.5)
        >>> [len(c.samples) for c in chunker.add(np.zeros(700, dtype=np.int16), 1000)]
        [500]
        >>> chunker.flush().samples.shape
        (200,)
    """

    def __init__(self, every: float, limit: float | None = None) -> None:
        self.every, self.limit = every, limit
        self.rate: int | None = None
        self.emitted = 0  # samples handed out
        self.full = False
        self._parts: list[np.ndarray] = []
        self._pending = 0

    @property
    def seconds(self) -> float:
        """Audio handed out so far, in seconds."""
        return self.emitted / self.rate if self.rate else 0.0

    def add(self, samples: np.ndarray, rate: int) -> list[AudioClip]:
        """Take samples ((n,) or (n, channels), int16); return the chunks now complete."""
        if self.full or len(samples) == 0:
            return []
        done: list[AudioClip] = []
        if self.rate is not None and rate != self.rate:  # a new source: finish the old one's remainder
            last = self.flush()
            done += [last] if last is not None else []
            self.emitted, self.rate = 0, None
        self.rate = int(rate)
        self._parts.append(samples)
        self._pending += len(samples)
        size = max(1, round(self.every * self.rate))
        while self._pending >= size and not self.full:
            chunk = self._take(size)
            done += [chunk] if len(chunk.samples) else []
        return done

    def flush(self) -> AudioClip | None:
        """What is left (shorter than a chunk), or None."""
        if self._pending == 0 or self.full or self.rate is None:
            return None
        return self._take(self._pending)

    def _take(self, size: int) -> AudioClip:
        if self.limit is not None:
            room = round(self.limit * self.rate) - self.emitted
            if room <= size:
                size, self.full = max(room, 0), True
        joined = self._parts[0] if len(self._parts) == 1 else np.concatenate(self._parts)
        chunk, rest = joined[:size], joined[size:]
        self._parts, self._pending = ([rest] if len(rest) else []), len(rest)
        if self.full:
            self._parts, self._pending = [], 0
        self.emitted += len(chunk)
        return AudioClip(self.rate, chunk)


class StreamedAudio:
    """A generator's chunks for ``Audio(streaming=True)`` outputs: each plays as it comes; the result holds all.

    Each update draws the newest chunks (a few, so that one whose drawing the
    browser skipped, replaced by the next before it showed, still plays;
    the player plays each chunk once). The final output is a
    :class:`JoinedClip` that also carries the last ones, for the same reason.

    Example:
        >>> import numpy as np, stface as gr
        >>> streamed = StreamedAudio([gr.Audio(streaming=True, autoplay=True)])
        >>> for n in (1, 2):
        ...     streamed.add([AudioClip(8000, np.full(800, n, dtype=np.int16))])
        >>> final = streamed.joined([None])[0]
        >>> final.samples.shape, [seq for seq, _ in final.tail.parts]
        ((1600,), [0, 1])
    """

    #: How many of the newest chunks each drawing carries.
    WINDOW = 4

    def __init__(self, outputs: list[Any]) -> None:
        self.indexes = [i for i, c in enumerate(outputs) if isinstance(c, Audio) and c.streaming]
        self.chunks: dict[int, list[AudioClip]] = {i: [] for i in self.indexes}
        self.stream_id = f"{id(self):x}-{time.monotonic_ns():x}"

    def add(self, outputs: list[Any]) -> None:
        """Keep each streaming Audio output's new chunk (all of one sample rate, as a player needs)."""
        for index in self.indexes:
            payload, chunks = unwrapped(outputs[index]), self.chunks[index]
            if not isinstance(payload, AudioClip):
                continue
            if chunks and payload.sample_rate != chunks[0].sample_rate:
                raise Error(f"A streamed Audio output's chunks must share one sample rate: fn yielded "
                            f"{chunks[0].sample_rate} Hz, then {payload.sample_rate} Hz.")  # fmt: skip
            chunks.append(payload)

    def _newest(self, index: int) -> AudioChunk:
        chunks = self.chunks[index]
        first = max(0, len(chunks) - self.WINDOW)
        return AudioChunk(list(enumerate(chunks))[first:], f"{self.stream_id}-{index}")

    def playing(self, outputs: list[Any], number: int) -> list[Any]:
        """The outputs to draw for one update: a streaming Audio output shows its newest chunks."""
        if not self.indexes:
            return outputs
        shown = list(outputs)
        for index in self.indexes:
            if isinstance(unwrapped(outputs[index]), AudioClip):
                shown[index] = self._newest(index)
        return shown

    def joined(self, outputs: list[Any] | None) -> list[Any] | None:
        """The final outputs: a streaming Audio output holds every chunk, joined."""
        if outputs is None or not self.indexes:
            return outputs
        final = list(outputs)
        for index in self.indexes:
            if self.chunks[index]:
                whole = join_clips(self.chunks[index])
                clip = JoinedClip(whole.sample_rate, whole.samples, self._newest(index))
                given = outputs[index]  # options an update set stay with the joined clip
                final[index] = Updated(clip, given.props) if isinstance(given, Updated) and given.props else clip
        return final


class AudioChunk:
    """The newest chunks of a streamed Audio output, as ``(seq, clip)`` (``seq`` counts from 0 per stream)."""

    def __init__(self, parts: list[tuple[int, AudioClip]], stream_id: str) -> None:
        self.parts, self.stream_id = parts, stream_id


@dataclass(frozen=True, eq=False)
class JoinedClip(AudioClip):
    """A streamed output's whole clip, with its newest chunks (``tail``) for a player still playing them."""

    tail: AudioChunk | None = None


def join_clips(clips: list[AudioClip]) -> AudioClip:
    """Clips of one rate joined end to end (mono and stereo mixed become stereo)."""
    rate = clips[0].sample_rate
    if any(c.sample_rate != rate for c in clips):
        raise Error(
            f"Audio chunks must share one sample rate to be joined; got {sorted({c.sample_rate for c in clips})} Hz."
        )
    parts = [to_int16(c.samples) for c in clips]
    if len({p.ndim for p in parts}) > 1 or len({p.shape[1:] for p in parts}) > 1:
        parts = [p.reshape(len(p), -1) for p in parts]
        width = max(p.shape[1] for p in parts)
        parts = [np.repeat(p, width, axis=1) if p.shape[1] == 1 else p for p in parts]
    return AudioClip(rate, np.concatenate(parts))


def resample_mono(clip: AudioClip, rate: int) -> np.ndarray:
    """A clip as mono int16 at ``rate`` (linear interpolation), to play back over WebRTC."""
    samples = to_int16(clip.samples).astype(np.float32)
    if samples.ndim == 2:
        samples = samples.mean(axis=1)
    if clip.sample_rate != rate and len(samples):
        count = max(1, round(len(samples) * rate / clip.sample_rate))
        samples = np.interp(np.arange(count) * (clip.sample_rate / rate), np.arange(len(samples)), samples)
    return np.clip(np.round(samples), -32768, 32767).astype(np.int16)
