"""One request's run on an Interface page: fn with its progress, messages and streamed updates, and Stop.

The page (``stface.runtime.page``) calls :func:`run_request` when Submit
left the request pending. The answer is stored in the session's
:class:`~stface.runtime.session.RunState`, which the page then draws. A
generator fn gets Gradio's Stop button above its updates: what streamed
before Stop is the answer.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import logging
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import streamlit as st

from stface.components.state import State
from stface.concurrency import gate_for
from stface.errors import Error
from stface.i18n import translate
from stface.messages import notifying_to
from stface.progress import reporting_to
from stface.request import requested
from stface.runtime.flag_buttons import flag_automatically
from stface.runtime.fn_context import Toasts, this_request
from stface.runtime.interrupts import Held, Updates
from stface.runtime.rerun import Rerunner
from stface.runtime.session import Keys, Result, run_state
from stface.runtime.widgets import widget_for
from stface.stream_media import StreamedAudio
from stface.updates import KEEP, Merged, Updated, apply, unwrapped

if TYPE_CHECKING:
    from stface.interface import Interface

__all__ = ["Slots", "run_request", "shown_payload"]

_LOG = logging.getLogger("stface")
_GENERIC_ERROR = "Something went wrong while running the function. Please try again."
#: How long Stop waits for a generator fn's next update before the page goes on without it.
_STOP_WAIT_S = 5.0
#: st.spinner shows its "Running…" after 0.5 s, from a thread it starts on every use; on a busy two-core
#: server starting that thread costs as much as the rest of a small app's rerun. An interface whose last
#: few requests each took well under that delay (so the spinner never showed) runs without it, and gets
#: it back as soon as one request takes longer.
_QUICK_S, _QUICK_RUNS = 0.25, 3
_recent: dict[str, collections.deque[float]] = {}


def quick(key: str) -> bool:
    """Whether the interface of this key (its ``Keys.prefix``) answered its last few requests well within the spinner's delay."""
    recent = _recent.get(key)
    return recent is not None and len(recent) == _QUICK_RUNS and max(recent) < _QUICK_S


def remember(key: str, seconds: float) -> None:
    """How long a request of the interface of this key took (see :func:`quick`)."""
    _recent.setdefault(key, collections.deque(maxlen=_QUICK_RUNS)).append(seconds)


class Slots:
    """Where a request shows itself: each output's place, and what a run shows under the outputs.

    Stop (or Streamlit's "Running…") and the progress bar are made only when
    a request needs them, under the outputs' container, so they never move
    the outputs: the last answer stays in place until the run draws over it.
    An interface that streams has one slot per output, and one for the error
    above them, made when the first of them is drawn, so that each update
    replaces its output in place instead of stacking a second copy beside
    the last answer.
    """

    def __init__(self, column: Any, outputs: Any, interface: Interface) -> None:
        self.outputs = outputs
        self._column = column
        self._count = len(interface.output_components) if interface.streams else 0
        self._places: list[Any] | None = None
        self._shown: set[int] = set()
        self._status: Any = None
        self._progress: Any = None

    def stop_button(self, label: str, keys: Keys) -> None:
        """Gradio's Stop, while a generator fn streams: its click reruns the page, which ends this run."""
        self._status = self._column.empty()
        self._status.button(label, key=keys.stop, on_click=_stop, args=(keys,), type="secondary", width="stretch")

    @contextlib.contextmanager
    def spinner(self) -> Iterator[None]:
        """Streamlit's "Running…" under the outputs, after half a second."""
        with contextlib.ExitStack() as spinning:
            with self._column:  # st.spinner makes its element where it is entered; fn runs outside the column
                spinning.enter_context(st.spinner("Running…"))
            yield

    def report(self, fraction: float | None, desc: str | None) -> None:
        """fn's progress (``gr.Progress``), as a progress bar under the outputs."""
        if self._progress is None:
            self._progress = self._column.empty()
        self._progress.progress(fraction or 0.0, text=desc or None)

    def _place(self, number: int) -> Any:
        if self._places is None:
            self._places = [self.outputs.empty() for _ in range(self._count + 1)]  # the error's, then each output's
        return self._places[number]

    def error(self, message: str) -> None:
        """The request's error, above the outputs."""
        (self._place(0) if self._count else st).error(message, icon=":material/error:")

    def output(self, index: int, *, answer: bool = False) -> contextlib.AbstractContextManager[Any]:
        """Enter to draw output ``index``: in order in the outputs' container, or in its own slot when fn streams.

        The ``answer`` after a run's updates starts from an empty slot:
        Streamlit keeps a block's children when the block is drawn again,
        and the answer may draw fewer elements than the last update did.
        """
        if not self._count:
            return contextlib.nullcontext()
        place = self._place(index + 1)
        if answer and index in self._shown:
            place.empty()
        self._shown.add(index)
        return place.container()

    def shown(self, index: int) -> bool:
        """Whether output ``index`` was drawn in this run."""
        return index in self._shown

    def hide(self, index: int) -> None:
        """Output ``index`` is not shown (made invisible by an update)."""
        self._shown.discard(index)
        if self._places is not None:
            self._places[index + 1].empty()

    def clear(self) -> None:
        """The request is over: Stop and the progress bar go (the spinner goes by itself)."""
        for slot in (self._status, self._progress):
            if slot is not None:
                slot.empty()
        self._status = self._progress = None


def shown_payload(result: Result | None, index: int, component: Any) -> Any:
    """What output ``index`` shows for ``result``: its payload, or the component's value before any answer."""
    if result is not None and result.outputs is not None:
        return result.outputs[index]
    try:
        return component.postprocess(component.value() if callable(component.value) else component.value)
    except Exception:  # noqa: BLE001 - a default that does not convert shows as empty
        return component.postprocess(None)


def _stop(keys: Keys) -> None:
    """Stop's callback, in the rerun its click starts: the running generator ends at its next update.

    The run that streams may be cut short by this rerun or go on beside it
    (Streamlit does either): its lock is free once it has ended, and then
    what it streamed becomes the answer.
    """
    run = run_state(keys)
    run.redraw = Rerunner.here()  # if fn is still busy after the wait: the streaming run redraws once it stopped
    run.stop_requested, run.pending = True, False
    if run.lock.acquire(timeout=_STOP_WAIT_S):  # fn may be between two updates: wait for its next one, a while
        try:
            run.redraw = None  # this rerun draws the answer itself
            run.stopped()
        finally:
            run.lock.release()


def run_request(interface: Interface, keys: Keys, payloads: list[Any], slots: Slots) -> None:
    """Run the pending request (or take up its paused stream) and store the answer.

    A rerun or Streamlit's Stop that arrives while fn runs is held until the
    answer is stored (:mod:`stface.runtime.interrupts`), then goes on.
    """
    run = run_state(keys)
    if shows_stop := bool(interface.streams and interface.stop_btn):  # Stop says fn is running: no spinner beside it
        slots.stop_button(translate(interface.stop_btn if isinstance(interface.stop_btn, str) else "Stop"), keys)
    held = Held()
    key = keys.prefix  # this interface on this page (interface.key would hash its parts again)
    # Streamlit starts a new run while fn still runs in the old one (any click):
    # the session's lock keeps fn's calls one at a time, and the new run finds
    # the answer stored, or the stream paused for it to take over.
    with contextlib.nullcontext() if quick(key) or shows_stop else slots.spinner(), run.lock:
        if not run.pending:  # the run before this one answered the request while this one waited for it
            slots.clear()
            return
        started = time.perf_counter()
        result, asked = _predict(interface, keys, payloads, slots, held)
        remember(key, time.perf_counter() - started)
        if result.outputs is not None and result.error is None:
            for component, payload in zip(interface.output_components, result.outputs):
                if isinstance(component, State) and unwrapped(payload) is not KEEP:
                    run.state = unwrapped(payload)
        run.answered(result)
        if run.asked != asked:  # Submit again while fn ran: fn answers the newer request next, with today's inputs
            run.pending = True
        result = run.result  # updates merged: plain payloads
    if interface.allow_flagging == "auto" and result.outputs is not None:
        flag_automatically(interface, keys, result)
    held.release()
    slots.clear()


class _Request(Updates):
    """One Interface request's updates, with what its answer is made of."""

    def __init__(self, interface: Interface, payloads: list[Any], asked: int) -> None:
        super().__init__(interface.predict_stream(payloads, gathered=True))
        self.payloads, self.asked = list(payloads), asked
        self.streamed = StreamedAudio(interface.output_components)  # Audio(streaming=True): each chunk plays as it comes
        self.merged = Merged()
        self.shown: list[Any] | None = None  # every output as the updates so far left it

    def add(self, outputs: list[Any]) -> None:
        """Take one update (what fn yielded, as ``last``)."""
        self.streamed.add(outputs)
        self.shown = self.merged.add(outputs)

    def result(self, error: str | None = None) -> Result:
        return Result(outputs=self.streamed.joined(self.shown), error=error, payloads=list(self.payloads))


def _predict(interface: Interface, keys: Keys, payloads: list[Any], slots: Slots, held: Held) -> tuple[Result, int]:
    """Run fn (within the concurrency limit), showing progress and streamed updates.

    A generator fn's stream that a rerun paused is taken up where it was,
    with the inputs it started with: fn is called once per request. Returns
    the answer and the number of the request it answers (``RunState.asked``).
    Called with the session's lock held.
    """
    gate = gate_for(interface.key, interface.concurrency, interface.queue_max_size)
    run = run_state(keys)
    request: _Request | None = None
    toasts = Toasts()

    def report(fraction: float | None, desc: str | None) -> None:
        with held:
            slots.report(fraction, desc)

    def bindings() -> tuple[contextlib.AbstractContextManager[Any], ...]:
        return reporting_to(report), notifying_to(toasts.add), requested(this_request)

    def draw() -> bool:
        """Draw one update; whether Streamlit's Stop ends the stream here (a rerun pauses it instead)."""
        with held:
            toasts.show()
            if interface.streams:
                number = request.count - 1
                shown = request.streamed.playing(request.shown, number)
                _draw_update(interface, keys, shown, request.last, slots, number)
        if held.stopping:  # Streamlit's Stop (the toolbar's, or the session ends): as Gradio's Stop
            request.close()
            return True
        if held.signal is not None and interface.streams:
            if run.pending:  # the next run goes on with it, or (Submit again) closes it for the newer request
                run.updates = request
            else:  # Clear or a cached example ended it
                request.close()
            held.release()
        return False

    def answer(error: str | None = None) -> tuple[Result, int]:
        if request is None:
            return Result(error=error, payloads=list(payloads)), run.asked
        return request.result(error), request.asked

    try:
        with gate.slot() if gate else contextlib.nullcontext():
            request, run.updates = run.updates, None
            if request is not None and request.asked != run.asked:  # Submit again while it was paused
                request.close()
                request = None
            request = request or _Request(interface, payloads, run.asked)
            run.stop_requested = False
            if request.count and draw():  # taken up after a rerun: where it was, at once
                return answer()
            for outputs in request.resume(bindings):
                request.add(outputs)
                run.partial = functools.partial(_so_far, request.streamed, request.shown, request.payloads)
                if run.stop_requested:  # Stop: what streamed so far is the answer
                    request.close()
                    run.stopped()
                    break
                if draw():
                    break
        return answer()
    except Error as exc:
        if exc.print_exception:  # as Gradio prints it (gr.Error(print_exception=False) keeps the log quiet)
            _LOG.info("fn %s raised gr.Error", interface.__name__, exc_info=exc)
        return answer(exc.shown if exc.visible else None)
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - the page must keep serving
        _LOG.exception("fn %s raised", interface.__name__)
        return answer(f"{type(exc).__name__}: {exc}" if interface.launch_options.show_error else _GENERIC_ERROR)
    finally:
        if request is not None and run.updates is not request:  # not paused: fn's generator ends here
            request.close()
        with held:
            toasts.show()


def _so_far(streamed: StreamedAudio, outputs: list[Any], payloads: list[Any]) -> Result:
    return Result(outputs=streamed.joined(outputs), payloads=list(payloads))


def _draw_update(interface: Interface, keys: Keys, shown: list[Any], update: list[Any], slots: Slots,
                 number: int) -> None:  # fmt: skip
    """One streamed update, each output in its place; widgets draw it with one-off keys (``Widget.preview``).

    ``shown`` is every output as the updates so far left it, ``update`` what
    fn just yielded: an output it left alone is not drawn again, and one no
    update has given a value yet shows the answer before the request.
    """
    run = run_state(keys)
    for index, (component, payload, new) in enumerate(zip(interface.output_components, shown, update)):
        changed = payload.props if isinstance(payload, Updated) else {}
        component = apply(component, {**run.props.get(index, {}), **changed})
        payload = unwrapped(payload)
        if isinstance(component, State):
            continue
        if not component.visible:
            slots.hide(index)
            continue
        if slots.shown(index) and unwrapped(new) is KEEP and not (isinstance(new, Updated) and new.props):
            continue
        if payload is KEEP:
            payload = shown_payload(run.result, index, component)
        with slots.output(index):
            widget_for(component).preview(payload, keys.output(index).update(number))
