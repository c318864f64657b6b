"""Exceptions raised by stface.

``Error`` is the one an app raises on purpose: its message is shown to the
person using the page, as in Gradio. Everything else stface raises derives from
the usual built-ins (``TypeError``, ``ValueError``, ``ImportError``) with a
message that says what was wrong and how to fix it.

    Exception
     +-- Error                   raised by an app's fn; message shown in the page
     +-- ValueError
          +-- ComponentValueError  a value a component cannot convert
"""

from __future__ import annotations

__all__ = ["ComponentValueError", "Error"]


class Error(Exception):
    """Raise inside fn to show ``message`` to the person using the page.

    Other exceptions show a generic message unless the interface was launched
    with ``show_error=True``; this one always shows its own text (after
    ``title``, Gradio 5's heading). ``visible=False`` shows nothing.

    Example:
        >>> import stface as gr
        >>> def divide(a, b):
        ...     if b == 0:
        ...         raise gr.Error("Cannot divide by zero.")
        ...     return a / b
    """

    def __init__(
        self,
        message: str = "Error raised.",
        duration: float | None = 10,
        visible: bool = True,
        title: str = "Error",
        print_exception: bool = True,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.duration, self.visible, self.title = duration, visible, title
        self.print_exception = print_exception

    def __str__(self) -> str:
        return self.message

    @property
    def shown(self) -> str:
        """The text the page shows: the title (Gradio 5) unless it is the plain "Error", then the message."""
        if not self.title or self.title == "Error":
            return self.message
        return f"{self.title}: {self.message}"


class ComponentValueError(ValueError):
    """A component was handed a value it cannot convert.

    The message names the component and the accepted forms, so that it can be
    shown to the person who gave the value.
    """
