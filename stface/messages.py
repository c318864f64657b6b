"""``gr.Info``, ``gr.Warning`` and ``gr.Success``: messages fn shows while it runs.

While the page runs fn they appear as toasts (``st.toast``); elsewhere
(``demo(...)``) they go to the ``stface`` logger, as Gradio logs them.

Example:
    >>> import stface as gr
    >>> def greet(name):
    ...     gr.Info(f"Greeting {name}")
    ...     return "Hello " + name
    >>> gr.Interface(greet, "text", "text")("Ada")
    'Hello Ada'
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Callable
from dataclasses import dataclass

from stface._context import bound

__all__ = ["Info", "Message", "Success", "Warning", "notifying_to"]

_LOG = logging.getLogger("stface")


@dataclass(frozen=True)
class Message:
    """One message: ``kind`` is "info", "warning" or "success"."""

    kind: str
    message: str
    title: str = ""
    duration: float | None = 10


Notifier = Callable[[Message], None]
_notifier: contextvars.ContextVar[Notifier | None] = contextvars.ContextVar("stface_notifier", default=None)


def notifying_to(notifier: Notifier) -> contextlib.AbstractContextManager[Notifier]:
    """Send the messages fn shows inside the block to ``notifier``."""
    return bound(_notifier, notifier)


def _show(kind: str, message: str, title: str, duration: float | None, visible: bool) -> None:
    if not visible:
        return
    shown = Message(kind, str(message), str(title or ""), duration)
    notifier = _notifier.get()
    if notifier is None:
        _LOG.log(logging.WARNING if kind == "warning" else logging.INFO, "%s%s", f"{title}: " if title else "", message)
    else:
        notifier(shown)


def Info(message: str = "Info issued.", duration: float | None = 10, visible: bool = True, title: str = "") -> None:  # noqa: N802
    """Show ``message`` as an information toast (Gradio's ``gr.Info``).

    Example:
        >>> import stface as gr
        >>> gr.Info("Model loaded")
    """
    _show("info", message, title, duration, visible)


def Warning(message: str = "Warning issued.", duration: float | None = 10, visible: bool = True, title: str = "") -> None:  # noqa: N802, A001
    """Show ``message`` as a warning toast (Gradio's ``gr.Warning``).

    Example:
        >>> import stface as gr
        >>> gr.Warning("The input was long; only the start was used.")
    """
    _show("warning", message, title, duration, visible)


def Success(message: str = "Success.", duration: float | None = 10, visible: bool = True, title: str = "") -> None:  # noqa: N802
    """Show ``message`` as a success toast (Gradio 6's ``gr.Success``).

    Example:
        >>> import stface as gr
        >>> gr.Success("Saved")
    """
    _show("success", message, title, duration, visible)
