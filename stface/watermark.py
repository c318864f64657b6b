"""Watermarks on Image and Video outputs (Gradio 5-6's ``watermark=`` and ``gr.WatermarkOptions``).

An Image output gets the watermark pasted over it (Pillow); a Video output
is re-encoded with ffmpeg's ``overlay`` filter, as Gradio does it.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from pathlib import Path
from typing import Any, Literal, Union

import numpy as np
from PIL import Image as PILImage

from stface._ffmpeg import require_ffmpeg, run_ffmpeg
from stface.components._codecs import MediaFile, decode_image, encode_png, image_from_array

__all__ = ["WatermarkOptions", "add_watermark", "watermark_options", "watermark_video"]

_POSITIONS = ("top-left", "top-right", "bottom-left", "bottom-right")
_VIDEO_TYPES = (".png", ".jpg", ".jpeg")


@dataclasses.dataclass
class WatermarkOptions:
    """A watermark and where it goes (Gradio's ``gr.WatermarkOptions``), for ``gr.Image`` and ``gr.Video`` outputs.

    Args:
        watermark: an image path, PIL image or numpy array (a Video takes a PNG or JPEG path).
        position: ``"top-left"``, ``"top-right"``, ``"bottom-left"``, ``"bottom-right"`` (default),
            or ``(x, y)`` pixels from the top-left corner.

    Example:
        >>> import numpy as np, stface as gr
        >>> mark = np.full((4, 4, 3), 255, dtype=np.uint8)
        >>> out = gr.Image(watermark=gr.WatermarkOptions(mark, position=(0, 0)))
        >>> out.postprocess(np.zeros((20, 20, 3), dtype=np.uint8)).getpixel((1, 1))
        (255, 255, 255)
    """

    watermark: Union[str, Path, PILImage.Image, np.ndarray, None] = None  # noqa: UP007 - read at run time
    position: Union[tuple[int, int], Literal["top-left", "top-right", "bottom-left", "bottom-right"]] = "bottom-right"  # noqa: UP007

    def __post_init__(self) -> None:
        if self.watermark is not None and not isinstance(self.watermark, (str, Path, PILImage.Image, np.ndarray)):
            raise ValueError(
                f"Watermark must be a string path, Path, PIL Image, numpy array, or None; got {type(self.watermark).__name__}."
            )
        if isinstance(self.position, str):
            if self.position not in _POSITIONS:
                raise ValueError(f"String position must be one of: {', '.join(_POSITIONS)}; got {self.position!r}.")
        elif isinstance(self.position, (tuple, list)):
            if len(self.position) != 2:
                raise ValueError(f"Position tuple must have exactly 2 values (x, y); got {self.position!r}.")
            if not all(isinstance(v, int) and not isinstance(v, bool) for v in self.position):
                raise ValueError(f"Position coordinates must be integers; got {self.position!r}.")
            self.position = (int(self.position[0]), int(self.position[1]))
        else:
            raise ValueError(
                f"position must be one of {', '.join(_POSITIONS)} or an (x, y) tuple; got {self.position!r}."
            )


def watermark_options(value: Any, *, video: bool = False) -> WatermarkOptions:
    """``watermark=`` as Image / Video take it (options, or the watermark itself) -> checked options.

    A path must exist; a Video needs a PNG or JPEG path and ffmpeg, said at once.
    """
    options = value if isinstance(value, WatermarkOptions) else WatermarkOptions()
    if value is not None and not isinstance(value, WatermarkOptions):
        allowed = (str, os.PathLike) if video else (str, os.PathLike, PILImage.Image, np.ndarray)
        if not isinstance(value, allowed):
            kinds = "an image path" if video else "an image path, a PIL image or a numpy array"
            raise ValueError(f"watermark must be a gr.WatermarkOptions or {kinds}; got {type(value).__name__}.")
        options.watermark = value
    mark = options.watermark
    if isinstance(mark, (str, os.PathLike)) and not Path(mark).is_file():
        raise ValueError(f"The watermark image '{mark}' does not exist; give the path of a PNG or JPEG file.")
    if video and mark is not None:
        if not isinstance(mark, (str, os.PathLike)) or Path(mark).suffix.lower() not in _VIDEO_TYPES:
            raise ValueError(
                f"A Video watermark must be a PNG or JPEG file path ({', '.join(_VIDEO_TYPES)}); got {mark!r}."
            )
        require_ffmpeg("gr.Video(watermark=...)")
    return options


def _picture(mark: Any) -> PILImage.Image:
    if isinstance(mark, PILImage.Image):
        return mark
    if isinstance(mark, np.ndarray):
        return image_from_array(mark)
    return decode_image(mark)


def _corner(options: WatermarkOptions, size: tuple[int, int], mark: tuple[int, int], margin: int) -> tuple[int, int]:
    (width, height), (mark_w, mark_h) = size, mark
    position = options.position
    if not isinstance(position, str):
        return position
    x = margin if position.endswith("left") else width - mark_w - margin
    y = margin if position.startswith("top") else height - mark_h - margin
    return x, y


def add_watermark(image: PILImage.Image, options: WatermarkOptions | None) -> PILImage.Image:
    """The image with the watermark pasted over it (10 pixels from the corner; a position that does not fit
    falls back to the bottom right), in the image's own mode, as Gradio does."""
    if options is None or options.watermark is None:
        return image
    mark = _picture(options.watermark).convert("RGBA")
    x, y = _corner(options, image.size, mark.size, 10)
    if x < 0 or y < 0 or x + mark.width > image.width or y + mark.height > image.height:
        x, y = image.width - mark.width - 10, image.height - mark.height - 10
    marked = image.convert("RGBA")
    marked.paste(mark, (x, y), mask=mark)
    return marked.convert(image.mode)


def watermark_video(video: MediaFile, options: WatermarkOptions) -> MediaFile:
    """The video re-encoded with the watermark laid over it (5 pixels from the corner), as Gradio's ffmpeg call."""
    if options.watermark is None:
        return video
    x, y = _corner(options, (0, 0), (0, 0), 5)
    if isinstance(options.position, str):  # ffmpeg's own expressions: W, H the video's size, w, h the mark's
        x = "5" if options.position.endswith("left") else "W-w-5"  # type: ignore[assignment]
        y = "5" if options.position.startswith("top") else "H-h-5"  # type: ignore[assignment]
    with tempfile.TemporaryDirectory(prefix="stface-watermark-") as work:
        suffix = Path(video.name).suffix or ".mp4"
        source, output = Path(work) / f"in{suffix}", Path(work) / f"out{suffix}"
        source.write_bytes(video.data)
        mark = options.watermark
        if not isinstance(mark, (str, os.PathLike)):
            mark = Path(work) / "mark.png"
            mark.write_bytes(encode_png(_picture(options.watermark)))
        run_ffmpeg(["-y", "-i", str(source), "-i", str(mark), "-filter_complex", f"overlay={x}:{y}", str(output)],
                   feature="gr.Video(watermark=...)")  # fmt: skip
        return MediaFile(f"{Path(video.name).stem}_watermarked{suffix}", output.read_bytes())
