"""One place for what an interface keeps in a browser session.

Everything stface puts in ``st.session_state`` is named here:

* :class:`Keys` builds every key of one interface on a page, all under the
  interface's prefix (so two interfaces on one page stay apart), and
  :class:`WidgetKeys` the keys of one input or output widget;
* :class:`RunState` is the life of one request, in one object: the click
  marks it ``pending``, the run stores the ``result`` (and the State value),
  then the person may ask for an ``interpretation`` or ``flag`` it.

Session state is per browser session, so two people never see each other's
data.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from stface.tempfiles import Janitor, owned_by_session
from stface.updates import KEEP, Updated

__all__ = ["ChatKeys", "ChatState", "Keys", "Result", "RunState", "WidgetKeys", "chat_state", "run_state", "session_files"]


@dataclass(frozen=True)
class Result:
    """The last submit of one interface in one session."""

    outputs: list[Any] | None = None
    error: str | None = None
    payloads: list[Any] | None = None  # the inputs this result answers


@dataclass(frozen=True)
class WidgetKeys:
    """The session-state keys of one widget; ``value`` holds its payload.

    Streamlit forbids setting some widgets' values (file uploaders, cameras),
    so such widgets draw under a versioned key and bump the version to start
    empty again; ``seen`` remembers which upload was already taken.
    """

    value: str

    def part(self, name: str) -> str:
        return f"{self.value}:{name}"

    @property
    def version(self) -> str:
        return self.part("v")

    @property
    def seen(self) -> str:
        return self.part("seen")

    def versioned(self, name: str, version: int) -> str:
        return self.part(f"{name}:{version}")

    def update(self, number: int) -> WidgetKeys:
        """A one-off key for the ``number``-th streamed update of an output."""
        return WidgetKeys(self.part(f"update:{number}"))


@dataclass(frozen=True)
class Keys:
    """Every session-state and widget key of one interface on a page."""

    prefix: str

    def input(self, index: int) -> WidgetKeys:
        return WidgetKeys(f"{self.prefix}:in:{index}")

    def output(self, index: int) -> WidgetKeys:
        return WidgetKeys(f"{self.prefix}:out:{index}")

    @property
    def run(self) -> str:
        return f"{self.prefix}:run"

    @property
    def form(self) -> str:
        return f"{self.prefix}:form"

    @property
    def submit(self) -> str:
        return f"{self.prefix}:submit"

    @property
    def clear(self) -> str:
        return f"{self.prefix}:clear"

    @property
    def stop(self) -> str:
        return f"{self.prefix}:stop"

    @property
    def outputs(self) -> str:
        """The outputs' container (its CSS class ``st-key-<prefix>-outputs`` is styled)."""
        return f"{self.prefix}-outputs"

    @property
    def browser_storage(self) -> str:
        """BrowserState's hidden container (its CSS class ``st-key-<prefix>-browser-storage`` is hidden)."""
        return f"{self.prefix}-browser-storage"

    def example(self, number: int) -> str:
        return f"{self.prefix}:example:{number}"

    @property
    def examples_page(self) -> str:
        return f"{self.prefix}:examples-page"

    def flag(self, label: str) -> str:
        return f"{self.prefix}:flag:{label}"

    @property
    def interpret(self) -> str:
        return f"{self.prefix}:interpret"

    @property
    def live(self) -> str:
        """A live streaming interface's stream (``stface.streaming.LiveStream``)."""
        return f"{self.prefix}:live"


@dataclass
class RunState:
    """One interface's request in one session, from click to flag.

    Changed in place, never reassigned: assigning through ``st.session_state``
    is a Streamlit call that may raise Streamlit's rerun exception when
    another rerun is waiting, which could lose a finished result or leave a
    request pending for ever.
    """

    #: Submit was clicked (or a live input changed) and fn has not answered yet.
    pending: bool = False
    #: How many requests Submit (or a live input's change) has made: a run answers the newest.
    asked: int = 0
    #: The last answer, shown under the outputs.
    result: Result | None = None
    #: The State component's value, carried from one call to the next.
    state: Any = None
    #: Keeps this session's fn calls one at a time across overlapping reruns.
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    #: Interpret was clicked for the shown result.
    interpret_pending: bool = False
    #: The explanation of ``result`` (one per input), or the message why there is none.
    interpretation: list[Any] | str | None = None
    #: What the last Flag click said, and the result it flagged.
    flagged: tuple[str, Result] | None = None
    #: Options fn changed with gr.update, per output index; they hold until changed again.
    props: dict[int, dict[str, Any]] = field(default_factory=dict)
    #: What a generator fn has streamed so far in the running request (a callable giving its Result).
    partial: Callable[[], Result] | None = None
    #: Stop was pressed: the running generator ends at its next update.
    stop_requested: bool = False
    #: A Stop that could not wait for that update: how to redraw the page once the answer is stored.
    redraw: Any = None
    #: The running request's updates, paused by a rerun between two of them: the next run resumes them.
    updates: Any = None

    def stopped(self) -> None:
        """The run ended on Stop: what streamed so far is the answer, and the request is done."""
        if self.partial is not None:
            self.answered(self.partial())
        self.cancel()
        redraw, self.redraw = self.redraw, None
        if redraw is not None:  # Stop's rerun could not wait for this: the page shows the answer now
            redraw.request()

    def answered(self, result: Result) -> None:
        """Store fn's answer: it replaces the last one, and what explained it.

        Outputs that fn updated (``gr.update``) keep their options here, and
        an update without a value keeps the output's last payload.
        """
        if result.outputs is not None and any(isinstance(p, Updated) for p in result.outputs):
            before = self.result.outputs if self.result is not None and self.result.outputs is not None else []
            outputs = []
            for index, payload in enumerate(result.outputs):
                if isinstance(payload, Updated):
                    self.props.setdefault(index, {}).update(payload.props)
                    payload = before[index] if payload.payload is KEEP and index < len(before) else payload.payload
                outputs.append(None if payload is KEEP else payload)
            result = Result(outputs=outputs, error=result.error, payloads=result.payloads)
        self.forget()
        self.result, self.pending, self.partial = result, False, None

    def forget(self) -> None:
        """Show no result (Clear), and so no explanation of one."""
        self.result = None
        self.interpretation, self.interpret_pending = None, False

    def cancel(self) -> None:
        """End the request, if one is pending, without an answer (Clear; an example that brings its own)."""
        self.close_updates()
        self.pending, self.partial, self.stop_requested = False, None, False

    def close_updates(self) -> None:
        """End a paused generator fn now (its ``finally`` blocks run)."""
        updates, self.updates = self.updates, None
        if updates is not None:
            updates.close()


def run_state(keys: Keys, *, state: Any = None) -> RunState:
    """This session's :class:`RunState` for the interface (``state`` starts a new one)."""
    session = st.session_state
    if keys.run not in session:
        session[keys.run] = RunState(state=state)
    return session[keys.run]


@dataclass(frozen=True)
class ChatKeys:
    """Every session-state and widget key of one chat on a page."""

    prefix: str

    @property
    def state(self) -> str:
        return f"{self.prefix}:chat"

    @property
    def message(self) -> str:
        """The chat input (its text can be set: Undo puts a message back)."""
        return f"{self.prefix}:message"

    def extra(self, index: int) -> WidgetKeys:
        """An additional input's widget."""
        return WidgetKeys(f"{self.prefix}:in:{index}")

    def extra_output(self, index: int) -> WidgetKeys:
        return WidgetKeys(f"{self.prefix}:out:{index}")

    def button(self, name: str) -> str:
        """retry, undo, clear, new-chat ..."""
        return f"{self.prefix}:{name}"

    def example(self, number: int) -> str:
        return f"{self.prefix}:example:{number}"

    def option(self, number: int) -> str:
        return f"{self.prefix}:option:{number}"

    def flag(self, index: int, option: str) -> str:
        return f"{self.prefix}:flag:{index}:{option}"


@dataclass
class ChatState:
    """One chat in one session: the conversation and the answer being made.

    Changed in place, never reassigned (see :class:`RunState`).
    """

    #: The conversation so far (``stface.chat.ChatMessage``), the answer being streamed included.
    history: list[Any] = field(default_factory=list)
    #: The message to answer (str, or ``{"text", "files"}``), set by a submit, retry, example or option.
    pending: Any = None
    #: The validator has accepted ``pending`` already (it checks a message when it is sent).
    checked: bool = False
    #: Where the person's message (``turn_from``) and the answer being made (``answer_from``)
    #: start in ``history``; ``answer_from`` is -1 until the message has joined it.
    turn_from: int = 0
    answer_from: int = -1
    #: The additional outputs' last values.
    outputs: list[Any] | None = None
    #: What went wrong in the last answer, shown under it.
    error: str | None = None
    #: Past conversations of this browser (``save_history``), newest first, and which one is open.
    saved: list[list[Any]] = field(default_factory=list)
    current: int | None = None
    #: The user message being edited (its bubble's first index), with ``editable=True``.
    editing: int | None = None
    #: The answer being made, paused by a rerun between two updates: the next run goes on with it.
    updates: Any = None
    #: The browser has told what it held; and what was last written there.
    loaded: bool = False
    written: Any = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


def chat_state(keys: ChatKeys) -> ChatState:
    """This session's :class:`ChatState` for the chat."""
    session = st.session_state
    if keys.state not in session:
        session[keys.state] = ChatState()
    return session[keys.state]


def session_files() -> contextlib.AbstractContextManager:
    """Files written during this rerun belong to the browser session (``stface.tempfiles``)."""
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is None:
        return contextlib.nullcontext()
    if Janitor.session_active is not _session_active:
        Janitor.watch_sessions(_session_active, _disconnected_ttl())
    return owned_by_session(ctx.session_id)


def _session_active(session_id: str) -> bool:
    from streamlit import runtime

    return runtime.exists() and runtime.get_instance().is_active_session(session_id)


def _disconnected_ttl() -> float:
    try:
        return float(st.get_option("server.disconnectedSessionTTL"))
    except Exception:  # noqa: BLE001 - an older Streamlit without the option
        return 120.0


# The page as a whole, not one interface (stface.runtime.reconnect).
PAGE_MOVED = "stface:page:moved"  # a session that took over a lost one: "new", when notified, "seen"; else "no"
PAGE_CONNECTION = "stface:page:connection"  # the component that watches the page's connection to its server
