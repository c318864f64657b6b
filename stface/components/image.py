"""Image: an uploaded picture or a webcam photo in, a picture out."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
from PIL import Image as PILImage
from PIL import ImageOps

from stface._kwargs import retired_value
from stface.components._codecs import (
    IMAGE_TYPES,
    MediaFile,
    decode_image,
    encode_png,
    image_from_array,
    resize_and_crop,
)
from stface.components._media import MediaComponent, normalise_sources
from stface.errors import Error
from stface.paths import save_bytes, servable_path

__all__ = ["Image", "Pil", "Webcam", "WebcamPhoto"]

_SOURCES = ("upload", "webcam", "clipboard")
_TYPES = ("numpy", "pil", "filepath")


class Image(MediaComponent[Any]):
    """An image in (upload or webcam) and out.

    fn receives a numpy array (H, W, 3) uint8 by default, a PIL image with
    ``type="pil"``, or a PNG path with ``type="filepath"``. fn may return a
    numpy array (uint8, or float in 0..1), a PIL image, or a file path.

    Args:
        shape: ``(width, height)``: scale to cover and crop the centre (Gradio 3).
        image_mode: PIL mode to convert to (``"RGB"``, ``"L"``, ``"RGBA"`` ...).
        source / sources: ``"upload"``, ``"webcam"`` (Gradio 3 / Gradio 4 spelling).
        type: ``"numpy"``, ``"pil"`` or ``"filepath"``.
        invert_colors: invert the image before fn sees it.
        mirror_webcam: mirror webcam photos, as Gradio does (default True).
        max_pixels: largest accepted image (default 50 MP, ``STFACE_MAX_IMAGE_PIXELS``).

    Example:
        >>> import numpy as np, stface as gr
        >>> gr.Image(shape=(20, 10)).preprocess(np.zeros((50, 50, 3), dtype=np.uint8)).shape
        (10, 20, 3)
    """

    empty_message = "No image for '{label}': upload one or take a photo, then press Submit."
    upload_types = IMAGE_TYPES
    gradio_ignored = frozenset({"tool", "brush_radius", "brush_color", "mask_opacity", "streaming", "format",
                                "show_share_button", "show_fullscreen_button", "placeholder", "webcam_options",
                                "webcam_constraints"})  # fmt: skip

    def __init__(
        self,
        value: Any = None,
        *,
        shape: tuple[int | None, int | None] | None = None,
        image_mode: str | None = "RGB",
        source: str | None = None,
        sources: list[str] | str | None = None,
        type: Literal["numpy", "pil", "filepath"] = "numpy",
        invert_colors: bool = False,
        mirror_webcam: bool = True,
        max_pixels: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        type = retired_value("Image()", "type", type, {"file": "filepath", "auto": "numpy", "plot": "numpy"})
        if type not in _TYPES:
            raise ValueError(f"Image type must be one of {', '.join(map(repr, _TYPES))}; got {type!r}.")
        self.shape = shape
        self.image_mode = image_mode
        self.sources = [s for s in normalise_sources(source, sources, _SOURCES, ["upload", "webcam"]) if s != "clipboard"]
        self.type = type
        self.invert_colors = invert_colors
        self.mirror_webcam = mirror_webcam
        self.max_pixels = max_pixels

    # -- conversions -----------------------------------------------------------

    def preprocess(self, payload: Any) -> np.ndarray | PILImage.Image | str | None:
        """Upload, photo, path, array or PIL image -> ``type``, after mode/shape/invert."""
        if payload is None:
            return None
        from_webcam = isinstance(payload, WebcamPhoto)
        image = decode_image(payload.file if from_webcam else payload, max_pixels=self.max_pixels)
        if self.image_mode:
            image = image.convert(self.image_mode)
        if self.shape is not None:
            image = resize_and_crop(image, self.shape)
        if self.invert_colors:
            image = ImageOps.invert(image.convert("RGB") if image.mode == "RGBA" else image)
        if from_webcam and self.mirror_webcam:
            image = ImageOps.mirror(image)
        if self.type == "pil":
            return image
        if self.type == "numpy":
            return np.array(image)
        return save_bytes(encode_png(image), "image.png")

    def postprocess(self, value: Any) -> PILImage.Image | None:
        """numpy array, PIL image, path or bytes -> PIL image to show."""
        if value is None:
            return None
        if isinstance(value, np.ndarray):
            return image_from_array(value)
        if isinstance(value, PILImage.Image):
            return value
        if isinstance(value, (str, bytes)) or hasattr(value, "__fspath__"):
            if not isinstance(value, bytes):
                servable_path(value)
            return decode_image(value)
        raise Error(f"An Image output takes a numpy array, a PIL image or a file path; got {type(value).__name__}.")

    def as_python(self, payload: PILImage.Image | None) -> np.ndarray | None:
        return None if payload is None else np.array(payload)


class WebcamPhoto:
    """A photo from the webcam (mirrored in preprocess when ``mirror_webcam``, as Gradio does)."""

    def __init__(self, file: MediaFile) -> None:
        self.file = file


class Webcam(Image):
    """An Image from the webcam (Gradio's ``"webcam"`` shortcut).

    Example:
        >>> import stface as gr
        >>> gr.Webcam().sources
        ['webcam']
    """

    def __init__(self, value: Any = None, *, sources: list[str] | str | None = "webcam", **kwargs: Any) -> None:
        super().__init__(value, sources=sources, **kwargs)


class Pil(Image):
    """An Image that hands fn a PIL image (Gradio's ``"pil"`` shortcut).

    Example:
        >>> import stface as gr
        >>> gr.Pil().type
        'pil'
    """

    def __init__(self, value: Any = None, *, type: Literal["numpy", "pil", "filepath"] = "pil", **kwargs: Any):
        super().__init__(value, type=type, **kwargs)
