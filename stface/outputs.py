"""Gradio 3's deprecated ``gr.outputs`` namespace, mapped onto the components.

``gr.outputs.Textbox(type="auto")`` is a ``gr.Textbox``: the old output
``type`` ("auto", "str", "number") only decided formatting and is accepted.

Example:
    >>> import stface as gr
    >>> gr.outputs.Label(num_top_classes=3).num_top_classes
    3
"""

from __future__ import annotations

from typing import Any

from stface import components as _c
from stface.components import HTML, JSON, Audio, Dataframe, File, HighlightedText, Image, Label, State, Video

__all__ = [
    "HTML", "JSON", "Audio", "Dataframe", "File", "HighlightedText", "Image", "Label", "State", "Textbox", "Timeseries",
    "Video",
]  # fmt: skip


class Textbox(_c.Textbox):
    __doc__ = _c.Textbox.__doc__

    def __init__(self, type: str = "auto", label: str | None = None, **kwargs: Any) -> None:
        super().__init__(label=label, **kwargs)


class Timeseries(_c.Timeseries):
    __doc__ = _c.Timeseries.__doc__

    def __init__(self, x: str | None = None, y: str | list[str] | None = None, label: str | None = None,
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(x=x, y=y, label=label, **kwargs)
