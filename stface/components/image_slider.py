"""ImageSlider (Gradio 5+): two images compared with a slider."""

from __future__ import annotations

from typing import Any, Literal

from PIL import Image as PILImage

from stface.components._media import MediaComponent
from stface.components.image import Image
from stface.errors import Error

__all__ = ["ImageSlider"]


class ImageSlider(MediaComponent[tuple[Any, Any] | None]):
    """Two images, before and after: a slider moves the line between them.

    fn gets (or returns) a pair of images: numpy arrays, PIL images or paths
    (``type``), as ``gr.Image`` converts each.

    Example:
        >>> import numpy as np, stface as gr
        >>> a, b = gr.ImageSlider().preprocess((np.zeros((4, 4, 3), np.uint8), np.ones((4, 4, 3), np.uint8)))
        >>> a.shape, int(b.max())
        ((4, 4, 3), 1)
    """

    gradio_ignored = frozenset({"format", "buttons", "slider_position", "max_height", "placeholder", "every", "inputs",
                                "show_download_button", "show_fullscreen_button"})  # fmt: skip
    empty_message = "No images for '{label}': upload two, then press Submit."

    def __init__(
        self,
        value: Any = None,
        *,
        type: Literal["numpy", "pil", "filepath"] = "numpy",
        image_mode: str | None = "RGB",
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        self.image = Image(type=type, image_mode=image_mode, sources="upload")
        self.type = type
        self.upload_types = self.image.upload_types

    def _pair(self, value: Any) -> tuple[Any, Any]:
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            raise Error(f"ImageSlider '{self.display_label}' takes a pair of images (before, after); "
                        f"got {type(value).__name__}.")  # fmt: skip
        return value[0], value[1]

    def preprocess(self, payload: Any) -> tuple[Any, Any] | None:
        if payload is None:
            return None
        first, second = self._pair(payload)
        return self.image.preprocess(first), self.image.preprocess(second)

    def postprocess(self, value: Any) -> tuple[PILImage.Image, PILImage.Image] | None:
        if value is None:
            return None
        first, second = self._pair(value)
        return self.image.postprocess(first), self.image.postprocess(second)

    def as_python(self, payload: Any) -> Any:
        return None if payload is None else (self.image.as_python(payload[0]), self.image.as_python(payload[1]))


def compare(first: PILImage.Image, second: PILImage.Image, position: float) -> PILImage.Image:
    """``first`` left of ``position`` (0..100 % of the width), ``second`` right of it, with a line between."""
    second = second.convert("RGB").resize(first.size)
    picture = first.convert("RGB").copy()
    cut = round(picture.width * min(max(position, 0.0), 100.0) / 100)
    picture.paste(second.crop((cut, 0, picture.width, picture.height)), (cut, 0))
    if 0 < cut < picture.width:
        picture.paste((255, 255, 255), (max(cut - 1, 0), 0, min(cut + 1, picture.width), picture.height))
    return picture
