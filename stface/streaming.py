"""Live streams: webcam frames and microphone chunks to fn as they arrive, without a page.

A ``live=True`` Interface whose input is ``Image(streaming=True)`` (the
webcam) or ``Audio(streaming=True)`` (the microphone) calls fn for each
frame, or for each ``stream_every`` seconds of audio, as Gradio does. This
module holds what that means, in pure Python: the page feeds a
:class:`LiveStream` from WebRTC's threads (``stface/runtime/widgets/live_media.py``)
and draws what it publishes.

* Frames: fn runs on the stream's own worker thread, one frame at a time,
  always on the newest one; frames that arrive meanwhile replace each other
  (counted in ``dropped``), so nothing queues up under load.
* Audio: :class:`AudioChunker` cuts the microphone into chunks of exactly
  ``stream_every`` seconds; fn gets every chunk, in order, with nothing left
  out. If fn falls behind, the waiting chunks are joined into one (fn gets a
  longer chunk, still without a gap) rather than queued without bound.
* State carries from call to call (``fn(state, chunk) -> (state, text)``);
  ``time_limit`` ends a stream (seconds of audio, or of frames); an error in
  fn ends it too and is kept, once, in ``error``.

Example:
    >>> import numpy as np, stface as gr
    >>> def count(total, chunk):
    ...     rate, samples = chunk
    ...     total = (total or 0) + len(samples)
    ...     return total, f"{total / rate:.1f} s"
    >>> demo = gr.Interface(count, ["state", gr.Audio(streaming=True)], ["state", "text"], live=True,
    ...                     stream_every=0.5, time_limit=2)
    >>> stream = LiveStream(demo)
    >>> stream.feed_clip_now((8000, np.zeros(8000 * 3, dtype=np.int16)))  # 3 s recorded, 2 s allowed
    >>> stream.outputs, stream.calls, stream.ended
    ([None, '2.0 s'], 4, 'time_limit')
"""

from __future__ import annotations

import contextlib
import inspect
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

import numpy as np

from stface.components._codecs import AudioClip, audio_clip, to_int16
from stface.components.state import State
from stface.concurrency import gate_for
from stface.errors import Error
from stface.helpers import check_inputs
from stface.messages import notifying_to
from stface.paths import using_policy
from stface.pipeline import call_fn, postprocess_all, preprocess_all, split_outputs
from stface.request import requested
from stface.stream_media import AudioChunker, mono, streamed_input
from stface.updates import KEEP, unwrapped

__all__ = ["Connection", "LiveStream"]

_LOG = logging.getLogger("stface")
_GENERIC_ERROR = "Something went wrong while running the function. Please try again."
#: A worker with nothing to do for this long ends (the next frame starts another).
_IDLE_S = 30.0


class Connection:
    """One connection's feed into a :class:`LiveStream` (a WebRTC session from Start to Stop).

    Frames of a connection older than the stream's newest are ignored, so a
    late frame of a stopped stream never mixes into the next one.
    """

    def __init__(self, stream: LiveStream, number: int) -> None:
        self.stream, self.number = stream, number
        #: Why the stream ended before Stop ("time_limit", "error"), once it has.
        self.ended: str | None = None
        #: The browser's side of the connection has ended.
        self.closed = False

    def put_frame(self, frame: Any) -> None:
        """A video frame (from any thread): fn gets the newest when it is free."""
        self.stream._put(self, frame=frame)

    def put_samples(self, samples: np.ndarray, rate: int) -> None:
        """Audio samples, (n,) or (n, channels) int16 (from any thread)."""
        self.stream._put(self, samples=(samples, rate))

    def close(self) -> None:
        """The connection ended: what is left of the audio goes to fn, then the worker rests."""
        self.closed = True
        self.stream._close(self)


class LiveStream:
    """One browser session's stream into one live Interface (``interface``: its fn, components and options).

    The page sets ``inputs`` (the other inputs' payloads) on each rerun and
    the hooks: ``send_video(array)`` / ``send_audio(clip)`` take the outputs
    that go back over WebRTC, ``on_change()`` is called when an output shown
    in the page changed, ``on_end(reason, connection)`` when a stream ended by
itself (the page then stops the browser's side, until ``connection.closed``).
    ``state`` lives in ``holder.state`` (the page's RunState), carried from
    call to call.
    """

    def __init__(self, interface: Any, *, holder: Any = None, video_out: int | None = None,
                 audio_out: int | None = None) -> None:  # fmt: skip
        self.interface = interface
        self.index = streamed_input(interface.input_components)
        if self.index is None:
            raise ValueError(f"{interface.__name__} has no input with streaming=True.")
        self.component = interface.input_components[self.index]
        self.holder = holder if holder is not None else type("Holder", (), {"state": None})()
        self.video_out, self.audio_out = video_out, audio_out
        self.inputs: list[Any] = [c.initial_payload() for c in interface.input_components]
        self.outputs: list[Any] = [None] * len(interface.output_components)
        self.error: str | None = None
        self.messages: list[Any] = []
        self.version = 0  # bumps whenever what the page shows changes
        self.calls = self.dropped = 0
        self.request: Any = None
        self.convert: Callable[[Any], Any] | None = None  # a video frame -> LiveFrame (set by the page)
        self.send_video: Callable[[np.ndarray], None] | None = None
        self.send_audio: Callable[[AudioClip], None] | None = None
        self.on_change: Callable[[], None] | None = None
        self.on_end: Callable[[str, Connection], None] | None = None
        self._cond = threading.Condition()
        self._connection: Connection | None = None
        self._connections = 0
        self._frame: Any = None
        self._chunks: deque[AudioClip] = deque()
        self._chunker: AudioChunker | None = None
        self._started = 0.0
        self._closing = False
        self._worker: threading.Thread | None = None
        self._state_ins = [i for i, c in enumerate(interface.input_components) if isinstance(c, State)]

    # -- feeding -----------------------------------------------------------------

    def connection(self) -> Connection:
        """A handle for the next connection (its first frame starts a new stream)."""
        with self._cond:
            self._connections += 1
            return Connection(self, self._connections)

    @property
    def ended(self) -> str | None:
        """Why the current stream ended by itself, if it has."""
        return self._connection.ended if self._connection is not None else None

    def _put(self, connection: Connection, *, frame: Any = None, samples: Any = None) -> None:
        with self._cond:
            if self._connection is None or connection.number > self._connection.number:
                self._begin(connection)
            if connection is not self._connection or connection.ended or self._closing:
                return
            limit = self.interface.time_limit
            if frame is not None and limit is not None and time.monotonic() - self._started > limit:
                self._end_locked("time_limit")
            elif frame is not None:
                self.dropped += self._frame is not None  # the newest frame wins; fn never falls behind
                self._frame = frame
            else:
                for chunk in self._chunker.add(mono(samples[0]), samples[1]):
                    self._queue_chunk(chunk)
                if self._chunker.full:
                    self._end_locked("time_limit")
            self._cond.notify()
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._work, name="stface-live-stream", daemon=True)
                self._worker.start()

    def _begin(self, connection: Connection) -> None:
        """A new stream: fresh timers and chunker; the last stream's error is forgotten."""
        if self._connection is not None and self._chunker is not None and not self._closing:
            rest = self._chunker.flush()
            if rest is not None:
                self._queue_chunk(rest)
        self._connection, self._closing = connection, False
        self._chunker = AudioChunker(self.interface.stream_every, self.interface.time_limit)
        self._started, self._frame = time.monotonic(), None
        if self.error is not None:
            self.error = None
            self._changed()

    def _queue_chunk(self, chunk: AudioClip) -> None:
        self._chunks.append(chunk)
        backlog = max(4, round(10 / self.interface.stream_every))
        if len(self._chunks) > backlog:  # fn is far behind: one longer chunk, still without a gap
            joined = np.concatenate([c.samples for c in self._chunks])
            self._chunks = deque([AudioClip(chunk.sample_rate, joined)])

    def _close(self, connection: Connection) -> None:
        with self._cond:
            if connection is not self._connection or self._closing:
                return
            if self._chunker is not None and not connection.ended:
                rest = self._chunker.flush()
                if rest is not None:
                    self._queue_chunk(rest)
            self._closing, self._frame = True, None
            self._cond.notify()

    def _end_locked(self, reason: str) -> None:
        connection = self._connection
        if connection is None or connection.ended:
            return
        connection.ended = reason
        self._closing = True
        self.version += 1
        if self.on_end is not None:
            threading.Thread(target=self.on_end, args=(reason, connection), daemon=True).start()

    def _work(self) -> None:
        while True:
            with self._cond:
                waited = time.monotonic()
                while self._frame is None and not self._chunks:
                    if self._closing or time.monotonic() - waited > _IDLE_S:
                        self._worker = None
                        return
                    self._cond.wait(1.0)
                if self._chunks:
                    item: Any = self._chunks.popleft()
                else:
                    item, self._frame = self._frame, None
                connection = self._connection
            if isinstance(item, AudioClip):
                self._process(item, connection)
            else:
                try:
                    payload = self.convert(item) if self.convert is not None else item
                except Exception:  # noqa: BLE001 - a frame that does not decode is skipped
                    _LOG.exception("a live frame could not be converted")
                    continue
                self._process(payload, connection)

    # -- calling fn (also inline, where no WebRTC runs: AppTest) ------------------

    def process_now(self, payload: Any) -> None:
        """Run fn on one frame (a photo) on this thread."""
        self._process(payload, None)

    def feed_clip_now(self, clip: Any) -> None:
        """Run fn on a whole recording, chunk by chunk, on this thread (one stream from start to end)."""
        clip = audio_clip(clip)
        connection = self.connection()
        with self._cond:
            self._begin(connection)
        chunks = self._chunker.add(mono(to_int16(clip.samples)), clip.sample_rate)
        rest = None if self._chunker.full else self._chunker.flush()
        for chunk in chunks + ([rest] if rest is not None else []):
            if connection.ended:
                break
            self._process(chunk, connection)
        if self._chunker.full and not connection.ended:
            connection.ended = "time_limit"

    def _process(self, payload: Any, connection: Connection | None) -> None:
        if connection is not None and connection.ended == "error":
            return
        interface = self.interface
        try:
            for outputs in self._call(payload):
                self._publish(outputs)
        except Error as exc:
            self._fail(exc.shown if exc.visible else None, exc if exc.print_exception else None, connection)
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - the app keeps serving
            detail = f"{type(exc).__name__}: {exc}" if interface.launch_options.show_error else _GENERIC_ERROR
            self._fail(detail, exc, connection)

    def _call(self, payload: Any) -> Any:
        interface = self.interface
        payloads = list(self.inputs)
        payloads[self.index] = payload
        for index in self._state_ins:
            payloads[index] = self.holder.state
        gate = gate_for(interface.key, interface.concurrency, interface.queue_max_size)
        with using_policy(interface.file_policy()), requested(self.request), notifying_to(self._message), \
                gate.slot() if gate else contextlib.nullcontext():  # fmt: skip
            args = preprocess_all(interface.input_components, payloads)
            if interface.validator is not None:
                check_inputs(interface.validator, args, [c.display_label for c in interface.input_components])
            self.calls += 1
            if interface.batch:
                result = call_fn(interface.fn, args, batch=True, n_outputs=len(interface.output_components))
            else:
                result = interface.fn(*args)
            for update in result if inspect.isgenerator(result) else [result]:
                yield self._convert_outputs(split_outputs(update, interface.output_components))

    def _convert_outputs(self, values: list[Any]) -> list[Any]:
        components = self.interface.output_components
        live = {i for i in (self.video_out, self.audio_out) if i is not None}
        converted = postprocess_all([c for i, c in enumerate(components) if i not in live],
                                    [v for i, v in enumerate(values) if i not in live])  # fmt: skip
        rest = iter(converted)
        outputs = []
        for index, value in enumerate(values):
            if index == self.video_out:
                outputs.append(components[index].frame_out(unwrapped(value)))
            elif index == self.audio_out:
                outputs.append(components[index].postprocess(unwrapped(value)))
            else:
                outputs.append(next(rest))
        return outputs

    def _publish(self, outputs: list[Any]) -> None:
        changed = False
        for index, (component, payload) in enumerate(zip(self.interface.output_components, outputs)):
            payload = unwrapped(payload)
            if payload is KEEP:
                continue
            if isinstance(component, State):
                self.holder.state = payload
            elif index == self.video_out:
                if payload is not None and self.send_video is not None:
                    self.send_video(payload)
            elif index == self.audio_out:
                if payload is not None and self.send_audio is not None:
                    self.send_audio(payload)
            elif not _same(payload, self.outputs[index]):
                self.outputs[index], changed = payload, True
        if changed:
            self._changed()

    def _message(self, message: Any) -> None:
        self.messages.append(message)
        self._changed()

    def _fail(self, detail: str | None, exc: BaseException | None, connection: Connection | None) -> None:
        if exc is not None:
            _LOG.error("fn %s raised during a live stream", self.interface.__name__, exc_info=exc)
        self.error = detail
        with self._cond:
            if connection is not None and connection is self._connection:
                self._end_locked("error")
        self._changed()

    def _changed(self) -> None:
        self.version += 1
        if self.on_change is not None:
            self.on_change()


def _same(a: Any, b: Any) -> bool:
    """Whether an output payload is unchanged (so the page need not redraw it)."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        return a.shape == b.shape and a.dtype == b.dtype and np.array_equal(a, b)
    try:
        return bool(a == b)
    except Exception:  # noqa: BLE001 - payloads whose == is not a bool (holding arrays) count as changed
        return False
