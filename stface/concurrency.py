"""Bounding fn calls across all sessions, and gathering calls into batches.

Streamlit runs each session's script on its own thread, so limits live in
this process, keyed by the interface (which may be rebuilt on every rerun
under ``streamlit run``).

* ``concurrency_limit=N`` (Gradio 4) or ``queue(concurrency_count=N)``
  (Gradio 3): at most N calls of fn at once; others wait their turn, and
  past ``queue(max_size=M)`` waiting sessions get a clear "busy" message.
* ``batch=True``: calls that arrive within a short window are gathered into
  one fn call of up to ``max_batch_size`` items; each caller gets its own row.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import Any

from stface.errors import Error
from stface.pipeline import call_batch

__all__ = ["Batcher", "Gate", "batcher_for", "gate_for"]

BUSY = "This app is busy right now; please try again in a moment."
_registry_lock = threading.Lock()
_gates: dict[tuple, Gate] = {}
_batchers: dict[tuple, Batcher] = {}


class Gate:
    """At most ``limit`` holders at once; at most ``max_size`` waiting."""

    def __init__(self, limit: int, max_size: int | None) -> None:
        self.limit, self.max_size = limit, max_size
        self._slots = threading.BoundedSemaphore(limit)
        self._lock = threading.Lock()
        self.waiting = 0
        self.running = 0
        self.peak = 0

    @contextlib.contextmanager
    def slot(self) -> Iterator[None]:
        with self._lock:
            if self.max_size is not None and self.waiting >= self.max_size and self.running >= self.limit:
                raise Error(BUSY)
            self.waiting += 1
        self._slots.acquire()
        with self._lock:
            self.waiting -= 1
            self.running += 1
            self.peak = max(self.peak, self.running)
        try:
            yield
        finally:
            with self._lock:
                self.running -= 1
            self._slots.release()


def gate_for(key: str, limit: int | None, max_size: int | None) -> Gate | None:
    """The shared gate for an interface, or None when calls are unbounded."""
    if limit is None:
        return None
    with _registry_lock:
        gate = _gates.get((key, limit, max_size))
        if gate is None:
            gate = _gates[(key, limit, max_size)] = Gate(limit, max_size)
        return gate


class Batcher:
    """Gathers single calls into batched fn calls on one worker thread."""

    def __init__(self, fn: Callable[..., Any], max_batch_size: int, n_outputs: int = 1, window_s: float = 0.05) -> None:
        self.fn, self.max_batch_size, self.window_s = fn, max(1, max_batch_size), window_s
        self.n_outputs = n_outputs
        self._queue: queue.Queue[tuple[list[Any], Future]] = queue.Queue()
        self.calls = 0
        threading.Thread(target=self._work, name="stface-batcher", daemon=True).start()

    def submit(self, args: list[Any]) -> Any:
        """fn's outputs for one row of arguments (a tuple of one value per output)."""
        future: Future = Future()
        self._queue.put((args, future))
        return future.result()

    def _work(self) -> None:
        while True:
            batch = [self._queue.get()]
            try:
                while len(batch) < self.max_batch_size:
                    batch.append(self._queue.get(timeout=self.window_s))
            except queue.Empty:
                pass
            self._run(batch)

    def _run(self, batch: list[tuple[list[Any], Future]]) -> None:
        self.calls += 1
        try:
            rows = call_batch(self.fn, [args for args, _ in batch], n_outputs=self.n_outputs)
            for row, (_, future) in zip(rows, batch):
                future.set_result(row)
        except BaseException as exc:  # noqa: BLE001 - every waiting caller gets the error
            for _, future in batch:
                if not future.done():
                    future.set_exception(exc)


def batcher_for(key: str, fn: Callable[..., Any], max_batch_size: int, n_outputs: int) -> Batcher:
    with _registry_lock:
        batcher = _batchers.get((key, max_batch_size, n_outputs))
        if batcher is None:
            batcher = _batchers[(key, max_batch_size, n_outputs)] = Batcher(fn, max_batch_size, n_outputs)
        return batcher
