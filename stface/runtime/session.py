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

import threading
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

__all__ = ["Keys", "Result", "RunState", "WidgetKeys", "run_state"]


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
    def outputs(self) -> str:
        """The outputs' container (its CSS class ``st-key-<prefix>-outputs`` is styled)."""
        return f"{self.prefix}-outputs"

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

    def answered(self, result: Result) -> None:
        """Store fn's answer: it replaces the last one, and what explained it."""
        self.forget()
        self.result, self.pending = result, False

    def forget(self) -> None:
        """Show no result (Clear), and so no explanation of one."""
        self.result = None
        self.interpretation, self.interpret_pending = None, False


def run_state(keys: Keys, *, state: Any = None) -> RunState:
    """This session's :class:`RunState` for the interface (``state`` starts a new one)."""
    session = st.session_state
    if keys.run not in session:
        session[keys.run] = RunState(state=state)
    return session[keys.run]
