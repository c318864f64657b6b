"""State: a per-session value passed into fn and taken back from it."""

from __future__ import annotations

from typing import Any

from stface.components.base import Component

__all__ = ["State"]


class State(Component[Any]):
    """A hidden value that lives for one browser session.

    Use it as both an input and an output: fn receives the session's current
    value and returns the new one. With the ``"state"`` shortcut the starting
    value is the default of fn's matching parameter, as in Gradio 3.

    Example:
        >>> import stface as gr
        >>> def count(n=0):
        ...     return n + 1, n + 1
        >>> demo = gr.Interface(count, "state", ["number", "state"])
    """

    def __init__(self, value: Any = None, **kwargs: Any) -> None:
        super().__init__(value, **kwargs)
