"""Gradio's queue protocol: calls joined by callers, run on worker threads, their messages streamed back.

``POST queue/join`` (gradio_client) and ``POST call/<api_name>`` (curl) start
a call; its messages are Gradio 6's (protocol ``sse_v3``):

* ``estimation`` (rank in the queue), ``process_starts``;
* ``progress`` for each ``gr.Progress`` report, ``log`` for ``gr.Info`` and kin;
* ``process_generating`` for each update of a generator (the first whole,
  then diffs, as gradio_client applies them; curl gets every update whole);
* ``process_completed``: ``{"success": true, "output": {"data": [...]}}``, or
  ``{"success": false, "output": {"error": message}}``: ``gr.Error``'s
  message always, any other failure's only with ``show_error=True``.

``GET queue/data?session_hash=`` streams a session's messages until its last
call completes (then ``close_stream``), with a heartbeat every 15 seconds.
fn runs on a worker thread through the same pipeline and concurrency gate as
the page, so the server keeps serving everyone else meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from stface.api.convert import outputs_json, python_values, reply_json
from stface.api.endpoints import Endpoint
from stface.api.files import FileStore
from stface.concurrency import gate_for
from stface.errors import Error
from stface.request import Request

__all__ = ["CallContext", "Job", "Queue", "diff"]

_LOG = logging.getLogger("stface.api")
HEARTBEAT_S = 15.0
#: A session nobody reads, whose calls are over, is dropped after this long.
UNREAD_S = 600.0


@dataclass
class CallContext:
    """Who called, and how to answer: what the worker needs besides the endpoint and the values."""

    owner: str | None  # the caller's API session (cookie), for its files
    root: str  # the app's URL, for file URLs
    request: Request
    show_error: bool = False


@dataclass
class Job:
    event_id: str
    api_name: str
    cancelled: threading.Event = field(default_factory=threading.Event)
    done: bool = False


@dataclass
class _Session:
    owner: str | None
    loop: asyncio.AbstractEventLoop
    simple: bool  # curl: every update whole, its own session
    messages: asyncio.Queue = field(default_factory=asyncio.Queue)
    jobs: dict[str, Job] = field(default_factory=dict)
    read: bool = False
    touched: float = field(default_factory=time.monotonic)


class Queue:
    """Calls in flight, by session; one per process, shared by every route."""

    def __init__(self, files: FileStore, workers: int = 256) -> None:
        self.files = files
        self._sessions: dict[str, _Session] = {}
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="stface-api")

    def join(
        self, endpoint: Endpoint, data: list[Any], context: CallContext, *, session_hash: str | None = None
    ) -> str:
        """Start one call (on the event loop's thread); returns its event id. No session hash: curl's protocol."""
        self._sweep()
        event_id = uuid.uuid4().hex
        simple = session_hash is None
        key = event_id if simple else str(session_hash)
        session = self._sessions.get(key)
        if session is None or session.owner != context.owner:
            session = self._sessions[key] = _Session(context.owner, asyncio.get_running_loop(), simple)
        job = session.jobs[event_id] = Job(event_id, endpoint.api_name)
        session.touched = time.monotonic()
        gate = gate_for(endpoint.app.key, endpoint.app.concurrency, endpoint.app.queue_max_size)
        waiting = gate.waiting if gate is not None else 0
        self._emit(session, {"msg": "estimation", "event_id": event_id, "rank": waiting, "queue_size": waiting + 1,
                             "rank_eta": None})  # fmt: skip
        self._pool.submit(self._run, session, job, endpoint, list(data), context)
        return event_id

    def find(self, key: str, owner: str | None) -> _Session | None:
        session = self._sessions.get(key)
        return session if session is not None and session.owner in (owner, None) else None

    def cancel(self, session_hash: str, event_id: str | None, owner: str | None) -> None:
        """Stop a call (a generator stops at its next update); Gradio's ``/cancel``."""
        session = self.find(session_hash, owner) or self.find(str(event_id), owner)
        if session is None:
            return
        for job in session.jobs.values():
            if event_id is None or job.event_id == event_id:
                job.cancelled.set()

    async def stream(
        self, key: str, owner: str | None, render: Callable[[dict[str, Any]], str | None]
    ) -> AsyncIterator[str]:
        """The session's messages, rendered, until its last call completes."""
        session = self.find(key, owner)
        if session is None:
            return
        session.read = True
        try:
            while True:
                try:
                    message = await asyncio.wait_for(session.messages.get(), timeout=HEARTBEAT_S)
                except (TimeoutError, asyncio.TimeoutError):
                    message = {"msg": "heartbeat", "event_id": None}
                text = render(message)
                if text is not None:
                    yield text
                if message["msg"] == "process_completed":
                    session.jobs.pop(message["event_id"], None)
                    if not session.jobs:
                        if self._sessions.get(key) is session:
                            del self._sessions[key]
                        closing = render({"msg": "close_stream", "event_id": None})
                        if closing is not None:
                            yield closing
                        return
        finally:
            session.touched, session.read = time.monotonic(), False
            if self._sessions.get(key) is session:  # the reader went away first: stop what only it waited for
                for job in session.jobs.values():
                    job.cancelled.set()

    def _sweep(self) -> None:
        now = time.monotonic()
        for key, session in list(self._sessions.items()):
            finished = all(job.done for job in session.jobs.values())
            if not session.read and finished and now - session.touched > UNREAD_S:
                del self._sessions[key]

    # -- the worker ------------------------------------------------------------------

    def _emit(self, session: _Session, message: dict[str, Any]) -> None:
        """Queue a message for the session's stream (from any thread)."""
        try:
            session.loop.call_soon_threadsafe(session.messages.put_nowait, message)
        except RuntimeError:  # the server's loop has closed: nobody is listening
            pass

    def _run(self, session: _Session, job: Job, endpoint: Endpoint, data: list[Any], context: CallContext) -> None:
        event_id = job.event_id
        emit = self._emit
        emit(session, {"msg": "process_starts", "event_id": event_id, "eta": None})
        try:
            data_out = self._call(session, job, endpoint, data, context)
            if job.cancelled.is_set():
                emit(session, _completed(event_id, {}, True))
            else:
                emit(session, _completed(event_id, {"data": data_out, "is_generating": False}, True))
        except Error as exc:
            if getattr(exc, "print_exception", False) and not isinstance(exc, _Quiet):
                _LOG.info("/%s: %s", endpoint.api_name, exc.message)
            shown = {"error": exc.message, "duration": exc.duration, "visible": exc.visible, "title": exc.title}
            emit(session, {**_completed(event_id, shown, False), "title": exc.title})
        except Exception as exc:  # noqa: BLE001 - any failure of fn ends this call, never the server
            _LOG.exception("/%s failed", endpoint.api_name)
            shown = {"error": str(exc), "visible": True} if context.show_error else {"error": None}
            emit(session, {**_completed(event_id, shown, False), "title": "Error"})
        finally:
            job.done, session.touched = True, time.monotonic()

    def _call(self, session: _Session, job: Job, endpoint: Endpoint, data: list[Any], context: CallContext) -> Any:
        event_id, files, owner = job.event_id, self.files, context.owner
        names = ", ".join(p.name for p in endpoint.parameters)
        if len(data) != len(endpoint.parameters):
            raise _Quiet(f"/{endpoint.api_name} takes {len(endpoint.parameters)} value(s) ({names}); got {len(data)}.")
        policy = endpoint.app.file_policy() if hasattr(endpoint.app, "file_policy") else None

        def progress(fraction: float | None, desc: str | None) -> None:
            unit = {"index": None, "length": None, "unit": "steps", "progress": fraction, "desc": desc}
            self._emit(session, {"msg": "progress", "event_id": event_id, "progress_data": [unit]})

        def notice(message: Any) -> None:
            self._emit(session, {"msg": "log", "event_id": event_id, "log": message.message, "level": message.kind,
                                 "duration": message.duration, "visible": True, "title": message.title})  # fmt: skip

        last: list[Any] | None = None
        with files.writing_for(owner):
            values = python_values([p.component for p in endpoint.parameters], data, files, owner, context.root)
            updates = endpoint.stream(values, request=context.request, progress=progress, notice=notice)
            with contextlib.closing(updates):
                for payloads in updates:
                    if job.cancelled.is_set():
                        break
                    if endpoint.is_chat:
                        reply = reply_json(payloads[0], files, owner, context.root, policy)
                        shown = [
                            reply,
                            *outputs_json(endpoint.outputs[1:], payloads[1:], files, owner, context.root, policy),
                        ]
                    else:
                        shown = outputs_json(endpoint.outputs, payloads, files, owner, context.root, policy)
                    if endpoint.streams:
                        sent = shown if last is None or session.simple else [diff(a, b) for a, b in zip(last, shown)]
                        output = {"data": sent, "is_generating": True}
                        self._emit(session, {"msg": "process_generating", "event_id": event_id, "output": output,
                                             "success": True, "time_limit": None})  # fmt: skip
                    last = shown
        return last if last is not None else [None] * len(endpoint.outputs)


class _Quiet(Error):
    """A caller's mistake, shown to the caller and not logged."""


def _completed(event_id: str, output: dict[str, Any], success: bool) -> dict[str, Any]:
    return {"msg": "process_completed", "event_id": event_id, "output": output, "success": success, "title": None}


def diff(old: Any, new: Any) -> list[list[Any]]:
    """Gradio's edit list turning ``old`` into ``new`` (gradio_client's ``apply_diff`` reads it).

    Example:
        >>> diff("Hel", "Hello"), diff(1, 1), diff(1, 2)
        ([['append', [], 'lo']], [], [['replace', [], 2]])
    """
    if old == new:
        return []
    if isinstance(old, str) and isinstance(new, str) and new.startswith(old):
        return [["append", [], new[len(old) :]]]
    return [["replace", [], new]]
