"""Drawing on images: Gradio 4–6's ImageEditor, and the templates both Gradio 3.50 and Gradio 6 call
``Sketchpad``, ``Paint`` and ``ImageMask`` (plus Gradio 3.50's ``ImagePaint``).

The two Gradios hand fn different things under the same names:

* Gradio 3.50's templates are ``Image`` presets: ``Sketchpad`` gives a
  28x28 greyscale picture, inverted (white strokes on black); ``Paint`` the
  picture in colour; ``ImageMask`` ``{"image", "mask"}``.
* Gradio 4–6's are ``ImageEditor`` presets: fn gets
  ``{"background", "layers", "composite"}``.

stface follows the options a call passes: any Gradio 4–6 option (``brush=``,
``eraser=``, ``layers=``, ``canvas_size=``, ``fixed_canvas=``, ``sources=``,
``transforms=``, ``format=``, ``webcam_options=``, ``placeholder=``...)
makes the Gradio 6 component; otherwise (Gradio 3.50 options, or none at
all) it is Gradio 3.50's, as the ``"sketchpad"`` shortcut is. Write
``gr.ImageEditor(...)`` to always get the dict.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
from PIL import Image as PILImage

from stface.components._drawing import Canvas, CanvasOptions, canvas_from, flatten_on_white, format_image
from stface.components._editor_tools import Brush, Eraser, LayerOptions, WebcamOptions, brush_options, size_options
from stface.components._media import MediaComponent, normalise_sources
from stface.components.image import _TYPES, Image
from stface.errors import Error

__all__ = ["Brush", "Eraser", "ImageEditor", "ImageMask", "ImagePaint", "LayerOptions", "Paint", "Sketchpad",
           "WebcamOptions"]  # fmt: skip

_EDITOR_SOURCES = ("upload", "webcam", "clipboard")
#: Options only Gradio 3.50's Image templates take, and only Gradio 4–6's ImageEditor templates take.
_GRADIO3_OPTIONS = frozenset({"shape", "invert_colors", "source", "tool", "brush_radius", "brush_color",
                              "mask_opacity", "mirror_webcam", "streaming"})  # fmt: skip
_GRADIO6_OPTIONS = frozenset({"sources", "brush", "eraser", "layers", "canvas_size", "fixed_canvas", "transforms",
                              "format", "webcam_options", "placeholder", "buttons", "inputs", "preserved_by_key",
                              "key", "_selectable"})  # fmt: skip


class ImageEditor(Image):
    """An image to draw on, in layers, over a background (Gradio 4–6's ``gr.ImageEditor``).

    fn gets ``{"background": image, "layers": [image, ...], "composite": image}``,
    each image a numpy array, PIL image or file path (``type``), in
    ``image_mode`` (RGBA by default; without alpha, transparent parts of the
    background and composite are white). Layers are the canvas's size,
    transparent where nothing was drawn; a blank canvas's background is
    transparent. fn may return such a dict, or one image, to show.

    Args:
        sources: where the background may come from: ``"upload"``, ``"webcam"``, ``"clipboard"``.
        brush, eraser: :class:`Brush` / :class:`Eraser` options, or False to hide them.
        layers: True, False (one layer) or :class:`LayerOptions`.
        canvas_size: ``(width, height)`` of a blank canvas (an image's size once one is added).
        fixed_canvas: keep ``canvas_size``: a background is scaled to fit, centred.
        format: the files' format with ``type="filepath"`` (webp by default).
        webcam_options: :class:`WebcamOptions` (``mirror``).
        placeholder: the text shown on an empty canvas that waits for an image.

    Example:
        >>> import numpy as np, stface as gr
        >>> value = gr.ImageEditor().preprocess(np.zeros((3, 4, 3), np.uint8))
        >>> sorted(value), value["composite"].shape
        (['background', 'composite', 'layers'], (3, 4, 4))
    """

    empty_message = "Nothing drawn in '{label}': draw or add an image, then press Submit."
    gradio_ignored = Image.gradio_ignored | {"transforms", "_selectable", "inputs", "preserved_by_key"}

    def __init__(
        self,
        value: Any = None,
        *,
        image_mode: str | None = "RGBA",
        sources: Any = ("upload", "webcam", "clipboard"),
        type: Literal["numpy", "pil", "filepath"] = "numpy",
        brush: Brush | None | Literal[False] = None,
        eraser: Eraser | None | Literal[False] = None,
        layers: bool | LayerOptions = True,
        canvas_size: tuple[int, int] = (800, 800),
        fixed_canvas: bool = False,
        format: str = "webp",
        webcam_options: WebcamOptions | None = None,
        placeholder: str | None = None,
        max_pixels: int | None = None,
        **kwargs: Any,
    ) -> None:
        MediaComponent.__init__(self, value, **kwargs)
        if type not in _TYPES:
            raise ValueError(f"ImageEditor type must be one of {', '.join(map(repr, _TYPES))}; got {type!r}.")
        chosen = [] if sources is None else [sources] if isinstance(sources, str) else list(sources)
        if chosen:
            chosen = normalise_sources(None, chosen, _EDITOR_SOURCES, [])
        if not (isinstance(canvas_size, (tuple, list)) and len(canvas_size) == 2
                and all(isinstance(n, int) and n > 0 for n in canvas_size)):  # fmt: skip
            raise ValueError(f"canvas_size must be (width, height) in pixels; got {canvas_size!r}.")
        self.image_mode = image_mode
        self.type = type
        self.sources = chosen
        self.brush = Brush() if brush is None else brush
        self.eraser = Eraser() if eraser is None else eraser
        self.layers = LayerOptions() if layers is True else LayerOptions(disabled=True) if layers is False else layers
        self.canvas_size = (int(canvas_size[0]), int(canvas_size[1]))
        self.fixed_canvas = bool(fixed_canvas)
        self.format = format
        self.webcam_options = webcam_options if webcam_options is not None else WebcamOptions()
        self.placeholder = placeholder
        self.max_pixels = max_pixels
        # What Image's conversions read: no shape, no inversion, the editor's own value.
        self.shape, self.invert_colors, self.mirror_webcam = None, False, bool(self.webcam_options.mirror)
        self.tool, self.brush_radius, self.brush_color, self.mask_opacity = None, None, "#000000", 0.7
        self.drawing, self.blank_canvas = "editor", True

    # -- conversions -------------------------------------------------------------

    def _from_drawing(self, payload: Any) -> Any:
        if self.drawing != "editor":
            return super()._from_drawing(payload)
        canvas = canvas_from(payload, max_pixels=self.max_pixels, fit_background=self.fixed_canvas,
                             size=self.canvas_size)  # fmt: skip
        return None if canvas is None else self._editor_value(canvas)

    def _editor_value(self, canvas: Canvas) -> dict[str, Any]:
        """Gradio 6's ``convert_and_format_image`` for the background, each layer and the composite."""

        def formatted(image: PILImage.Image, flatten: bool) -> Any:
            if flatten:
                image = flatten_on_white(image, self.image_mode)
            if self.image_mode:
                image = image.convert(self.image_mode)
            return format_image(image, self.type, self.format)

        background = canvas.background
        if background is None:
            background = PILImage.new("RGBA", canvas.size, (0, 0, 0, 0))
        return {
            "background": formatted(background, True),
            "layers": [formatted(layer, False) for layer in canvas.layers],
            "composite": formatted(canvas.composite(), True),
        }

    def postprocess(self, value: Any) -> Any:
        """A ``{"background", "layers", "composite"}`` dict or one image -> the canvas to show."""
        if self.drawing != "editor":
            return super().postprocess(value)
        if value is None:
            return None
        shown = super().postprocess  # each image as Image shows it (a path must be one fn may serve)
        if isinstance(value, dict):
            layers = value.get("layers") or []
            if not isinstance(layers, (list, tuple)):
                raise Error(f"ImageEditor '{self.display_label}': 'layers' must be a list of images.")
            value = {**{k: shown(v) for k, v in value.items() if k in ("background", "composite")},
                     "layers": [shown(layer) for layer in layers]}  # fmt: skip
        elif not isinstance(value, Canvas):
            value = {"background": shown(value), "layers": []}
        try:
            return canvas_from(value, max_pixels=self.max_pixels, fit_background=self.fixed_canvas)
        except Error as exc:
            raise Error(f"ImageEditor '{self.display_label}': {exc}") from None

    def as_python(self, payload: Any) -> Any:
        if self.drawing != "editor":
            return super().as_python(payload)
        if payload is None:
            return None
        return {
            "background": None if payload.background is None else np.array(payload.background),
            "layers": [np.array(layer) for layer in payload.layers],
            "composite": np.array(payload.composite()),
        }

    def picture(self, payload: Any) -> PILImage.Image:
        if self.drawing != "editor":
            return super().picture(payload)
        canvas = payload if isinstance(payload, Canvas) else canvas_from(payload, max_pixels=self.max_pixels,
                                                                          fit_background=self.fixed_canvas)  # fmt: skip
        if canvas is None:
            raise Error(f"'{self.display_label}' has no image.")
        return flatten_on_white(canvas.composite(), "RGB").convert("RGB")

    def canvas_options(self) -> CanvasOptions:
        if self.drawing != "editor":
            return super().canvas_options()
        brush = self.brush
        return CanvasOptions(
            width=self.canvas_size[0],
            height=self.canvas_size[1],
            sources=tuple(self.sources),
            needs_background=False,
            resize_to_background=not self.fixed_canvas,
            brush=None if brush is False else brush_options(brush),
            eraser=None if brush is False or self.eraser is False else size_options(self.eraser),
            layers=tuple(self.layers.layers),
            add_layers=self.layers.allow_additional_layers and not self.layers.disabled,
            mirror_webcam=self.mirror_webcam,
            placeholder=self.placeholder,
        )


def _gradio6(owner: str, options: dict[str, Any]) -> bool:
    """True when a template call passes Gradio 4–6 options; an error when it mixes both Gradios'."""
    modern = sorted(set(options) & _GRADIO6_OPTIONS)
    legacy = sorted(set(options) & _GRADIO3_OPTIONS)
    if modern and legacy:
        raise ValueError(
            f"{owner}: {', '.join(legacy)} {'is' if len(legacy) == 1 else 'are'} Gradio 3.50 options and "
            f"{', '.join(modern)} Gradio 4-6 options; pass one Gradio's options (gr.ImageEditor for Gradio 4-6)."
        )
    return bool(modern)


class _Template(ImageEditor):
    """A preset that is Gradio 3.50's Image template or Gradio 4–6's ImageEditor template."""

    #: Gradio 3.50's defaults, and Gradio 6's.
    gradio3: dict[str, Any] = {}
    gradio6: dict[str, Any] = {}

    def __init__(self, value: Any = None, **options: Any) -> None:
        if _gradio6(f"{type(self).__name__}()", options):
            defaults = {name: made() if callable(made) else made for name, made in self.gradio6.items()}
            settings = {**defaults, **options}
            if not settings.get("brush") and "brush" in defaults:  # Gradio 6: `if not brush: brush = Brush(...)`
                settings["brush"] = defaults["brush"]
            ImageEditor.__init__(self, value, **settings)
        else:
            Image.__init__(self, value, **{**self.gradio3, **options})


def _black_brush() -> Brush:
    return Brush(colors=["#000000"], color_mode="fixed")


class Sketchpad(_Template):
    """A blank canvas to draw on in black.

    Gradio 3.50 (the default, and the ``"sketchpad"`` shortcut): fn gets the
    drawing as a 28x28 greyscale array, inverted: white strokes on black
    (``shape``, ``image_mode``, ``invert_colors`` change that).

    Gradio 4–6 (when given any of their options, e.g. ``canvas_size=``,
    ``layers=``, ``brush=gr.Brush(...)``): fn gets
    ``{"background", "layers", "composite"}`` in RGBA, see :class:`ImageEditor`.

    Example:
        >>> import numpy as np, stface as gr
        >>> white = np.full((100, 100, 3), 255, np.uint8)
        >>> gr.Sketchpad().preprocess(white).shape
        (28, 28)
        >>> sorted(gr.Sketchpad(canvas_size=(100, 100)).preprocess(white))
        ['background', 'composite', 'layers']
    """

    gradio3 = {"shape": (28, 28), "image_mode": "L", "invert_colors": True, "source": "canvas"}
    gradio6 = {"sources": (), "brush": _black_brush}


class Paint(_Template):
    """A blank canvas to draw on in colour.

    Gradio 3.50 (the default): fn gets the picture, RGB (``tool="color-sketch"`` on a canvas).
    Gradio 4–6 (given any of their options): fn gets ``{"background", "layers", "composite"}``.

    Example:
        >>> import numpy as np, stface as gr
        >>> gr.Paint().preprocess(np.zeros((5, 6, 3), np.uint8)).shape
        (5, 6, 3)
        >>> gr.Paint(layers=False).drawing
        'editor'
    """

    gradio3 = {"source": "canvas", "tool": "color-sketch"}
    gradio6 = {"sources": ()}


class ImageMask(_Template):
    """An uploaded image to paint a mask on, in black.

    Gradio 3.50 (the default): fn gets ``{"image": ..., "mask": ...}``, the
    mask white where the person drew and black elsewhere (RGB, the image's size).
    Gradio 4–6 (given any of their options): ``{"background", "layers", "composite"}``,
    the mask in ``layers[0]`` (its alpha channel).

    Example:
        >>> import numpy as np, stface as gr
        >>> value = gr.ImageMask().preprocess(np.zeros((5, 6, 3), np.uint8))
        >>> value["image"].shape, int(value["mask"].max())
        ((5, 6, 3), 0)
    """

    gradio3 = {"source": "upload", "tool": "sketch"}
    gradio6 = {"brush": _black_brush, "layers": False}


class ImagePaint(Image):
    """An uploaded image to paint on in colour (Gradio 3.50's ``gr.ImagePaint``): fn gets the painted image.

    Example:
        >>> import numpy as np, stface as gr
        >>> gr.ImagePaint().preprocess(np.zeros((5, 6, 3), np.uint8)).shape
        (5, 6, 3)
    """

    def __init__(self, value: Any = None, *, source: str | None = "upload", tool: str | None = "color-sketch",
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(value, source=source, tool=tool, **kwargs)
