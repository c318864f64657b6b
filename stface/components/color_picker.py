"""ColorPicker: a colour as a hex string, in and out."""

from __future__ import annotations

import re
from typing import Any

from stface.components.base import Component
from stface.errors import Error

__all__ = ["ColorPicker", "hex_colour"]

_HEX = re.compile(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
#: What a new picker shows, and fn gets when the person picks nothing (Gradio's picker starts black).
DEFAULT = "#000000"


def hex_colour(value: Any, owner: str = "ColorPicker") -> str:
    """``"#rgb"`` / ``"#rrggbb"`` (the ``#`` optional, any case) -> ``"#rrggbb"`` in lower case.

    Example:
        >>> hex_colour("#F80"), hex_colour("00ff7f")
        ('#ff8800', '#00ff7f')
    """
    match = _HEX.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise Error(f"{owner} takes a hex colour like '#ff8800' (or '#f80'); got {value!r:.60}.")
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return "#" + digits


class ColorPicker(Component["str | None"]):
    """A colour picker: fn gets (and may return) a hex string ``"#rrggbb"``.

    Example:
        >>> import stface as gr
        >>> picker = gr.ColorPicker(value="#FF0000")
        >>> picker.initial_payload(), picker.preprocess("#0f0"), picker.postprocess("#123ABC")
        ('#ff0000', '#00ff00', '#123abc')
    """

    gradio_ignored = frozenset({"every", "inputs"})

    def __init__(self, value: str | Any = None, **kwargs: Any) -> None:
        super().__init__(value, **kwargs)
        if isinstance(value, str):
            try:
                hex_colour(value, f"ColorPicker(value=...) '{self.display_label}'")
            except Error as exc:
                raise ValueError(str(exc)) from None

    def _hex(self, value: Any) -> str:
        return hex_colour(value, f"ColorPicker '{self.display_label}'")

    def preprocess(self, payload: Any) -> str | None:
        """The picker's colour -> ``"#rrggbb"`` (``None`` stays ``None``)."""
        return None if payload is None else self._hex(payload)

    def postprocess(self, value: Any) -> str | None:
        """fn's hex string -> ``"#rrggbb"`` shown in the picker; anything else is a clear error."""
        return None if value is None else self._hex(value)

    def initial_payload(self) -> str:
        value = super().initial_payload()
        return DEFAULT if value is None else self._hex(value)
