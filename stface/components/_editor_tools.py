"""The tools of Gradio 4–6's ImageEditor: ``gr.Brush``, ``gr.Eraser``, ``gr.LayerOptions``, ``gr.WebcamOptions``.

Plain dataclasses, as in Gradio, and how a brush or an eraser becomes the
drawing canvas's options (``components/_drawing.py``).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Literal

__all__ = ["Brush", "Eraser", "LayerOptions", "WebcamOptions", "brush_options", "size_options"]


@dataclasses.dataclass
class Eraser:
    """The eraser of an :class:`ImageEditor` (Gradio 4–6's ``gr.Eraser``).

    Args:
        default_size: its radius in pixels of the image, or ``"auto"`` (a 50th of the shorter side).

    Example:
        >>> import stface as gr
        >>> gr.Eraser(default_size=10).default_size
        10
    """

    default_size: int | Literal["auto"] = "auto"


@dataclasses.dataclass
class Brush(Eraser):
    """The brush of an :class:`ImageEditor` (Gradio 4–6's ``gr.Brush``).

    Args:
        default_size: its radius in pixels of the image, or ``"auto"`` (a 50th of the shorter side).
        colors: the colours offered (any CSS colour, or ``(colour, opacity)``); five by default.
        default_color: the colour it starts with (the first of ``colors`` by default).
        color_mode: ``"defaults"`` adds a colour picker to ``colors``; ``"fixed"`` offers only ``colors``.

    Example:
        >>> import stface as gr
        >>> gr.Brush(colors=["#000000"], color_mode="fixed").default_color
        '#000000'
    """

    colors: list[str | tuple[str, float]] | str | tuple[str, float] | None = None
    default_color: str | tuple[str, float] | None = None
    color_mode: Literal["fixed", "defaults"] = "defaults"

    def __post_init__(self) -> None:
        if self.colors is None:
            self.colors = ["rgb(204, 50, 50)", "rgb(173, 204, 50)", "rgb(50, 204, 112)", "rgb(50, 112, 204)",
                           "rgb(173, 50, 204)"]  # fmt: skip
        if self.default_color is None:
            self.default_color = self.colors[0] if isinstance(self.colors, list) else self.colors


@dataclasses.dataclass
class LayerOptions:
    """The layers of an :class:`ImageEditor` (Gradio 4–6's ``gr.LayerOptions``).

    Args:
        allow_additional_layers: the person may add layers.
        layers: the layers' names (one, "Layer 1", by default).
        disabled: one layer only, and no layer controls.

    Example:
        >>> import stface as gr
        >>> gr.LayerOptions().layers
        ['Layer 1']
    """

    allow_additional_layers: bool = True
    layers: list[str] | None = None
    disabled: bool = False

    def __post_init__(self) -> None:
        if self.layers is None or len(self.layers) == 0:
            self.layers = ["Layer 1"]


@dataclasses.dataclass
class WebcamOptions:
    """The webcam of an :class:`ImageEditor` or :class:`Image` (Gradio 4–6's ``gr.WebcamOptions``).

    Args:
        mirror: show and take the photo mirrored, as a mirror does.
        constraints: the browser's ``getUserMedia`` constraints (stface asks for any camera).

    Example:
        >>> import stface as gr
        >>> gr.WebcamOptions(mirror=False).mirror
        False
    """

    mirror: bool = True
    constraints: dict[str, Any] | None = None


def size_options(tool: Eraser) -> dict[str, Any]:
    size = tool.default_size
    if size == "auto" or size is None:
        return {"size": None, "auto": "image"}
    try:
        return {"size": max(1.0, 2 * float(size)), "auto": "image"}  # Gradio gives a radius
    except (TypeError, ValueError):
        raise ValueError(f"A brush or eraser default_size is a number of pixels or 'auto'; got {size!r}.") from None


def brush_options(brush: Brush) -> dict[str, Any]:
    def colour(value: Any) -> dict[str, Any]:
        if isinstance(value, (tuple, list)) and len(value) == 2:
            return {"color": str(value[0]), "alpha": min(max(float(value[1]), 0.0), 1.0)}
        return {"color": str(value), "alpha": 1.0}

    colors = brush.colors if isinstance(brush.colors, list) else [brush.colors]
    default = colour(brush.default_color)
    return {
        **size_options(brush),
        "colors": [colour(c) for c in colors],
        "color": default["color"],
        "alpha": default["alpha"],
        "picker": brush.color_mode != "fixed",
    }
