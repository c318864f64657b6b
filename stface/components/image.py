"""Image: an uploaded picture or a webcam photo in, a picture out."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
from PIL import Image as PILImage
from PIL import ImageOps

from stface._kwargs import retired_value, warn_compatibility
from stface.components._codecs import (
    IMAGE_TYPES,
    MediaFile,
    decode_image,
    image_from_array,
    resize_and_crop,
)
from stface.components._drawing import CanvasOptions, canvas_from, format_image, working_size
from stface.components._media import MediaComponent, normalise_sources
from stface.components.base import interpretation_count
from stface.errors import Error
from stface.paths import servable_path
from stface.watermark import add_watermark, watermark_options

__all__ = ["Image", "LiveFrame", "Pil", "Webcam", "WebcamPhoto"]

_SOURCES = ("upload", "webcam", "clipboard", "canvas")
_TYPES = ("numpy", "pil", "filepath")
_TOOLS = ("editor", "select", "sketch", "color-sketch")
#: Gradio 3.50's canvas when ``shape`` does not give one (its page sized it to the column).
_CANVAS = (512, 512)


class Image(MediaComponent[Any]):
    """An image in (upload, webcam, or drawn on a canvas) and out.

    fn receives a numpy array (H, W, 3) uint8 by default, a PIL image with
    ``type="pil"``, or a PNG path with ``type="filepath"``. fn may return a
    numpy array (uint8, or float in 0..1), a PIL image, or a file path.

    Drawing, as Gradio 3.50 does it: ``source="canvas"`` is a white canvas
    drawn on in ``brush_color`` (fn gets the picture); ``tool="color-sketch"``
    adds a colour picker (on a canvas, or on an uploaded image, which fn
    gets with the strokes on it); ``tool="sketch"`` on an upload or a webcam
    photo draws a mask, and fn gets ``{"image": ..., "mask": ...}`` (the
    mask white where drawn, black elsewhere, RGB, the image's size).

    Args:
        shape: ``(width, height)``: scale to cover and crop the centre (Gradio 3).
        image_mode: PIL mode to convert to (``"RGB"``, ``"L"``, ``"RGBA"`` ...).
        source / sources: ``"upload"``, ``"webcam"``, ``"canvas"`` (Gradio 3 / Gradio 4 spelling).
        type: ``"numpy"``, ``"pil"`` or ``"filepath"``.
        invert_colors: invert the image before fn sees it.
        mirror_webcam: mirror webcam photos, as Gradio does (default True).
        max_pixels: largest accepted image (default 50 MP, ``STFACE_MAX_IMAGE_PIXELS``).
        tool: ``"sketch"``, ``"color-sketch"`` (drawing), ``"editor"`` or ``"select"``
            (Gradio 3.50's crop tools: stface has none, fn gets the whole image).
        brush_radius: the brush's width in pixels of the image (default: 20 pixels on screen).
        brush_color: the brush's colour (default black).
        mask_opacity: how opaque the mask is drawn over the image (0..1).
        watermark: an output's watermark: a ``gr.WatermarkOptions``, or an image path, PIL image
            or array put 10 pixels from the bottom-right corner (Gradio 5-6).
        streaming: in a ``live=True`` Interface, fn gets each webcam frame as it arrives (over WebRTC),
            and an Image output of fn is sent back as live video. Sources default to the webcam.
        webcam_options: a ``gr.WebcamOptions`` (Gradio 6): ``mirror`` sets ``mirror_webcam``;
            ``constraints`` are the browser's camera constraints for a stream.

    Example:
        >>> import numpy as np, stface as gr
        >>> gr.Image(shape=(20, 10)).preprocess(np.zeros((50, 50, 3), dtype=np.uint8)).shape
        (10, 20, 3)
        >>> gr.Image(source="canvas").drawing, gr.Image(source="upload", tool="sketch").drawing
        ('sketch', 'mask')
    """

    empty_message = "No image for '{label}': upload one or take a photo, then press Submit."
    upload_types = IMAGE_TYPES
    watermark: Any = None  # subclasses with their own __init__ (ImageEditor) show outputs unmarked
    gradio_ignored = frozenset({"format", "show_share_button", "show_fullscreen_button", "placeholder",
                                "webcam_constraints"})  # fmt: skip
    streaming = False  # subclasses with their own __init__ (ImageEditor) never stream
    webcam_constraints: dict[str, Any] | None = None

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
        tool: Literal["editor", "select", "sketch", "color-sketch"] | None = None,
        brush_radius: float | None = None,
        brush_color: str = "#000000",
        mask_opacity: float = 0.7,
        watermark: Any = None,
        streaming: bool = False,
        webcam_options: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        type = retired_value("Image()", "type", type, {"file": "filepath", "auto": "numpy", "plot": "numpy"})
        if type not in _TYPES:
            raise ValueError(f"Image type must be one of {', '.join(map(repr, _TYPES))}; got {type!r}.")
        if tool is not None and tool not in _TOOLS:
            raise ValueError(f"Image tool must be one of {', '.join(map(repr, _TOOLS))} or None; got {tool!r}.")
        if tool in ("editor", "select"):
            warn_compatibility(f"Image(): tool={tool!r} (Gradio 3.50's crop tool) has no effect in stface: fn gets "
                               "the whole image. Remove tool= to silence this warning.")  # fmt: skip
        chosen = normalise_sources(source, sources, _SOURCES, ["webcam"] if streaming else ["upload", "webcam"])
        if streaming and chosen != ["webcam"]:
            raise ValueError(f"Image(streaming=True) streams the webcam, so its only source must be the webcam; got "
                             f"{chosen}. Use sources=['webcam'] (Gradio 4+) or source='webcam' (Gradio 3).")  # fmt: skip
        self.streaming = bool(streaming)
        if webcam_options is not None:
            mirror_webcam = bool(getattr(webcam_options, "mirror", mirror_webcam))
            self.webcam_constraints = getattr(webcam_options, "constraints", None) or None
        self.shape = shape
        self.image_mode = image_mode
        self.type = type
        self.invert_colors = invert_colors
        self.mirror_webcam = mirror_webcam
        self.max_pixels = max_pixels
        self.tool = tool if tool is not None else "sketch" if "canvas" in chosen else "editor"
        self.brush_radius = brush_radius
        self.brush_color = brush_color
        self.mask_opacity = mask_opacity
        self.watermark = watermark_options(watermark)
        #: How the person draws: None (no canvas), "sketch", "color-sketch" or "mask" (Gradio 3.50's modes).
        self.drawing: str | None = _drawing_mode("canvas" in chosen, self.tool)
        #: A blank canvas to draw on (else drawing waits for an image).
        self.blank_canvas = "canvas" in chosen
        if self.drawing is not None:
            self.empty_message = (
                "Nothing drawn in '{label}': draw on the canvas, then press Submit." if self.blank_canvas
                else "No image for '{label}': upload one and draw on it, then press Submit."
            )  # fmt: skip
        #: Where an image comes from (for a canvas: where its background may come from).
        self.sources = [s for s in chosen if s != "canvas" and (s != "clipboard" or self.drawing is not None)]

    def set_interpret_parameters(self, segments: int = 16) -> Image:
        """How interpretation splits the image (Gradio 3.x): into about ``segments`` SLIC superpixels.

        Each is painted the image's mean colour in turn. Returns the component.

        Example:
            >>> import stface as gr
            >>> gr.Image().set_interpret_parameters(segments=8).interpretation_segments
            8
        """
        self.interpretation_segments = interpretation_count("Image", "segments", segments)
        return self

    # -- conversions -----------------------------------------------------------

    def preprocess(self, payload: Any) -> Any:
        """Upload, photo, drawing, path, array or PIL image -> ``type``, after mode/shape/invert.

        A drawing gives the picture (``"sketch"``, ``"color-sketch"``) or
        ``{"image": ..., "mask": ...}`` (``"mask"``), as Gradio 3.50 does.
        """
        if payload is None:
            return None
        if isinstance(payload, LiveFrame):
            return self.preprocess_frame(payload)
        if self.drawing is not None:
            return self._from_drawing(payload)
        if isinstance(payload, np.ndarray) and self.takes_as_is(payload):
            return payload.copy()  # interpretation's masked pictures, an app's own arrays: no trip through PIL
        from_webcam = isinstance(payload, WebcamPhoto)
        image = self._adjust(decode_image(payload.file if from_webcam else payload, max_pixels=self.max_pixels))
        if from_webcam and self.mirror_webcam:
            image = ImageOps.mirror(image)
        return format_image(image, self.type)

    def preprocess_frame(self, frame: LiveFrame) -> Any:
        """A streamed webcam frame (RGB uint8) -> ``type``: mirrored, then as ``preprocess`` would convert it.

        Plain RGB numpy frames skip the trip through PIL, so a stream keeps its frame rate.
        """
        array = frame.array[:, ::-1] if self.mirror_webcam else frame.array
        if self.takes_as_is(array):
            return np.ascontiguousarray(array)
        return format_image(self._adjust(PILImage.fromarray(np.ascontiguousarray(array))), self.type)

    def takes_as_is(self, array: np.ndarray) -> bool:
        """Whether fn gets this RGB uint8 array unchanged (numpy type, RGB mode, no shape, no inversion)."""
        return (self.type == "numpy" and self.image_mode in ("RGB", None) and self.shape is None
                and not self.invert_colors and array.dtype == np.uint8 and array.ndim == 3 and array.shape[2] == 3)  # fmt: skip

    def frame_out(self, value: Any) -> np.ndarray | None:
        """fn's result -> an RGB uint8 array to send as a live video frame (watermarked when set)."""
        if value is None:
            return None
        if (isinstance(value, np.ndarray) and value.dtype == np.uint8 and value.ndim == 3 and value.shape[2] == 3
                and self.watermark is None):  # fmt: skip
            return np.ascontiguousarray(value)
        return np.asarray(self.postprocess(value).convert("RGB"))

    def _adjust(self, image: PILImage.Image) -> PILImage.Image:
        """``image_mode``, then ``shape``, then ``invert_colors``, in Gradio 3.50's order."""
        if self.image_mode:
            image = image.convert(self.image_mode)
        if self.shape is not None:
            image = resize_and_crop(image, self.shape)
        if self.invert_colors:
            image = ImageOps.invert(image.convert("RGB") if image.mode == "RGBA" else image)
        return image

    def _from_drawing(self, payload: Any) -> Any:
        """Gradio 3.50's drawn values: the picture on white, or the image and the mask drawn over it."""
        canvas = canvas_from(payload.file if isinstance(payload, WebcamPhoto) else payload, max_pixels=self.max_pixels,
                             fit_background=self.blank_canvas)  # fmt: skip
        if canvas is None:
            return None
        if self.drawing == "mask":
            if canvas.source is None:
                return None
            mask = canvas.mask()
            if self.shape is not None:
                mask = resize_and_crop(mask, self.shape)
            return {"image": format_image(self._adjust(canvas.source), self.type), "mask": format_image(mask, self.type)}
        if canvas.source is not None and not canvas.layers:
            picture = canvas.source  # a plain image, as the app gave it
        else:
            picture = canvas.composite(fill="white").convert("RGB")
        return format_image(self._adjust(picture), self.type)

    def picture(self, payload: Any) -> PILImage.Image:
        """The image a payload shows before mode/shape/invert (what interpretation and flags use)."""
        if self.drawing is None:
            return decode_image(payload.file if isinstance(payload, WebcamPhoto) else payload, max_pixels=self.max_pixels)
        canvas = canvas_from(payload, max_pixels=self.max_pixels, fit_background=self.blank_canvas)
        if canvas is None:
            raise Error(f"'{self.display_label}' has no image.")
        if self.drawing == "mask" and canvas.source is not None:
            return canvas.source
        return canvas.composite(fill="white").convert("RGB")

    def canvas_options(self) -> CanvasOptions:
        """How the drawing canvas is set up for this image (Gradio 3.50's modes)."""
        size, scale = working_size(self.shape, _CANVAS)
        brush = {
            "size": None if self.brush_radius is None else max(1.0, float(self.brush_radius) * scale),
            "auto": "display",
            "colors": [{"color": self.brush_color, "alpha": 1.0}],
            "color": self.brush_color,
            "picker": self.drawing == "color-sketch",
        }
        return CanvasOptions(
            width=size[0],
            height=size[1],
            sources=tuple(self.sources),
            needs_background=not self.blank_canvas,
            resize_to_background=not self.blank_canvas,
            brush=brush,
            eraser={"size": None, "auto": "display"},
            mask_opacity=float(self.mask_opacity) if self.drawing == "mask" else None,
            mirror_webcam=bool(self.mirror_webcam),
        )

    def postprocess(self, value: Any) -> PILImage.Image | None:
        """numpy array, PIL image, path or bytes -> PIL image to show (watermarked when ``watermark`` is set)."""
        picture = self._picture_out(value)
        return picture if picture is None else add_watermark(picture, self.watermark)

    def _picture_out(self, value: Any) -> PILImage.Image | None:
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


def _drawing_mode(canvas: bool, tool: str) -> str | None:
    """Gradio 3.50's Image.svelte: which canvas a source and a tool make."""
    if tool == "color-sketch":
        return "color-sketch"
    if canvas:
        return "sketch"
    return "mask" if tool == "sketch" else None


class LiveFrame:
    """A frame of a webcam stream: an RGB uint8 array as the camera gave it (not mirrored yet)."""

    __slots__ = ("array",)

    def __init__(self, array: np.ndarray) -> None:
        self.array = array


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
