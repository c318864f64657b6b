"""Where stface writes files, and which files it may serve.

A fn may return a string path for an Image, Audio, Video or File output.
Such a path is only read when it resolves (symlinks followed) to a regular
file inside one of:

* stface's own temporary folder (uploads and converted media live there),
* the system temporary folder, where apps write their outputs,
* the app's folder, except hidden files and folders (``.env``, ``.git/``),
* any ``allowed_paths`` given to ``launch()``;

and never inside ``blocked_paths``, which always win. A hidden file or
folder below any of those roots is refused too. Uploaded file names never
decide where anything is written: each upload gets a fresh folder and a
cleaned-up name.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from stface._context import bound
from stface.errors import Error
from stface.tempfiles import new_folder, process_dir

__all__ = [
    "FilePolicy",
    "policy",
    "safe_filename",
    "save_bytes",
    "servable_path",
    "stface_temp_dir",
    "set_static_paths",
    "using_policy",
]

_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)
_UNSAFE_CHARS = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")


def stface_temp_dir() -> Path:
    """This process's private folder for uploads and converted media (see ``stface.tempfiles``)."""
    return process_dir()


def safe_filename(name: str | None, default: str = "file") -> str:
    """A harmless base name from an uploaded file's name (never a path)."""
    base = re.split(r"[\\/]", str(name or ""))[-1]
    base = _UNSAFE_CHARS.sub("_", base).strip(" .")
    if not base or _WINDOWS_RESERVED.match(base):
        base = f"{default}_{base}" if base else default
    stem, dot, suffix = base.rpartition(".")
    if dot and len(suffix) <= 10:
        return stem[:100] + "." + suffix
    return base[:100]


def save_bytes(data: bytes, name: str | None, default: str = "file") -> str:
    """Write ``data`` to a new folder owned by the current session (or call); return the path."""
    folder = new_folder()
    path = folder / safe_filename(name, default)
    path.write_bytes(data)
    return str(path)


@dataclass(frozen=True)
class FilePolicy:
    """Which paths a fn's output may read. ``app_dir`` defaults to the working directory."""

    allowed: Sequence[str] = ()
    blocked: Sequence[str] = ()
    app_dir: str | None = None

    def roots(self) -> list[Path]:
        app = Path(self.app_dir or os.getcwd())
        roots = [stface_temp_dir(), Path(tempfile.gettempdir()), app, *map(Path, self.allowed), *_static_paths]
        return [_resolve(root) for root in roots]

    def check(self, path: str | os.PathLike) -> Path:
        """The resolved file, or ``stface.Error`` saying why it may not be served."""
        text = os.fspath(path)
        if "\x00" in text:
            raise Error("The function returned a file path containing a NUL byte; it was not served.")
        try:
            expanded = Path(text).expanduser()
        except RuntimeError:  # "~someone" for a user that does not exist
            expanded = Path(text)
        resolved = _resolve(expanded)
        shown = Path(text).name or text
        for blocked in map(_resolve, map(Path, self.blocked)):
            if resolved == blocked or resolved.is_relative_to(blocked):
                raise Error(f"The file '{shown}' is in a blocked folder and was not served.")
        for root in self.roots():
            if resolved == root or not resolved.is_relative_to(root):
                continue
            if any(part.startswith(".") for part in resolved.relative_to(root).parts):
                raise Error(f"The file '{shown}' is hidden (its name or a folder starts with '.'); it was not served.")
            if not resolved.is_file():
                raise Error(f"The function returned '{shown}', which is not an existing file.")
            return resolved
        raise Error(
            f"The function returned the path '{shown}', which is outside the folders stface serves "
            "(the app's folder, the temp folder). Return the data itself, or add its folder to "
            "launch(allowed_paths=[...])."
        )


def _resolve(path: Path) -> Path:
    return Path(os.path.realpath(path))


_static_paths: list[Path] = []


def set_static_paths(paths: str | os.PathLike | Sequence[str | os.PathLike]) -> None:
    """Let every app in this process serve files under ``paths`` (Gradio 5's ``gr.set_static_paths``).

    ``blocked_paths`` still win.

    Example:
        >>> import stface as gr
        >>> gr.set_static_paths(["assets"])
    """
    chosen = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    _static_paths.extend(Path(p).expanduser().resolve() for p in chosen)


_policy: contextvars.ContextVar[FilePolicy] = contextvars.ContextVar("stface_file_policy", default=FilePolicy())


def policy() -> FilePolicy:
    """The policy in force for the current request."""
    return _policy.get()


def using_policy(file_policy: FilePolicy) -> contextlib.AbstractContextManager[FilePolicy]:
    """Serve outputs by ``file_policy`` inside the block (one request)."""
    return bound(_policy, file_policy)


def servable_path(path: str | os.PathLike) -> Path:
    """Check ``path`` against the current policy (see the module docstring)."""
    return policy().check(path)
