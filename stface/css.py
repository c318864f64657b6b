"""Custom CSS: ``Interface(css=...)``, a string or a path to a .css file.

Gradio's page has transparent containers, so its apps style ``body`` (and
``.gradio-container``); Streamlit paints ``[data-testid="stApp"]`` over the
body, so those selectors are pointed at it too. ``url('file=x.png')`` is
resolved against the app's folder and inlined as a data URI: only images and
fonts, only inside that folder, never a hidden file; anything else is a
``ValueError`` naming the reference, and no byte of the target is read.
"""

from __future__ import annotations

import base64
import mimetypes
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

__all__ = ["prepare_css"]

_ALLOWED = {
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico", ".svg", ".avif",
    ".woff", ".woff2", ".ttf", ".otf", ".eot",
}  # fmt: skip
_FILE_URL = re.compile(r"""url\(\s*(['"]?)file=([^'")]*)\1\s*\)""", re.IGNORECASE)
_ROOT_TOKEN = re.compile(r"(?<![\w-])(body|html|\.gradio-container)(?![\w-])", re.IGNORECASE)
_SELECTORS = re.compile(r"([^{}]+)\{")
_APP = '[data-testid="stApp"]'
_MAX_INLINE_BYTES = 5 * 1024 * 1024


def prepare_css(css: str | None, app_dir: str | None, paths: Any = None) -> str | None:
    """Read a .css path if given, add ``css_paths`` files after it (Gradio's order), inline ``file=``, retarget roots.

    ``paths`` is one path or a list (Gradio 5+'s ``css_paths``); a relative
    one is found from the app's folder, then from the working directory.
    """
    if css and css.strip().endswith(".css") and "{" not in css and Path(css.strip()).is_file():
        css = Path(css.strip()).read_text(encoding="utf-8")
    for path in [] if paths is None else [paths] if isinstance(paths, (str, os.PathLike)) else list(paths):
        css = (css or "") + "\n" + _css_file(path, app_dir).read_text(encoding="utf-8")
    if not css:
        return None
    folder = Path(os.path.realpath(app_dir or os.getcwd()))
    css = _FILE_URL.sub(lambda match: f"url('{_data_uri(match.group(2), folder)}')", css)
    return _SELECTORS.sub(_retarget, css)


def _css_file(path: Any, app_dir: str | None) -> Path:
    given = Path(path)
    for candidate in ([given] if given.is_absolute() else [Path(app_dir or os.getcwd()) / given, given]):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"css_paths: {str(path)!r} is not a file (looked beside the app and in {os.getcwd()}).")


def _retarget(match: re.Match) -> str:
    """``body .x`` -> ``body .x, [data-testid="stApp"] .x``, selector by selector."""
    prelude = match.group(1)
    if prelude.lstrip().startswith("@"):
        return match.group(0)
    selectors = [s for s in prelude.split(",")]
    extra = [_ROOT_TOKEN.sub(_APP, s) for s in selectors if _ROOT_TOKEN.search(s)]
    return ",".join(selectors + extra) + "{"


def _refuse(reference: str, why: str) -> ValueError:
    return ValueError(
        f"css: url('file={reference}') {why}. Only images and fonts inside the app's folder can be referenced, "
        "by a relative path such as url('file=static/logo.png')."
    )


def _data_uri(reference: str, folder: Path) -> str:
    decoded = unquote(reference).strip()
    if not decoded or "\x00" in decoded:
        raise _refuse(reference, "is empty or contains a NUL byte")
    if decoded.startswith(("/", "\\", "~")) or re.match(r"^[A-Za-z]:", decoded) or decoded.startswith("//"):
        raise _refuse(reference, "is an absolute, home, drive or network path")
    parts = re.split(r"[\\/]", decoded)
    if any(part.startswith(".") for part in parts):
        raise _refuse(reference, "leaves the app folder or names a hidden file")
    target = Path(os.path.realpath(folder.joinpath(*parts)))
    if not target.is_relative_to(folder) or target == folder:
        raise _refuse(reference, "resolves outside the app folder")
    if target.suffix.lower() not in _ALLOWED:
        raise _refuse(reference, f"is not an image or font ({target.suffix or 'no extension'})")
    if not target.is_file():
        raise _refuse(reference, "does not exist")
    if target.stat().st_size > _MAX_INLINE_BYTES:
        raise _refuse(reference, "is larger than 5 MB")
    mime = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(target.read_bytes()).decode()}"
