"""``POST /gradio_api/upload``: multipart files, each under the size limit, stored for their caller.

Gradio's form: one or more ``files`` parts; the answer is the list of the
stored files' handles (Gradio answers server paths; gradio_client sends back
whatever it gets). A file over the limit (``launch(max_file_size=...)``,
else Streamlit's 200 MB) stops the upload with 413 and nothing is kept.
Uploaded names never decide where anything is written.
"""

from __future__ import annotations

import shutil
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request

from stface.api.files import FileStore

__all__ = ["UploadRefused", "receive_uploads"]

MAX_FILES = 100


class UploadRefused(Exception):
    """An upload that was not stored: ``status`` (400 or 413) and a message for the caller."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.3g} MB" if size >= 1024 * 1024 else f"{size} bytes"


class _LimitedParser(MultiPartParser):
    """Starlette's parser, stopping as soon as one file passes ``limit`` bytes."""

    def __init__(self, request: Request, limit: int) -> None:
        super().__init__(request.headers, request.stream(), max_files=MAX_FILES, max_fields=MAX_FILES)
        self.limit, self._size = limit, 0

    def on_part_begin(self) -> None:
        super().on_part_begin()
        self._size = 0

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._current_part.file is not None:
            self._size += end - start
            if self._size > self.limit:
                raise MultiPartException(f"File size exceeded the maximum allowed size of {_mb(self.limit)}.")
        super().on_part_data(data, start, end)


async def receive_uploads(request: Request, files: FileStore, owner: str | None, limit: int) -> list[str]:
    """Store every file of a multipart upload; returns their handles (``UploadRefused`` on a bad upload)."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise UploadRefused(400, "Send the files as multipart/form-data, each in a part named 'files'.")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit * MAX_FILES + 1024 * 1024:
        raise UploadRefused(413, f"The upload is larger than the maximum allowed size of {_mb(limit)} per file.")
    try:
        form = await _LimitedParser(request, limit).parse()
    except MultiPartException as exc:
        status = 413 if "size exceeded" in exc.message else 400
        raise UploadRefused(status, exc.message) from None
    handles: list[str] = []
    try:
        uploads = [value for _, value in form.multi_items() if isinstance(value, UploadFile)]
        if not uploads:
            raise UploadRefused(400, "The upload holds no file; send each file in a part named 'files'.")
        for upload in uploads:
            handles.append(await run_in_threadpool(_store, upload, files, owner))
    finally:
        await form.close()
    return handles


def _store(upload: UploadFile, files: FileStore, owner: str | None) -> str:
    target = files.new_upload_path(owner, upload.filename)
    upload.file.seek(0)
    with open(target, "wb") as out:
        shutil.copyfileobj(upload.file, out, 1024 * 1024)
    return files.add_upload(target, owner)


def upload_limit(options: Any, default: int) -> int:
    """The per-file limit: ``launch(max_file_size=...)`` in bytes, else ``default``."""
    size = getattr(options, "max_file_bytes", None)
    return int(size) if size else default
