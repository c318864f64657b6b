"""Textbox: free text in, text out."""

from __future__ import annotations

from typing import Any, Literal

from stface.components.base import Component

__all__ = ["TextArea", "Textbox"]

_TEXT_TYPES = ("text", "password", "email")


class Textbox(Component[str | None]):
    """A box for text: ``str`` in, ``str`` out.

    Args:
        value: starting text (a callable is called once per session).
        lines: visible lines; 1 draws a single-line input.
        max_lines: the most lines an output box grows to.
        placeholder: hint shown while the box is empty.
        type: ``"text"``, ``"password"`` (hidden characters) or ``"email"``.

    Example:
        >>> import stface as gr
        >>> gr.Textbox(lines=2, placeholder="Name Here...").preprocess("Ada")
        'Ada'
    """

    gradio_ignored = frozenset({"show_copy_button", "autofocus", "lines_max"})

    def __init__(
        self,
        value: str | Any = "",
        *,
        lines: int = 1,
        max_lines: int = 20,
        placeholder: str | None = None,
        type: Literal["text", "password", "email"] = "text",
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        if type not in _TEXT_TYPES:
            raise ValueError(f"Textbox type must be one of {', '.join(map(repr, _TEXT_TYPES))}; got {type!r}.")
        self.lines = max(1, int(lines))
        self.max_lines = max(self.lines, int(max_lines))
        self.placeholder = placeholder
        self.type = type

    def preprocess(self, payload: Any) -> str | None:
        """Widget text -> ``str`` (``None`` stays ``None``)."""
        return None if payload is None else str(payload)

    def postprocess(self, value: Any) -> str | None:
        """fn's result -> ``str`` shown in the box (``None`` shows nothing; a gr.I18n text stays translatable)."""
        return None if value is None else value if isinstance(value, str) else str(value)

    def initial_payload(self) -> str:
        value = super().initial_payload()
        return "" if value is None else value if isinstance(value, str) else str(value)

    def set_interpret_parameters(self, separator: str = " ", replacement: str | None = None) -> Textbox:
        """How interpretation splits the text (Gradio 3.x): into tokens at ``separator``.

        Leave-one-out removes each token in turn, or puts ``replacement`` in
        its place when given. Returns the component.

        Example:
            >>> import stface as gr
            >>> box = gr.Textbox().set_interpret_parameters(separator=",", replacement="[MASK]")
            >>> box.interpretation_separator, box.interpretation_replacement
            (',', '[MASK]')
        """
        if not isinstance(separator, str) or not separator:
            raise ValueError(f"Textbox.set_interpret_parameters(separator=...) takes a non-empty string, "
                             f"not {separator!r}.")  # fmt: skip
        if replacement is not None and not isinstance(replacement, str):
            raise ValueError(f"Textbox.set_interpret_parameters(replacement=...) takes a string or None, "
                             f"not {replacement!r}.")  # fmt: skip
        self.interpretation_separator, self.interpretation_replacement = separator, replacement
        return self


class TextArea(Textbox):
    """A Textbox with 7 lines (Gradio's ``"textarea"`` shortcut).

    Example:
        >>> import stface as gr
        >>> gr.TextArea().lines
        7
    """

    def __init__(self, value: str | Any = "", *, lines: int = 7, **kwargs: Any) -> None:
        super().__init__(value, lines=lines, **kwargs)
