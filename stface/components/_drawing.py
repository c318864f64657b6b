"""Drawings: what the canvas sends, and the images fn gets from it. Pure: Pillow and numpy.

The drawing canvas (``runtime/widgets/_drawing.py``) sends a background
(the file the person uploaded, pasted or took with the webcam, byte for
byte) and one transparent PNG per layer, all the size of the canvas, as data
URLs. :func:`drawing_from_browser` checks and decodes them into a
:class:`Drawing`; :func:`canvas_from` turns a Drawing, or any value an app
passes itself (an image, Gradio 3.50's ``{"image", "mask"}``, Gradio 4–6's
``{"background", "layers", "composite"}``), into a :class:`Canvas` of PIL
images, which composes them the way Gradio does.
"""

from __future__ import annotations

import base64
import binascii
import io
import math
import os
import re
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from PIL import Image as PILImage

from stface.components._codecs import MediaFile, decode_image, encode_png
from stface.errors import Error
from stface.paths import save_bytes

__all__ = [
    "Canvas",
    "CanvasOptions",
    "Drawing",
    "canvas_from",
    "data_url",
    "drawing_from_browser",
    "format_image",
    "max_drawing_bytes",
]

#: Image types the canvas may send as a background.
_DATA_URL = re.compile(r"data:image/(png|jpeg|jpg|webp|gif|bmp);base64,", re.IGNORECASE)
#: Browsers refuse canvases much larger than this on a side.
MAX_SIDE = 16384
#: Layers one drawing may have.
MAX_LAYERS = 32


def max_drawing_bytes() -> int:
    """Largest file the canvas may send as one image; ``STFACE_MAX_DRAWING_BYTES`` overrides 50 MB."""
    return int(os.environ.get("STFACE_MAX_DRAWING_BYTES", 50 * 1024 * 1024))


@dataclass(frozen=True)
class Drawing:
    """A canvas as the browser sent it: a background file (or none) and a PNG per layer.

    ``size`` is the canvas's ``(width, height)``; every layer has that size.
    ``background`` keeps the person's file as it was, so fn gets the image
    it would have got from an upload.
    """

    size: tuple[int, int]
    background: MediaFile | None = None
    layers: tuple[bytes, ...] = ()


@dataclass
class Canvas:
    """A drawing as images: the background placed on the canvas, and the layers (RGBA, canvas size)."""

    size: tuple[int, int]
    #: The background as it was given (any mode, its own size), or None on a blank canvas.
    source: PILImage.Image | None = None
    #: The background on the canvas (RGBA, canvas size), or None on a blank canvas.
    background: PILImage.Image | None = None
    layers: list[PILImage.Image] = field(default_factory=list)
    #: A composite the app gave itself (``{"composite": ...}``), used as it is.
    given_composite: PILImage.Image | None = None

    def composite(self, fill: str | None = None) -> PILImage.Image:
        """The background and every layer, one over the other (RGBA); on ``fill`` where all are transparent."""
        if self.given_composite is not None:
            picture = _sized(self.given_composite.convert("RGBA"), self.size)
        else:
            picture = PILImage.new("RGBA", self.size, (0, 0, 0, 0))
            for part in ([self.background] if self.background is not None else []) + self.layers:
                picture.alpha_composite(_sized(part.convert("RGBA"), self.size))
        if fill is None:
            return picture
        base = PILImage.new("RGBA", picture.size, fill)
        base.alpha_composite(picture)
        return base

    def mask(self) -> PILImage.Image:
        """Where anything was drawn, white on black (RGB), as Gradio 3.50 makes ``{"mask": ...}``."""
        alpha = np.zeros((self.size[1], self.size[0]), dtype=np.uint8)
        for layer in self.layers:
            alpha = np.maximum(alpha, np.asarray(_sized(layer.convert("RGBA"), self.size).getchannel("A")))
        grey = PILImage.fromarray(alpha, "L")
        return PILImage.merge("RGB", [grey, grey, grey])

    @property
    def drawn(self) -> bool:
        """True when a layer has any visible pixel."""
        return any(layer.convert("RGBA").getchannel("A").getbbox() is not None for layer in self.layers)


@dataclass(frozen=True)
class CanvasOptions:
    """What the drawing canvas needs to know about a component (sent to the browser as JSON).

    ``brush`` and ``eraser`` are None when hidden; ``brush["size"]`` is a
    line width in canvas pixels, or None for the default (``auto``:
    ``"display"`` means 20 screen pixels, as Gradio 3.50; ``"image"`` means a
    25th of the canvas's shorter side, as Gradio 4–6).
    """

    width: int
    height: int
    #: Where a background may come from: "upload", "webcam", "clipboard".
    sources: tuple[str, ...] = ()
    #: Drawing waits for a background (Gradio 3.50's upload modes).
    needs_background: bool = False
    #: The canvas takes a new background's size (else the background is fitted into the canvas).
    resize_to_background: bool = True
    brush: dict[str, Any] | None = None
    eraser: dict[str, Any] | None = None
    layers: tuple[str, ...] = ("Layer 1",)
    add_layers: bool = False
    #: The layers shown at this opacity over the background (Gradio 3.50's mask).
    mask_opacity: float | None = None
    mirror_webcam: bool = True
    placeholder: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "width": self.width,
            "height": self.height,
            "sources": list(self.sources),
            "needs_background": self.needs_background,
            "resize_to_background": self.resize_to_background,
            "brush": self.brush,
            "eraser": self.eraser,
            "layers": list(self.layers),
            "add_layers": self.add_layers,
            "mask_opacity": self.mask_opacity,
            "mirror_webcam": self.mirror_webcam,
            "placeholder": self.placeholder,
        }


# -- what the browser sends -------------------------------------------------------


def drawing_from_browser(state: Any, *, max_bytes: int | None = None, max_pixels: int | None = None) -> Drawing | None:
    """The canvas's state (``{"width", "height", "background", "layers", "empty"}``) -> a checked :class:`Drawing`.

    None for an empty canvas. Sizes are checked before anything is decoded:
    every image is a data URL of at most ``max_bytes`` bytes, the canvas at
    most ``max_pixels`` pixels.

    Example:
        >>> from stface.components._drawing import data_url, drawing_from_browser
        >>> from PIL import Image
        >>> layer = data_url(Image.new("RGBA", (4, 3)))
        >>> drawing_from_browser({"width": 4, "height": 3, "background": None, "layers": [layer]}).size
        (4, 3)
    """
    if state is None:
        return None
    if not isinstance(state, dict):
        raise Error("The drawing sent by the browser was not understood; clear the canvas and draw again.")
    if state.get("empty"):
        return None
    width, height = state.get("width"), state.get("height")
    if not all(type(side) is int and 0 < side <= MAX_SIDE for side in (width, height)):
        raise Error(f"The drawing's size {width!r} x {height!r} is not valid; clear the canvas and draw again.")
    _check_pixels(width, height, max_pixels)
    layers = state.get("layers") or []
    if not isinstance(layers, list) or len(layers) > MAX_LAYERS:
        raise Error(f"A drawing may have at most {MAX_LAYERS} layers.")
    # Every layer is decoded at the canvas's size: keep their sum within twice the image limit.
    _check_pixels(width, height * (len(layers) + 1), None if max_pixels is None else 2 * max_pixels,
                  what="The drawing's layers")  # fmt: skip
    limit = max_drawing_bytes() if max_bytes is None else max_bytes
    background = state.get("background")
    file = None
    if background is not None:
        data, kind = _from_data_url(background, limit, "background image")
        file = MediaFile(f"background.{'jpg' if kind == 'jpeg' else kind}", data)
    return Drawing(
        (width, height),
        file,
        tuple(_from_data_url(layer, limit, "layer")[0] for layer in layers if layer is not None),
    )


def _from_data_url(value: Any, limit: int, what: str) -> tuple[bytes, str]:
    match = _DATA_URL.match(value) if isinstance(value, str) else None
    if match is None:
        raise Error(f"The drawing's {what} is not a PNG, JPEG, WebP, GIF or BMP image; upload another image.")
    encoded = value[match.end() :]
    if len(encoded) * 3 // 4 > limit:
        shown = f"{limit / 1024 / 1024:.1f}MB" if limit >= 1024 * 1024 else f"{limit / 1024:.1f}KB"
        raise Error(f"The drawing's {what} is larger than {shown}; use a smaller image.")
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise Error(f"The drawing's {what} could not be read; clear the canvas and draw again.") from None
    return data, match.group(1).lower().replace("jpg", "jpeg")


def _check_pixels(width: int, height: int, max_pixels: int | None, *, what: str | None = None) -> None:
    from stface.components._codecs import max_image_pixels

    limit = max_image_pixels() if max_pixels is None else max_pixels
    if what is not None and max_pixels is None:
        limit *= 2
    if width * height > limit:
        if what is not None:
            raise Error(f"{what} add up to {width * height:,} pixels; the limit is {limit:,}. Use fewer layers "
                        "or a smaller image.")  # fmt: skip
        raise Error(f"The canvas is {width}x{height} pixels; the limit is {limit:,} pixels. Use a smaller image.")


def data_url(image: PILImage.Image) -> str:
    """A PNG data URL of ``image`` (what the canvas is given to start from)."""
    if image.mode not in ("RGB", "RGBA", "L", "LA", "P", "1"):
        image = image.convert("RGBA")
    return "data:image/png;base64," + base64.b64encode(encode_png(image)).decode("ascii")


# -- images from a drawing or from the app's own values ------------------------------------


def canvas_from(value: Any, *, max_pixels: int | None = None, fit_background: bool = False,
                size: tuple[int, int] | None = None) -> Canvas | None:  # fmt: skip
    """A :class:`Drawing`, an image, or a dict of images (either Gradio's) -> a :class:`Canvas`.

    A background of another size than the canvas is fitted into it, centred
    (Gradio 4–6's ``fixed_canvas``). ``size`` is the canvas of a value that
    has none of its own.

    Example:
        >>> import numpy as np
        >>> from stface.components._drawing import canvas_from
        >>> canvas = canvas_from({"background": np.zeros((3, 4, 3), np.uint8), "layers": []})
        >>> canvas.size, canvas.composite().mode
        ((4, 3), 'RGBA')
    """
    if value is None:
        return None
    if isinstance(value, Canvas):
        return value
    if isinstance(value, Drawing):
        source = decode_image(value.background, max_pixels=max_pixels) if value.background is not None else None
        # A layer has the canvas's size: one that claims more pixels is refused before it is decoded.
        pixels = value.size[0] * value.size[1]
        layers = [decode_image(MediaFile("layer.png", data), max_pixels=pixels) for data in value.layers]
        return _canvas(value.size, source, layers, fit_background or source is None, None)
    if isinstance(value, dict):
        return _canvas_from_dict(value, max_pixels, fit_background, size)
    source = decode_image(value, max_pixels=max_pixels)
    fit = fit_background and size is not None
    return _canvas(size if fit else source.size, source, [], fit, None)


def _canvas_from_dict(value: dict, max_pixels: int | None, fit_background: bool,
                      size: tuple[int, int] | None) -> Canvas | None:  # fmt: skip
    def image(part: Any) -> PILImage.Image | None:
        return None if part is None else decode_image(part, max_pixels=max_pixels)

    if "image" in value or "mask" in value:  # Gradio 3.50's sketch on an upload
        source, mask = image(value.get("image")), image(value.get("mask"))
        layers = [] if mask is None else [_mask_layer(mask)]
        given = None
    else:  # Gradio 4-6's ImageEditor value
        unknown = set(value) - {"background", "layers", "composite", "id"}
        if unknown:
            raise Error(f"An image editor value has the keys 'background', 'layers' and 'composite'; "
                        f"got {', '.join(sorted(map(repr, unknown)))}.")  # fmt: skip
        source = image(value.get("background"))
        parts = value.get("layers") or []
        if not isinstance(parts, (list, tuple)):
            raise Error("An image editor value's 'layers' must be a list of images.")
        layers = [layer for layer in map(image, parts) if layer is not None]
        given = image(value.get("composite"))
    if source is None and not layers and given is None:
        return None
    reference = source or (layers[0] if layers else given)
    canvas_size = tuple(reference.size) if size is None or source is not None and not fit_background else size
    return _canvas(canvas_size, source, layers, fit_background, given)


def _mask_layer(mask: PILImage.Image) -> PILImage.Image:
    """A white-on-black mask as a layer: black strokes where the mask is light."""
    alpha = mask.convert("L")
    layer = PILImage.new("RGBA", mask.size, (0, 0, 0, 0))
    layer.putalpha(alpha)
    return layer


def _canvas(size: tuple[int, int], source: PILImage.Image | None, layers: list[PILImage.Image], fit: bool,
            given: PILImage.Image | None) -> Canvas:  # fmt: skip
    size = (int(size[0]), int(size[1]))
    background = None
    if source is not None:
        background = source.convert("RGBA")
        if background.size != size:
            background = _fitted(background, size) if fit else background.resize(size)
    return Canvas(size, source, background, [_sized(layer.convert("RGBA"), size) for layer in layers], given)


def _fitted(image: PILImage.Image, size: tuple[int, int]) -> PILImage.Image:
    """``image`` scaled to fit inside ``size`` and centred, on transparent (as the canvas draws it)."""
    scale = min(size[0] / image.width, size[1] / image.height)
    width, height = max(1, round(image.width * scale)), max(1, round(image.height * scale))
    placed = PILImage.new("RGBA", size, (0, 0, 0, 0))
    placed.paste(image.resize((width, height)), ((size[0] - width) // 2, (size[1] - height) // 2))
    return placed


def _sized(image: PILImage.Image, size: tuple[int, int]) -> PILImage.Image:
    return image if image.size == tuple(size) else image.resize(size, PILImage.NEAREST)


def format_image(image: PILImage.Image, type: Literal["numpy", "pil", "filepath"], suffix: str = "png") -> Any:
    """``image`` as fn asked for it: a numpy array, the PIL image, or the path of a new file."""
    if type == "pil":
        return image
    if type == "numpy":
        return np.array(image)
    suffix = suffix.lower().lstrip(".") or "png"
    fmt = {"jpg": "JPEG", "jpeg": "JPEG", "webp": "WEBP", "png": "PNG", "bmp": "BMP", "gif": "GIF"}.get(suffix)
    if fmt is None:
        suffix, fmt = "png", "PNG"
    if fmt == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    if fmt == "PNG":
        return save_bytes(encode_png(image), "image.png")
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **({"lossless": True} if fmt == "WEBP" else {}))
    return save_bytes(buffer.getvalue(), f"image.{suffix}")


def flatten_on_white(image: PILImage.Image, mode: str | None) -> PILImage.Image:
    """Transparent parts on white when ``mode`` has no alpha (Gradio 6's ``flatten_on_white``)."""
    if mode in (None, "RGBA", "LA", "PA") or ("A" not in image.getbands() and "transparency" not in image.info):
        return image
    base = PILImage.new("RGBA", image.size, "white")
    base.alpha_composite(image.convert("RGBA"))
    return base


def working_size(shape: tuple[int | None, int | None] | None, default: tuple[int, int],
                 least: int = 400) -> tuple[tuple[int, int], float]:  # fmt: skip
    """The canvas for Gradio 3.50's ``shape``: its proportions, at least ``least`` pixels on the long side.

    Returns the size and the scale from ``shape`` pixels to canvas pixels
    (brush sizes are given in ``shape`` pixels).
    """
    if not shape or shape[0] is None or shape[1] is None:
        return default, 1.0
    width, height = int(shape[0]), int(shape[1])
    if width <= 0 or height <= 0:
        return default, 1.0
    scale = max(1.0, least / max(width, height))
    return (max(1, math.floor(width * scale + 0.5)), max(1, math.floor(height * scale + 0.5))), scale
