"""Gradio 3's deprecated ``gr.inputs`` namespace, mapped onto the components.

``gr.inputs.Textbox(default="x")`` is ``gr.Textbox(value="x")``; the old
``optional`` flag is accepted (every stface input may be left empty).

Example:
    >>> import stface as gr
    >>> gr.inputs.Slider(0, 100, default=3).initial_payload()
    3
"""

from __future__ import annotations

from typing import Any

from stface import components as _c

__all__ = [
    "Audio", "Checkbox", "CheckboxGroup", "Dataframe", "Dropdown", "File", "Image", "Number", "Radio", "Slider",
    "State", "Textbox", "Timeseries", "Video", "Webcam",
]  # fmt: skip


def _legacy(base: type) -> type:
    """A subclass of ``base`` that takes Gradio 3's ``default=`` for ``value=``."""

    def __init__(self, *args: Any, default: Any = None, optional: bool = False, **kwargs: Any) -> None:
        if default is not None:
            kwargs.setdefault("value", default)
        base.__init__(self, *args, **kwargs)
        self.optional = optional

    return type(base.__name__, (base,), {"__init__": __init__, "__module__": __name__, "__doc__": base.__doc__})


Textbox = _legacy(_c.Textbox)
Number = _legacy(_c.Number)
Slider = _legacy(_c.Slider)
Checkbox = _legacy(_c.Checkbox)
CheckboxGroup = _legacy(_c.CheckboxGroup)
Radio = _legacy(_c.Radio)
Dropdown = _legacy(_c.Dropdown)
Dataframe = _legacy(_c.Dataframe)
State = _legacy(_c.State)
Audio = _legacy(_c.Audio)
Image = _legacy(_c.Image)
Webcam = _legacy(_c.Webcam)
Video = _legacy(_c.Video)
File = _legacy(_c.File)


class Timeseries(_c.Timeseries):
    __doc__ = _c.Timeseries.__doc__

    def __init__(self, x: str | None = None, y: str | list[str] | None = None, label: str | None = None,
                 optional: bool = False, **kwargs: Any) -> None:  # fmt: skip
        super().__init__(x=x, y=y, label=label, **kwargs)
        self.optional = optional
