"""Per-session state of one interface on a page: keys and run bookkeeping."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

__all__ = ["Keys", "Result", "run_state"]


@dataclass(frozen=True)
class Result:
    """The last submit of one interface in one session."""

    outputs: list[Any] | None = None
    error: str | None = None
    payloads: list[Any] | None = None  # the inputs this result answers


@dataclass(frozen=True)
class Keys:
    prefix: str

    def input(self, index: int) -> str:
        return f"{self.prefix}:in:{index}"

    def output(self, index: int) -> str:
        return f"{self.prefix}:out:{index}"

    @property
    def run(self) -> str:
        return f"{self.prefix}:run"


def run_state(keys: Keys) -> dict[str, Any]:
    """This session's run bookkeeping: ``pending``, ``result`` and ``state``.

    A plain dict inside session state, changed in place: assigning through
    ``st.session_state`` is a Streamlit call that may raise Streamlit's rerun
    exception when another rerun is waiting, which could lose a finished
    result or leave a request pending for ever.
    """
    return st.session_state[keys.run]
