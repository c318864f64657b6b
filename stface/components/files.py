"""Video and File: media kept as files, passed to fn as paths."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from stface.components._codecs import MediaFile
from stface.components._media import MediaComponent
from stface.errors import Error
from stface.paths import save_bytes, servable_path
from stface.watermark import watermark_options, watermark_video

__all__ = ["File", "Files", "NamedString", "PlayableVideo", "Video", "as_file"]

VIDEO_TYPES = ["mp4", "webm", "ogg", "ogv", "mov", "mkv", "avi", "m4v"]


class NamedString(str):
    """A path that also has ``.name`` (Gradio 3's file objects had one)."""

    @property
    def name(self) -> str:  # type: ignore[override]
        return str(self)


def as_file(value: Any, *, output: bool = False) -> MediaFile:
    """bytes, MediaFile or a path -> MediaFile; an output's path must be servable."""
    if isinstance(value, MediaFile):
        return value
    if isinstance(value, (bytes, bytearray)):
        return MediaFile("file", bytes(value))
    if isinstance(value, (str, os.PathLike)):
        path = servable_path(value) if output else Path(value)
        if not path.is_file():
            raise Error(f"'{path.name}' is not an existing file.")
        return MediaFile(path.name, path.read_bytes())
    raise Error(f"Expected a file (path or bytes); got {type(value).__name__}.")


def _stored_path(value: Any) -> str:
    """Save an uploaded file in stface's temp dir; a path from the app's code is used as is."""
    if isinstance(value, (str, os.PathLike)):
        if not Path(value).is_file():
            raise Error(f"'{Path(value).name}' is not an existing file.")
        return str(value)
    file = as_file(value)
    return save_bytes(file.data, file.name)


class Video(MediaComponent[Any]):
    """A video in (upload) and out (a player). fn receives and returns file paths.

    Args:
        watermark: an output's watermark, laid over the video with ffmpeg: a ``gr.WatermarkOptions``,
            or a PNG / JPEG path put 5 pixels from the bottom-right corner (Gradio 5-6).

    Example:
        >>> import stface as gr
        >>> gr.Video().preprocess(None) is None
        True
    """

    upload_types = VIDEO_TYPES
    empty_message = "No video for '{label}': upload one, then press Submit."
    gradio_ignored = frozenset({"format", "source", "sources", "autoplay", "include_audio", "mirror_webcam",
                                "show_share_button", "show_download_button", "min_length", "max_length", "loop",
                                "streaming", "webcam_options", "webcam_constraints"})  # fmt: skip

    def __init__(self, value: Any = None, *, watermark: Any = None, **kwargs: Any) -> None:
        super().__init__(value, **kwargs)
        self.watermark = watermark_options(watermark, video=True)

    def preprocess(self, payload: Any) -> str | None:
        """Upload or path -> path of the video file."""
        return None if payload is None else NamedString(_stored_path(payload))

    def postprocess(self, value: Any) -> MediaFile | None:
        """Path or bytes -> the file to play."""
        if value is None:
            return None
        if isinstance(value, (tuple, list)) and value:
            value = value[0]  # Gradio allows (video, subtitles)
        return watermark_video(as_file(value, output=True), self.watermark)

    def as_python(self, payload: MediaFile | None) -> str | None:
        return None if payload is None else save_bytes(payload.data, payload.name)


class PlayableVideo(Video):
    """A Video output meant for the browser (Gradio's ``"playable_video"``).

    Example:
        >>> import stface as gr
        >>> isinstance(gr.components.files.PlayableVideo(), gr.Video)
        True
    """


class File(MediaComponent[Any]):
    """One file or several, in (upload) and out (download buttons).

    Args:
        file_count: ``"single"`` or ``"multiple"`` (``"directory"`` is treated as multiple).
        file_types: accepted extensions (``[".pdf", "csv"]``); any when ``None``.
        type: what fn receives: ``"filepath"`` (Gradio 4; also ``"file"``, Gradio 3,
            a path with ``.name``) or ``"binary"`` / ``"bytes"`` (the contents).

    Uploaded files are written to stface's own temp folder under a fresh
    folder each, keeping only a cleaned-up base name.

    Example:
        >>> import stface as gr
        >>> gr.File(type="binary").preprocess(b"abc")
        b'abc'
    """

    gradio_ignored = frozenset({"height", "file_size"})
    empty_message = "No file for '{label}': upload one, then press Submit."

    def __init__(
        self,
        value: Any = None,
        *,
        file_count: Literal["single", "multiple", "directory"] = "single",
        file_types: list[str] | None = None,
        type: Literal["filepath", "file", "binary", "bytes"] = "filepath",
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        if file_count not in ("single", "multiple", "directory"):
            raise ValueError(f"file_count must be 'single', 'multiple' or 'directory'; got {file_count!r}.")
        if type not in ("filepath", "file", "binary", "bytes"):
            raise ValueError(f"File type must be 'filepath', 'file', 'binary' or 'bytes'; got {type!r}.")
        self.file_count = file_count
        self.multiple_files = file_count != "single"
        self.file_types = file_types
        self.upload_types = [t.lstrip(".").lower() for t in file_types or [] if not t.endswith("/*")]
        self.type = type

    def _one(self, value: Any) -> Any:
        if self.type in ("binary", "bytes"):
            return as_file(value).data
        return NamedString(_stored_path(value))

    def preprocess(self, payload: Any) -> Any:
        """Upload(s) or path(s) -> path(s) (with ``.name``), or bytes."""
        if payload is None:
            return None
        if self.multiple_files:
            items = payload if isinstance(payload, (list, tuple)) else [payload]
            return [self._one(item) for item in items]
        if isinstance(payload, (list, tuple)):
            payload = payload[0] if payload else None
        return None if payload is None else self._one(payload)

    def postprocess(self, value: Any) -> list[MediaFile] | None:
        """Path(s) or bytes -> files to offer for download."""
        if value is None:
            return None
        items = value if isinstance(value, (list, tuple)) else [value]
        return [as_file(item, output=True) for item in items]

    def as_python(self, payload: list[MediaFile] | None) -> Any:
        if payload is None:
            return None
        paths = [save_bytes(f.data, f.name) for f in payload]
        return paths if self.multiple_files or len(paths) > 1 else paths[0]


class Files(File):
    """A File with ``file_count="multiple"`` (Gradio's ``"files"`` shortcut).

    Example:
        >>> import stface as gr
        >>> gr.components.files.Files().multiple_files
        True
    """

    def __init__(self, value: Any = None, *, file_count: Literal["single", "multiple", "directory"] = "multiple", **kwargs: Any):
        super().__init__(value, file_count=file_count, **kwargs)
