"""``gr.FileData`` and ``gr.FileSize``: how Gradio describes a file and counts its size.

``FileData`` is the file record of Gradio's wire format (what ``gradio_client``
sends and receives): a server path plus its URL, size, original name and MIME
type. ``FileSize`` holds byte multiples for ``launch(max_file_size=...)``.

Example:
    >>> import stface as gr
    >>> record = gr.FileData(path="/tmp/cat.png", orig_name="cat.png")
    >>> record.model_dump()["meta"], gr.FileData.is_file_data(record.model_dump())
    ({'_type': 'gradio.FileData'}, True)
    >>> 5 * gr.FileSize.MB
    5242880
"""

from __future__ import annotations

import mimetypes
import os
from dataclasses import asdict, dataclass, field, fields
from typing import Any

__all__ = ["FileData", "FileSize"]


@dataclass
class FileData:
    """A file: ``path`` on the server, ``url``, ``size`` in bytes, ``orig_name``, ``mime_type``, ``is_stream``.

    Example:
        >>> import stface as gr
        >>> gr.FileData(path="/tmp/cat.png").mime_type
        'image/png'
    """

    path: str
    url: str | None = None
    size: int | None = None
    orig_name: str | None = None
    mime_type: str | None = None
    is_stream: bool = False
    meta: dict = field(default_factory=lambda: {"_type": "gradio.FileData"})

    def __post_init__(self) -> None:
        if not isinstance(self.path, (str, os.PathLike)):
            raise TypeError(f"FileData.path must be a file path (str), not {type(self.path).__name__}.")
        self.path = os.fspath(self.path)
        if self.orig_name is None:
            self.orig_name = os.path.basename(self.path) or None
        if self.mime_type is None:
            self.mime_type = mimetypes.guess_type(self.path)[0]

    @property
    def is_none(self) -> bool:
        """True when the record names no file (Gradio's check before using one)."""
        return not self.path and self.url is None

    def model_dump(self) -> dict[str, Any]:
        """The record as Gradio's JSON dict."""
        return asdict(self)

    @classmethod
    def model_validate(cls, data: Any) -> FileData:
        """A FileData from Gradio's dict; unknown keys are a clear error."""
        if isinstance(data, cls):
            return data
        if not isinstance(data, dict) or "path" not in data:
            raise ValueError(f"Not a FileData: expected a dict with a 'path' key, got {type(data).__name__}.")
        known = {f.name for f in fields(cls)}
        extra = sorted(set(data) - known)
        if extra:
            raise ValueError(f"Not a FileData: unknown key(s) {', '.join(extra)}; expected {', '.join(sorted(known))}.")
        return cls(**data)

    @staticmethod
    def is_file_data(obj: Any) -> bool:
        """True for a FileData or its dict form (Gradio tags those with meta ``_type``)."""
        if isinstance(obj, FileData):
            return True
        return isinstance(obj, dict) and "path" in obj and (obj.get("meta") or {}).get("_type") == "gradio.FileData"


class FileSize:
    """Byte multiples, as Gradio counts them (1 KB = 1024 B).

    Example:
        >>> import stface as gr
        >>> gr.FileSize.MB, 2 * gr.FileSize.KB  # launch(max_file_size=5 * gr.FileSize.MB)
        (1048576, 2048)
    """

    B = 1
    KB = 1024 * B
    MB = 1024 * KB
    GB = 1024 * MB
    TB = 1024 * GB
