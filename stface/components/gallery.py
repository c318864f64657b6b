"""Gallery: a grid of images (and videos) with captions out; several uploads in (Gradio 4+)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
from PIL import Image as PILImage
from PIL import ImageOps

from stface._kwargs import warn_compatibility
from stface.components._codecs import IMAGE_TYPES, MediaFile, decode_image, encode_png
from stface.components._media import MediaComponent
from stface.components.files import VIDEO_TYPES
from stface.errors import Error
from stface.paths import save_bytes, servable_path

__all__ = ["Gallery", "GalleryItem", "thumbnail"]

_TYPES = ("numpy", "pil", "filepath")
_OBJECT_FITS = ("contain", "cover", "fill", "none", "scale-down")
#: The largest side of a thumbnail drawn with ``object_fit``.
THUMBNAIL_PX = 512


@dataclass(frozen=True)
class GalleryItem:
    """One picture of a gallery as shown: a PIL image, a video or SVG file, or an http(s) URL."""

    media: PILImage.Image | MediaFile | str
    caption: str | None = None

    @property
    def is_video(self) -> bool:
        return isinstance(self.media, MediaFile) and _extension(self.media.name) in VIDEO_TYPES

    @property
    def is_url(self) -> bool:
        return isinstance(self.media, str)


def _extension(name: Any) -> str:
    return Path(str(name)).suffix.lstrip(".").lower()


def _is_url(value: Any) -> bool:
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def _column_count(given: Any) -> int:
    columns = given[-1] if isinstance(given, (tuple, list)) and given else given
    if columns is None or (isinstance(columns, (tuple, list)) and not columns):
        return 2
    if isinstance(columns, bool) or not isinstance(columns, (int, np.integer)) or columns < 1:
        raise ValueError(f"Gallery columns must be a positive whole number (or a tuple of them); got {given!r}.")
    return int(columns)


def _split(value: Any) -> tuple[Any, str | None]:
    """An item, ``(item, caption)`` or ``{"image"|"video": item, "caption": ...}`` -> (item, caption)."""
    if isinstance(value, dict):
        media = value.get("image", value.get("video"))
        caption = value.get("caption")
    elif isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise Error(f"A Gallery item given as a tuple must be (image, caption); got {len(value)} elements.")
        media, caption = value
    else:
        media, caption = value, None
    return media, None if caption is None else str(caption)


class Gallery(MediaComponent[Any]):
    """A grid of images with captions (output), or several image uploads (input, Gradio 4+).

    fn may return a list of images: numpy arrays, PIL images, file paths or
    http(s) URLs, each alone or as an ``(image, caption)`` pair; video files
    are played. As an input fn gets a list of ``(image, caption)`` pairs, the
    image a path (``type="filepath"``, Gradio's default), a PIL image or a numpy
    array, and ``None`` when nothing was uploaded.

    Args:
        columns: images per row (Gradio 3's per-screen-size tuple: the widest screen's value).
        rows: rows in view; with ``height`` the grid scrolls.
        height: the grid's height in pixels (it scrolls when the images need more).
        object_fit: ``"contain"``, ``"cover"``, ``"fill"``, ``"none"`` or ``"scale-down"``:
            draw square thumbnails fitted that way (CSS's meaning); the image as it is when ``None``.
        allow_preview: with ``selected_index`` (or ``preview=True``), show that image large above the grid.
        selected_index: the image shown large at the start.
        type: what fn receives for each image: ``"filepath"``, ``"pil"`` or ``"numpy"``.
        file_types: accepted uploads (``["image", ".mp4"]``); images and videos when ``None``.

    Example:
        >>> import numpy as np, stface as gr
        >>> items = gr.Gallery().postprocess([(np.zeros((4, 6, 3), np.uint8), "black"), np.ones((2, 2, 3))])
        >>> [(item.media.size, item.caption) for item in items]
        [((6, 4), 'black'), ((2, 2), None)]
    """

    empty_message = "No images for '{label}': upload one or more, then press Submit."
    gradio_ignored = frozenset({"format", "show_share_button", "show_download_button", "buttons", "fit_columns",
                                "sources", "show_fullscreen_button", "every", "inputs"})  # fmt: skip
    multiple_files = True

    def __init__(
        self,
        value: Any = None,
        *,
        columns: int | tuple | list | None = 2,
        rows: int | tuple | list | None = None,
        height: int | float | str | None = None,
        allow_preview: bool = True,
        preview: bool | None = None,
        selected_index: int | None = None,
        object_fit: Literal["contain", "cover", "fill", "none", "scale-down"] | None = None,
        type: Literal["numpy", "pil", "filepath"] = "filepath",
        file_types: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        if type not in _TYPES:
            raise ValueError(f"Gallery type must be one of {', '.join(map(repr, _TYPES))}; got {type!r}.")
        if object_fit is not None and object_fit not in _OBJECT_FITS:
            raise ValueError(f"Gallery object_fit must be one of {', '.join(map(repr, _OBJECT_FITS))} or None; "
                             f"got {object_fit!r}.")  # fmt: skip
        if file_types is not None and not isinstance(file_types, (list, tuple)):
            raise ValueError(f"Gallery file_types must be a list, e.g. ['image', '.mp4']; got {file_types!r}.")
        self.type = type
        self.columns = columns
        self.rows = rows
        self.height = height
        self.allow_preview = allow_preview
        self.preview = preview
        self.selected_index = selected_index
        self.object_fit = object_fit
        self.file_types = list(file_types) if file_types is not None else None
        self.upload_types = (
            [t.lstrip(".").lower() for t in self.file_types] if self.file_types else IMAGE_TYPES + VIDEO_TYPES
        )
        _column_count(columns)  # a bad value fails here, not when drawn

    # -- layout ----------------------------------------------------------------

    @property
    def column_count(self) -> int:
        """Images per row: ``columns``, or the last (widest screen's) entry of Gradio 3's tuple."""
        return _column_count(self.columns)

    @property
    def height_px(self) -> int | None:
        """``height`` in pixels (``300``, ``"300px"``); ``None`` for ``"auto"`` and other CSS sizes."""
        height = self.height
        if isinstance(height, str) and height.strip().lower().endswith("px"):
            height = height.strip()[:-2]
        try:
            pixels = int(float(height)) if height is not None and not isinstance(height, bool) else None
        except ValueError:
            return None
        return pixels if pixels and pixels > 0 else None

    @property
    def start_index(self) -> int | None:
        """The image shown large at the start, or ``None``."""
        if not self.allow_preview:
            return None
        if self.selected_index is not None:
            return int(self.selected_index)
        return 0 if self.preview else None

    def style(self, *args: Any, grid: Any = None, columns: Any = None, rows: Any = None, height: Any = None,
              preview: Any = None, object_fit: Any = None, **kwargs: Any) -> Gallery:  # fmt: skip
        """Gradio 3's retired ``.style(...)``: its layout options still apply, as in Gradio 3.50, with a warning.

        Example:
            >>> import warnings, stface as gr
            >>> with warnings.catch_warnings():
            ...     warnings.simplefilter("ignore")
            ...     gr.Gallery().style(grid=[3], height="auto").column_count
            3
        """
        warn_compatibility(
            "Gallery.style() was retired in Gradio 3.50; stface applies its grid/columns/rows/height/preview/"
            "object_fit as Gradio 3.50 did. Set them in the Gallery(...) constructor instead."
        )
        for name, given in (("columns", grid), ("columns", columns), ("rows", rows), ("height", height),
                            ("preview", preview), ("object_fit", object_fit)):  # fmt: skip
            if given is not None:
                setattr(self, name, given)
        return self

    # -- conversions -----------------------------------------------------------

    def _media(self, media: Any, *, output: bool) -> PILImage.Image | MediaFile | str:
        if isinstance(media, np.ndarray):
            return decode_image(media)
        if isinstance(media, PILImage.Image):
            return media
        if _is_url(media):
            return media
        if isinstance(media, MediaFile):
            return media if _extension(media.name) in VIDEO_TYPES + ["svg"] else decode_image(media)
        if isinstance(media, (bytes, bytearray)):
            return decode_image(bytes(media))
        if isinstance(media, (str, os.PathLike)):
            path = servable_path(media) if output else Path(media)
            if _extension(path) in VIDEO_TYPES + ["svg"]:
                if not path.is_file():
                    raise Error(f"'{path.name}' is not an existing file.")
                return MediaFile(path.name, path.read_bytes())
            return decode_image(path)
        raise Error(f"A Gallery item must be a numpy array, a PIL image, a file path or an http(s) URL "
                    f"(alone or as (image, caption)); got {type(media).__name__}.")  # fmt: skip

    def items(self, value: Any, *, output: bool = False) -> list[GalleryItem]:
        """A list of images or ``(image, caption)`` pairs -> :class:`GalleryItem` s to draw."""
        if value is None:
            return []
        if isinstance(value, (str, bytes, np.ndarray, PILImage.Image, MediaFile, dict)) or not hasattr(
            value, "__iter__"
        ):
            raise Error(f"Gallery '{self.display_label}' takes a list of images or (image, caption) pairs; "
                        f"got {type(value).__name__}. Wrap a single image in a list.")  # fmt: skip
        made = []
        for entry in value:
            if isinstance(entry, GalleryItem):
                made.append(entry)
                continue
            media, caption = _split(entry)
            made.append(GalleryItem(self._media(media, output=output), caption))
        return made

    def postprocess(self, value: Any) -> list[GalleryItem]:
        """Images, paths, URLs or ``(image, caption)`` pairs -> the items to show (``None`` shows none)."""
        return self.items(value, output=True)

    def _check_type(self, name: str) -> None:
        if not self.file_types:
            return
        extension = _extension(name)
        kind = "image" if extension in IMAGE_TYPES + ["svg"] else "video" if extension in VIDEO_TYPES else None
        allowed = {t.lstrip(".").lower() for t in self.file_types}
        if extension not in allowed and kind not in allowed:
            raise Error(f"Invalid file type '{Path(name).name}' for Gallery '{self.display_label}'. "
                        f"Upload one of these: {', '.join(self.file_types)}.")  # fmt: skip

    def _argument(self, media: Any) -> Any:
        """One upload or value -> what fn gets for it (a video or URL is always a path)."""
        if isinstance(media, MediaFile):
            self._check_type(media.name)
            if _extension(media.name) in VIDEO_TYPES + ["svg"]:
                return save_bytes(media.data, media.name)
        elif isinstance(media, (str, os.PathLike)) and not _is_url(media):
            self._check_type(os.fspath(media))
            if not Path(media).is_file():
                raise Error(f"'{Path(media).name}' is not an existing file.")
            if self.type == "filepath" or _extension(media) in VIDEO_TYPES + ["svg"]:
                return os.fspath(media)
        elif _is_url(media):
            return media
        image = decode_image(media)
        if self.type == "pil":
            return image
        if self.type == "numpy":
            return np.array(image)
        if isinstance(media, MediaFile):
            return save_bytes(media.data, media.name)
        return save_bytes(encode_png(image), "image.png")

    def preprocess(self, payload: Any) -> list[tuple[Any, str | None]] | None:
        """Uploads or values -> ``[(image, caption), ...]`` (``None`` when empty), as Gradio 4+ passes them."""
        if payload is None:
            return None
        if isinstance(payload, (MediaFile, str, np.ndarray, PILImage.Image)):
            payload = [payload]
        entries = [_split(entry) for entry in payload]
        if not entries:
            return None
        return [(self._argument(media), caption) for media, caption in entries]

    def as_python(self, payload: Any) -> list[tuple[str, str | None]] | None:
        """``[(path, caption), ...]``: images saved as PNG files, URLs kept (an input's uploads too, for flagging)."""
        if payload is None:
            return None
        if isinstance(payload, (MediaFile, str, np.ndarray, PILImage.Image)):
            payload = [payload]
        made = []
        for item in self.items(payload):
            if isinstance(item.media, MediaFile):
                made.append((save_bytes(item.media.data, item.media.name), item.caption))
            elif isinstance(item.media, str):
                made.append((item.media, item.caption))
            else:
                made.append((save_bytes(encode_png(item.media), "image.png"), item.caption))
        return made


def thumbnail(image: PILImage.Image, object_fit: str | None, size: int = THUMBNAIL_PX) -> PILImage.Image:
    """A square thumbnail fitted as CSS's ``object-fit`` fits an image in a square cell.

    Example:
        >>> from PIL import Image
        >>> thumbnail(Image.new("RGB", (40, 20)), "cover", 16).size
        (16, 16)
        >>> thumbnail(Image.new("RGB", (40, 20)), None).size
        (40, 20)
    """
    if object_fit is None:
        return image
    side = max(1, min(max(image.size), size))
    if object_fit == "cover":
        return ImageOps.fit(image, (side, side))
    if object_fit == "fill":
        return image.resize((side, side))
    picture = image.convert("RGBA")
    if object_fit == "contain" or (object_fit == "scale-down" and max(image.size) > side):
        return ImageOps.pad(picture, (side, side), color=(0, 0, 0, 0))
    # "none" (natural size, centred and cut to the cell) or "scale-down" of a small image
    cell = PILImage.new("RGBA", (side, side), (0, 0, 0, 0))
    cell.paste(picture, ((side - picture.width) // 2, (side - picture.height) // 2))
    return cell
