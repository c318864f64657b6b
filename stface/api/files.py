"""Files through the API: uploads, files handed out, and the file references a request may hold.

Gradio's API routes were the door for most of its file advisories (a
``{"path": "/etc/passwd"}`` handed to an Image input, ``..`` in ``file=``
URLs, URLs fetched on a caller's behalf). stface names every file it lets
through the API by an opaque, unguessable handle, ``<token>/<name>``:

* an **upload** (``POST /gradio_api/upload``) is written under stface's temp
  folder with a cleaned-up name, owned by the caller's API session (a cookie;
  ``None`` for a caller without cookies, such as curl);
* a file **handed out** (an output) is one the file policy let fn return; its
  URL is ``<root>/gradio_api/file=<token>/<name>``.

A file reference in a request (a FileData dict, or one of those URLs) is
accepted only when it names such a handle: an upload of the same caller, or
a file this server handed out. A bare path, a ``..``, a symlink swapped in
later or any other URL is refused with a clear message, and nothing is ever
fetched from the network. An idle caller's files go after ``IDLE_S`` seconds.

Example:
    >>> from pathlib import Path
    >>> from stface.paths import save_bytes
    >>> store = FileStore()
    >>> handle = store.hand_out(save_bytes(b"hi", "note.txt"))
    >>> handle.endswith("/note.txt"), Path(store.input_path({"path": handle}, owner=None)).read_bytes()
    (True, b'hi')
    >>> store.input_path({"path": "/etc/passwd"}, owner=None)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    stface.api.files.FileRefused: The file reference '/etc/passwd' was refused: ...
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
import urllib.parse
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stface.errors import Error
from stface.paths import FilePolicy, safe_filename
from stface.tempfiles import owned_by, process_dir

__all__ = ["DEFAULT_MAX_UPLOAD", "FileRefused", "FileStore", "IDLE_S", "is_file_data", "store"]

#: Streamlit's default ``server.maxUploadSize`` (200 MB), the limit when ``max_file_size`` is not set.
DEFAULT_MAX_UPLOAD = 200 * 1024 * 1024
#: An API caller's files go once the caller has been idle this long.
IDLE_S = 3600.0
#: Files kept per caller (the oldest go first), and handles remembered in all.
KEEP_PER_CALLER = 256
MAX_HANDLES = 50_000
FILE_ROUTE = "/gradio_api/file="
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
#: Types a browser may show in place; anything else downloads (no uploaded HTML/SVG runs on the app's origin).
INLINE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/avif",
                          "audio/wav", "audio/x-wav", "audio/mpeg", "audio/ogg", "audio/flac", "audio/webm",
                          "video/mp4", "video/webm", "video/ogg", "text/plain", "application/pdf"})  # fmt: skip


class FileRefused(Error):
    """A file reference the API does not accept; the message says why and what to send instead."""


def is_file_data(value: Any) -> bool:
    """True for a Gradio FileData dict (``{"path": ..., "meta": {"_type": "gradio.FileData"}}``, or just a path)."""
    return isinstance(value, dict) and isinstance(value.get("path") or value.get("url"), str) and (
        set(value) <= {"path", "url", "size", "orig_name", "mime_type", "is_stream", "meta"}
    )  # fmt: skip


@dataclass
class _Handle:
    path: Path  # resolved, a regular file
    name: str  # the handle's name part (quoted)
    owner: str | None  # the caller whose upload it is (None: anyone holding the handle)
    upload: bool


@dataclass
class _Caller:
    last_seen: float = field(default_factory=time.monotonic)
    handles: list[str] = field(default_factory=list)


class FileStore:
    """The files the API knows: uploads per caller, files handed out, and the caller folders they live in."""

    def __init__(self, idle_s: float = IDLE_S) -> None:
        self.idle_s = idle_s
        self._handles: OrderedDict[str, _Handle] = OrderedDict()
        self._callers: dict[str, _Caller] = {}
        self._lock = threading.Lock()
        self._last_sweep = time.monotonic()

    # -- callers ---------------------------------------------------------------

    @staticmethod
    def caller_key(owner: str | None) -> str:
        """The folder name of a caller (a hash of its session cookie, never the cookie)."""
        return "anon" if not owner else hashlib.sha256(owner.encode()).hexdigest()[:32]

    def caller_folder(self, owner: str | None) -> Path:
        return process_dir() / "api" / self.caller_key(owner)

    @contextlib.contextmanager
    def writing_for(self, owner: str | None) -> Iterator[Path]:
        """Files stface writes inside the block (fn's converted outputs) belong to this caller."""
        self.touch(owner)
        with owned_by(f"api/{self.caller_key(owner)}"):
            yield self.caller_folder(owner)

    def touch(self, owner: str | None) -> None:
        with self._lock:
            self._callers.setdefault(self.caller_key(owner), _Caller()).last_seen = time.monotonic()
        self.sweep()

    # -- uploads and handles -------------------------------------------------------

    def new_upload_path(self, owner: str | None, name: str | None) -> Path:
        """Where one uploaded file goes: a fresh folder of the caller's, and a harmless name."""
        folder = self.caller_folder(owner)
        folder.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(dir=folder)) / safe_filename(name)

    def add_upload(self, path: str | os.PathLike, owner: str | None) -> str:
        """Register a file just written by an upload; returns its handle."""
        return self._register(Path(path), owner, upload=True)

    def hand_out(self, path: str | os.PathLike, owner: str | None = None, policy: FilePolicy | None = None) -> str:
        """Register a file an output names (checked against ``policy`` first); returns its handle."""
        checked = (policy or FilePolicy()).check(path)
        return self._register(checked, owner, upload=False)

    def _register(self, path: Path, owner: str | None, *, upload: bool) -> str:
        resolved = Path(os.path.realpath(path))
        if not resolved.is_file():
            raise FileRefused(f"'{path.name}' is not a file.")
        token = secrets.token_urlsafe(24)
        name = urllib.parse.quote(safe_filename(resolved.name), safe="")
        handle = f"{token}/{name}"
        key = self.caller_key(owner)
        with self._lock:
            self._handles[token] = _Handle(resolved, name, owner if upload else None, upload)
            caller = self._callers.setdefault(key, _Caller())
            caller.last_seen = time.monotonic()
            caller.handles.append(token)
            while len(caller.handles) > KEEP_PER_CALLER:
                self._forget(caller.handles.pop(0), remove=True)
            while len(self._handles) > MAX_HANDLES:
                self._forget(next(iter(self._handles)), remove=False)
        return handle

    def _forget(self, token: str, *, remove: bool) -> None:
        entry = self._handles.pop(token, None)
        if entry is not None and remove and entry.path.is_relative_to(process_dir() / "api"):
            shutil.rmtree(entry.path.parent, ignore_errors=True)

    def url(self, handle: str, root: str) -> str:
        """The URL a handle is downloaded from (``root`` is the app's URL, without a trailing slash)."""
        return f"{root.rstrip('/')}{FILE_ROUTE}{handle}"

    # -- references in requests ----------------------------------------------------------

    def input_path(self, reference: Any, owner: str | None, root: str | None = None) -> str:
        """The local path of a FileData (or URL) a request names; ``FileRefused`` unless it is one of ours."""
        data = reference if isinstance(reference, dict) else {"path": reference}
        candidates = [data.get("path"), data.get("url")]
        shown = next((c for c in candidates if isinstance(c, str) and c), repr(reference))
        for candidate in candidates:
            if not isinstance(candidate, str):
                continue
            token = self._token_of(candidate, root)
            if token is None:
                continue
            path = self._usable(token, owner)
            if path is not None:
                return str(path)
        raise FileRefused(
            f"The file reference '{shown[:200]}' was refused: the API takes only files uploaded to "
            "/gradio_api/upload by this caller or files this server returned (gradio_client's "
            "handle_file(path) uploads a local file); paths and URLs are never read or fetched."
        )

    def _token_of(self, text: str, root: str | None) -> str | None:
        if text.startswith(("http://", "https://")):
            if root is None:
                return None
            parsed, ours = urllib.parse.urlsplit(text), urllib.parse.urlsplit(root)
            prefix = ours.path.rstrip("/") + FILE_ROUTE
            if (parsed.scheme, parsed.netloc) != (ours.scheme, ours.netloc) or not parsed.path.startswith(prefix):
                return None
            text = urllib.parse.unquote(parsed.path[len(prefix) :])
        token, slash, _ = text.partition("/")
        return token if slash and _TOKEN.match(token) else None

    def _usable(self, token: str, owner: str | None, name: str | None = None) -> Path | None:
        with self._lock:
            entry = self._handles.get(token)
        if entry is None or (entry.upload and entry.owner is not None and entry.owner != owner):
            return None
        if name is not None and urllib.parse.unquote(name) != urllib.parse.unquote(entry.name):
            return None
        if Path(os.path.realpath(entry.path)) != entry.path or not entry.path.is_file():
            return None  # removed, or a symlink swapped in since
        self.touch(owner)
        return entry.path

    def download(self, handle: str, owner: str | None) -> tuple[Path, str] | None:
        """(file, its name) for ``GET file=<handle>``; None unless the handle is one we gave (this caller's, for uploads)."""
        token, slash, name = handle.partition("/")
        if not slash or not _TOKEN.match(token):
            return None
        path = self._usable(token, owner, name)
        return None if path is None else (path, urllib.parse.unquote(name))

    # -- upkeep ------------------------------------------------------------------------

    def sweep(self, now: float | None = None) -> None:
        """Remove the folders of callers idle for ``idle_s`` (at most once a minute)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            if now - self._last_sweep < min(60.0, self.idle_s):
                return
            self._last_sweep = now
            gone = [key for key, caller in self._callers.items() if now - caller.last_seen > self.idle_s]
            for key in gone:
                for token in self._callers.pop(key).handles:
                    self._forget(token, remove=False)
        for key in gone:
            shutil.rmtree(process_dir() / "api" / key, ignore_errors=True)


def media_headers(name: str) -> tuple[str, dict[str, str]]:
    """(content type, headers) to send a file with: only harmless types are shown in place."""
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    quoted = urllib.parse.quote(name)
    headers = {"X-Content-Type-Options": "nosniff", "Cache-Control": "private, max-age=3600"}
    if kind in INLINE_TYPES:
        headers["Content-Disposition"] = f"inline; filename*=utf-8''{quoted}"
        return kind, headers
    headers["Content-Disposition"] = f"attachment; filename*=utf-8''{quoted}"
    return "application/octet-stream", headers


#: The process's store, shared by the HTTP API and MCP.
store = FileStore()
