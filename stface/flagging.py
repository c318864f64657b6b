"""Flagging: saving inputs and outputs that a person marks, to a CSV file.

Rows go to ``<flagging_dir>/log.csv`` with one column per input and output
(by label), then ``flag``, ``username`` and ``timestamp``, as Gradio writes
them. Media are copied under ``<flagging_dir>/<label>/`` with generated
names. Writers hold an exclusive file lock, so many sessions (and processes)
flagging at once lose no row and write one header. Text cells that a
spreadsheet would run as a formula are neutralised with a leading quote;
real numbers stay numbers.
"""

from __future__ import annotations

import csv
import fcntl
import io
import json
import re
import threading
import uuid
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

from stface.components._codecs import AudioClip, MediaFile, encode_png, encode_wav
from stface.components._drawing import Canvas, Drawing
from stface.components.base import Component
from stface.components.image import WebcamPhoto
from stface.components.plot import PlotFigure, figure_json, figure_png
from stface.paths import safe_filename

__all__ = ["CSVLogger", "ChatCSVLogger", "spreadsheet_safe"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_lock = threading.Lock()


def spreadsheet_safe(cell: Any) -> Any:
    """Neutralise text that a spreadsheet would evaluate; keep real numbers."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return cell
    text = "" if cell is None else str(cell)
    if text.startswith(_FORMULA_START):
        try:
            float(text)
            return text
        except ValueError:
            return "'" + text
    return text


class CSVLogger:
    """Appends flagged samples to ``<flagging_dir>/log.csv``."""

    def __init__(self, flagging_dir: str | Path) -> None:
        self.folder = Path(flagging_dir)

    @property
    def path(self) -> Path:
        return self.folder / "log.csv"

    def flag(self, components: Sequence[Any], payloads: Sequence[Any], *, option: str = "", username: str = "") -> int:
        """Write one row; return how many rows the log now holds (header excluded)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        labels = [_column(c, i) for i, c in enumerate(components)]
        cells = [spreadsheet_safe(self._cell(c, label, p)) for c, label, p in zip(components, labels, payloads)]
        row = [*cells, spreadsheet_safe(option), spreadsheet_safe(username), datetime.now(timezone.utc).isoformat()]
        header = [*labels, "flag", "username", "timestamp"]
        return _append_row(self.path, header, row)

    def _cell(self, component: Component, label: str, payload: Any) -> Any:
        if payload is None:
            return ""
        media = self._media(component, label, payload)
        if media is not None:
            return media
        if isinstance(payload, PlotFigure):
            return figure_json(payload)  # Gradio's {"type", "plot"} JSON
        payload = component.as_python(payload)
        if isinstance(payload, (str, int, float, bool)):
            return payload
        if hasattr(payload, "to_dict"):  # a DataFrame
            payload = payload.to_dict(orient="split")
        return json.dumps(payload, default=_jsonable)

    def _media(self, component: Any, label: str, payload: Any) -> str | None:
        from PIL import Image as PILImage

        if isinstance(payload, WebcamPhoto):
            payload = payload.file
        if isinstance(payload, PlotFigure) and payload.library == "matplotlib":
            return self._save(label, figure_png(payload), ".png")  # the picture the page showed
        if isinstance(payload, (Drawing, Canvas)) and hasattr(component, "picture"):
            payload = component.picture(payload)  # a drawing is flagged as the picture it shows
        if isinstance(payload, AudioClip):
            return self._save(label, encode_wav(payload), ".wav")
        if isinstance(payload, tuple) and len(payload) == 2 and isinstance(payload[1], np.ndarray):
            return self._save(label, encode_wav(AudioClip(int(payload[0]), payload[1])), ".wav")
        if isinstance(payload, PILImage.Image) or (isinstance(payload, np.ndarray) and payload.ndim >= 2):
            image = payload if isinstance(payload, PILImage.Image) else PILImage.fromarray(np.asarray(payload))
            return self._save(label, encode_png(image), ".png")
        files = payload if isinstance(payload, list) and payload and isinstance(payload[0], MediaFile) else None
        if isinstance(payload, MediaFile):
            files = [payload]
        if files:
            saved = [self._save(label, f.data, Path(safe_filename(f.name)).suffix) for f in files]
            return saved[0] if len(saved) == 1 else json.dumps(saved)
        return None

    def _save(self, label: str, data: bytes, suffix: str) -> str:
        folder = self.folder / safe_filename(label, "media")
        folder.mkdir(parents=True, exist_ok=True)
        name = uuid.uuid4().hex + re.sub(r"[^.\w]", "", suffix)[:10]
        (folder / name).write_bytes(data)
        return str((folder / name).relative_to(self.folder))


class ChatCSVLogger:
    """Appends a chat's flagged answers (Like, Dislike, or another flagging option) to ``<flagging_dir>/log.csv``.

    One row per flag: the conversation as JSON, the index of the flagged
    message, the flag, the username and the time. (Gradio 5–6 write four
    values under a five-column header; stface writes as many as it names.)

    Example:
        >>> import tempfile
        >>> from stface.chat_history import ChatMessage
        >>> log = ChatCSVLogger(tempfile.mkdtemp())
        >>> log.flag([ChatMessage("hi", "user"), ChatMessage("hello")], 1, "Like")
        1
    """

    def __init__(self, flagging_dir: str | Path) -> None:
        self.folder = Path(flagging_dir)

    @property
    def path(self) -> Path:
        return self.folder / "log.csv"

    def flag(self, conversation: Sequence[Any], index: int, value: str, *, username: str = "") -> int:
        """Write one row; return how many rows the log now holds (header excluded)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        messages = [{"role": m.role, "content": m.content, "metadata": dict(m.metadata)} for m in conversation]
        row = [spreadsheet_safe(json.dumps(messages, default=str)), index, spreadsheet_safe(value),
               spreadsheet_safe(username), datetime.now(timezone.utc).isoformat()]  # fmt: skip
        return _append_row(self.path, ["conversation", "index", "flag", "username", "timestamp"], row)


def _append_row(path: Path, header: list[Any], row: list[Any]) -> int:
    """Append ``row`` under an exclusive file lock (a header first in a new file); the rows now held."""
    with _lock, open(path, "a+", newline="", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            handle.seek(0, io.SEEK_END)
            writer = csv.writer(handle)
            if handle.tell() == 0:
                writer.writerow(header)
            writer.writerow(row)
            handle.flush()
            handle.seek(0)
            return sum(1 for _ in csv.reader(handle)) - 1
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _column(component: Component, index: int) -> str:
    return str(component.label or f"column {index}")


def _jsonable(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (np.integer, np.floating)):
        return value.item()
    return str(value)
