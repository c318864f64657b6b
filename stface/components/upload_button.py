"""UploadButton: a button that uploads one file or several; fn gets what gr.File gives."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any, Literal

from stface.components.files import File
from stface.errors import Error

__all__ = ["UploadButton"]

_TYPES = ("filepath", "binary", "file", "bytes")
#: Gradio's file categories, and the extensions stface counts as each (for values given in code).
_CATEGORIES = {
    "image": {"png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "svg", "ico", "avif", "heic"},
    "video": {"mp4", "webm", "ogg", "ogv", "mov", "mkv", "avi", "m4v"},
    "audio": {"wav", "mp3", "flac", "ogg", "oga", "m4a", "aac", "opus"},
    "text": {"txt", "csv", "tsv", "md", "json", "html", "xml", "log"},
}


class UploadButton(File):
    """A button that uploads files (an input): fn gets paths, or bytes with ``type="binary"``.

    As in Gradio the label comes first: ``gr.UploadButton("Upload a CSV", file_types=[".csv"])``.
    fn gets what ``gr.File`` gives: a path (with ``.name``) or a list of them
    for ``file_count="multiple"`` / ``"directory"``; the contents with
    ``type="binary"`` (Gradio 6) or ``"bytes"`` (Gradio 3.50, whose ``"file"``
    is the path).

    Example:
        >>> import stface as gr
        >>> button = gr.UploadButton("Upload data", file_count="multiple", type="binary")
        >>> button.label, button.preprocess([b"a", b"b"])
        ('Upload data', [b'a', b'b'])
    """

    gradio_ignored = File.gradio_ignored | {"variant", "size", "icon", "every", "inputs"}
    empty_message = "No file for '{label}': upload one with the button, then press Submit."

    def __init__(
        self,
        label: str | None = "Upload a File",
        value: Any = None,
        *,
        type: Literal["filepath", "binary", "file", "bytes"] = "filepath",
        file_count: Literal["single", "multiple", "directory"] = "single",
        file_types: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        if type not in _TYPES:
            raise ValueError(f"UploadButton type must be 'filepath' or 'binary' (Gradio 3.50: 'file' or 'bytes'); "
                             f"got {type!r}.")  # fmt: skip
        if file_types is not None and not isinstance(file_types, list):
            raise ValueError(f"UploadButton file_types must be a list, e.g. ['.csv', 'image']; got {file_types!r}.")
        if file_count == "directory" and file_types is not None:
            warnings.warn("The `file_types` parameter is ignored when `file_count` is 'directory'.", stacklevel=2)
            file_types = None
        super().__init__(value, label=label, type=type, file_count=file_count, file_types=file_types, **kwargs)

    def _one(self, value: Any) -> Any:
        name = getattr(value, "name", value if isinstance(value, (str, Path)) else None)
        if self.file_types and name is not None and not _allowed(str(name), self.file_types):
            raise Error(f"Invalid file type '{Path(str(name)).name}' for '{self.display_label}'. "
                        f"Upload one of these: {', '.join(self.file_types)}.")  # fmt: skip
        return super()._one(value)


def _allowed(name: str, file_types: list[str]) -> bool:
    extension = Path(name).suffix.lstrip(".").lower()
    for wanted in file_types:
        wanted = wanted.lower()
        if wanted.lstrip(".") == extension or extension in _CATEGORIES.get(wanted.removesuffix("/*"), ()):
            return True
    return False
