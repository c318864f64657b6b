"""AnnotatedImage: an image with labelled boxes and masks drawn over it, and a legend."""

from __future__ import annotations

import colorsys
import os
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image as PILImage
from PIL import ImageColor

from stface.components._codecs import decode_image, encode_png
from stface.components._html import escape
from stface.components.base import Component
from stface.errors import Error
from stface.paths import save_bytes, servable_path

__all__ = ["AnnotatedImage", "AnnotatedPicture", "Annotation", "composite", "legend_html"]

#: How opaque a mask's colour is where the mask is 1 (Gradio draws masks at 0.85 over the image;
#: stface keeps the picture under them visible).
MASK_OPACITY = 0.6
#: A box's outline, in pixels (Gradio's 3); the inside is half as strong as the outline.
BOX_BORDER = 3

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Annotation:
    """One labelled region: ``mask`` is a float array the image's size, 0 (outside) to 1 (inside)."""

    mask: np.ndarray
    label: str


@dataclass(frozen=True)
class AnnotatedPicture:
    """What an AnnotatedImage output shows: the base image, its regions and each label's colour."""

    image: PILImage.Image
    annotations: tuple[Annotation, ...]
    colours: dict[str, RGB]


def _rgb(colour: Any, label: str) -> RGB:
    try:
        red, green, blue = ImageColor.getrgb(str(colour))[:3]
    except ValueError:
        raise ValueError(
            f"AnnotatedImage color_map[{label!r}] is {colour!r}, which is not a colour; use a hex code like '#ff8800'."
        ) from None
    return red, green, blue


def label_colours(labels: list[str], color_map: dict[str, Any] | None = None) -> dict[str, RGB]:
    """Each label's colour: ``color_map`` first, else hues spread evenly from red, in order of appearance.

    Example:
        >>> label_colours(["cat", "dog", "cat"], {"dog": "#00ff00"})
        {'cat': (255, 0, 0), 'dog': (0, 255, 0)}
    """
    distinct = list(dict.fromkeys(labels))
    colours = {}
    for index, label in enumerate(distinct):
        if color_map and label in color_map:
            colours[label] = _rgb(color_map[label], label)
        else:
            red, green, blue = colorsys.hls_to_rgb(index / max(len(distinct), 1), 0.5, 1.0)
            colours[label] = (round(red * 255), round(green * 255), round(blue * 255))
    return colours


def _box_mask(box: Any, height: int, width: int) -> np.ndarray:
    try:
        x1, y1, x2, y2 = (int(round(float(v))) for v in box)
    except (TypeError, ValueError):
        raise Error(f"An AnnotatedImage box must be 4 numbers (x1, y1, x2, y2); got {box!r}.") from None
    x1, x2 = sorted((min(max(x1, 0), width), min(max(x2, 0), width)))
    y1, y2 = sorted((min(max(y1, 0), height), min(max(y2, 0), height)))
    mask = np.zeros((height, width), dtype=np.float32)
    mask[y1:y2, x1:x2] = 0.5
    mask[y1:y2, x1 : x1 + BOX_BORDER] = 1
    mask[y1:y2, max(x2 - BOX_BORDER, x1) : x2] = 1
    mask[y1 : y1 + BOX_BORDER, x1:x2] = 1
    mask[max(y2 - BOX_BORDER, y1) : y2, x1:x2] = 1
    return mask


def _array_mask(given: np.ndarray, height: int, width: int, label: str) -> np.ndarray:
    mask = np.asarray(given)
    if mask.ndim == 3 and mask.shape[2] == 1:
        mask = mask[:, :, 0]
    if mask.shape != (height, width):
        raise Error(f"The mask for {label!r} is shaped {mask.shape}; it must be the image's size, ({height}, {width}).")
    if mask.dtype == bool:
        return mask.astype(np.float32)
    if not np.issubdtype(mask.dtype, np.number):
        raise Error(f"The mask for {label!r} holds {mask.dtype} values; use booleans or numbers from 0 to 1.")
    mask = mask.astype(np.float32)
    if not np.all(np.isfinite(mask)):
        raise Error(f"The mask for {label!r} contains NaN or infinity.")
    if mask.size and mask.max() > 1 and np.issubdtype(np.asarray(given).dtype, np.integer):
        mask = mask / 255.0  # an 8-bit mask (0..255)
    return np.clip(mask, 0.0, 1.0)


class AnnotatedImage(Component["AnnotatedPicture | None"]):
    """An image with labelled regions (output only): boxes and masks in colour, and a legend.

    fn returns ``(image, [(region, label), ...])``: the image a numpy array,
    PIL image or file path; each region a box ``(x1, y1, x2, y2)`` in pixels
    or a mask, a 2-D array the image's size (booleans, or confidence 0..1).

    Args:
        color_map: ``{label: colour}`` (hex codes); other labels get evenly spread hues.
        show_legend: list the labels under the image.
        height, width: the picture's size on the page, in pixels.

    Example:
        >>> import numpy as np, stface as gr
        >>> picture = gr.AnnotatedImage().postprocess((np.zeros((20, 30, 3), np.uint8), [((2, 2, 12, 10), "cat")]))
        >>> picture.image.size, [a.label for a in picture.annotations], picture.colours
        ((30, 20), ['cat'], {'cat': (255, 0, 0)})
    """

    can_input = False
    gradio_ignored = frozenset({"format", "buttons", "show_fullscreen_button", "every", "inputs"})

    def __init__(
        self,
        value: Any = None,
        *,
        show_legend: bool = True,
        height: int | str | None = None,
        width: int | str | None = None,
        color_map: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        if color_map is not None and not isinstance(color_map, dict):
            raise ValueError(
                f"AnnotatedImage color_map must be a dict {{label: '#rrggbb'}}; got {type(color_map).__name__}."
            )
        for label, colour in (color_map or {}).items():
            _rgb(colour, label)
        self.show_legend = show_legend
        self.height = height
        self.width = width
        self.color_map = dict(color_map or {})

    def postprocess(self, value: Any) -> AnnotatedPicture | None:
        """``(image, [(box_or_mask, label), ...])`` -> the picture and its regions."""
        if value is None:
            return None
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            raise Error(f"AnnotatedImage '{self.display_label}' takes (image, [(box or mask, label), ...]); "
                        f"got {type(value).__name__}.")  # fmt: skip
        base, regions = value
        if isinstance(base, (str, os.PathLike)):
            if isinstance(base, str) and base.lower().startswith(("http://", "https://")):
                raise Error("AnnotatedImage cannot fetch an image from a URL; return the image or a local path.")
            base = servable_path(base)
        elif not isinstance(base, (np.ndarray, PILImage.Image)):
            raise Error(f"AnnotatedImage takes a numpy array, a PIL image or a file path as the image; "
                        f"got {type(base).__name__}.")  # fmt: skip
        image = decode_image(base)
        width, height = image.size
        annotations = []
        for region in regions or []:
            if not isinstance(region, (tuple, list)) or len(region) != 2:
                raise Error(f"Each AnnotatedImage region must be (box or mask, label); got {region!r:.80}.")
            shape, label = region
            label = str(label)
            if isinstance(shape, np.ndarray):
                mask = _array_mask(shape, height, width, label)
            else:
                mask = _box_mask(shape, height, width)
            annotations.append(Annotation(mask, label))
        colours = label_colours([a.label for a in annotations], self.color_map)
        return AnnotatedPicture(image, tuple(annotations), colours)

    def as_python(self, payload: AnnotatedPicture | None) -> tuple[str, list[tuple[str, str]]] | None:
        """``(image path, [(mask path, label), ...])``, the masks coloured PNGs, as Gradio's client gives them."""
        if payload is None:
            return None
        base = save_bytes(encode_png(payload.image), "image.png")
        masks = [
            (save_bytes(encode_png(coloured_mask(a.mask, payload.colours[a.label])), "mask.png"), a.label)
            for a in payload.annotations
        ]
        return base, masks


def coloured_mask(mask: np.ndarray, colour: RGB) -> PILImage.Image:
    """An RGBA layer: ``colour`` wherever the mask is above 0, as opaque as the mask's value."""
    height, width = mask.shape
    layer = np.zeros((height, width, 4), dtype=np.uint8)
    layer[mask > 0, :3] = colour
    layer[:, :, 3] = np.round(mask * 255).astype(np.uint8)
    return PILImage.fromarray(layer)


def composite(picture: AnnotatedPicture, opacity: float = MASK_OPACITY) -> PILImage.Image:
    """The image with every region's colour laid over it (one picture).

    Example:
        >>> import numpy as np, stface as gr
        >>> mask = np.zeros((4, 4), bool); mask[:2] = True
        >>> picture = gr.AnnotatedImage(color_map={"sky": "#0000ff"}).postprocess((np.zeros((4, 4, 3), np.uint8), [(mask, "sky")]))
        >>> shown = np.array(composite(picture)); shown[0, 0].tolist(), shown[3, 3].tolist()
        ([0, 0, 153], [0, 0, 0])
    """
    result = picture.image.convert("RGBA")
    for annotation in picture.annotations:
        layer = coloured_mask(annotation.mask * opacity, picture.colours[annotation.label])
        result = PILImage.alpha_composite(result, layer)
    return result if picture.image.mode in ("RGBA", "LA", "PA") else result.convert("RGB")


def legend_html(colours: dict[str, RGB]) -> str:
    """The labels as coloured chips (escaped text; colours are numbers stface computed)."""
    chips = "".join(
        f'<span class="stface-legend-item" style="background:rgba({r},{g},{b},0.35);border:1px solid rgb({r},{g},{b});'
        f'padding:0.1em 0.5em;margin:0 0.3em 0.3em 0;border-radius:4px;display:inline-block">{escape(label)}</span>'
        for label, (r, g, b) in colours.items()
    )
    return f'<div class="stface-annotated-legend">{chips}</div>'
