"""Flagged samples in a CSV file: CSVLogger (the default), ClassicCSVLogger, SimpleCSVLogger, ChatCSVLogger.

``CSVLogger`` writes ``<flagging_dir>/log.csv`` as Gradio 3.50 does: one
column per component (its label), then ``flag``, ``username`` and
``timestamp``. Files are copied under ``<flagging_dir>/<label>/`` with
generated names, and the cell holds the path relative to the CSV. Writers hold
an exclusive file lock, so many sessions (and processes) flagging at once lose
no row and write one header. Text cells a spreadsheet would run as a formula
are neutralised with a leading quote; real numbers stay numbers.
"""

from __future__ import annotations

import csv
import fcntl
import io
import json
import re
import shutil
import threading
import uuid
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from stface.components.base import is_file_data
from stface.flagging.callback import FlaggingCallback
from stface.flagging.values import gradio_value, is_plain
from stface.paths import safe_filename

__all__ = ["CSVLogger", "ChatCSVLogger", "ClassicCSVLogger", "SimpleCSVLogger", "spreadsheet_safe"]

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


class _Logger(FlaggingCallback):
    """What the CSV loggers share: the components and folder from ``setup``."""

    components: list[Any]
    flagging_dir: Path

    def setup(self, components: Sequence[Any], flagging_dir: str | Path) -> None:
        """Remember the flagged components and the folder (made on the first flag)."""
        self.components = list(components)
        self.flagging_dir = Path(flagging_dir)

    def _values(self, flag_data: Sequence[Any]) -> list[Any]:
        """flag_data in Gradio's shapes (a widget's payload, given directly, is converted first)."""
        if not hasattr(self, "components"):
            raise RuntimeError(f"{type(self).__name__}.flag() was called before setup(components, flagging_dir); "
                               "an Interface calls setup itself, other callers must call it first.")  # fmt: skip
        if len(flag_data) != len(self.components):
            raise ValueError(f"{type(self).__name__}.flag() got {len(flag_data)} value(s) for "
                             f"{len(self.components)} component(s) given to setup().")  # fmt: skip
        return [v if is_plain(v) else gradio_value(c, v) for c, v in zip(self.components, flag_data)]

    def _label(self, index: int) -> str:
        return str(getattr(self.components[index], "label", None) or f"component {index}")


class CSVLogger(_Logger):
    """The default flagging callback: each flagged sample is a row of ``<flagging_dir>/log.csv``.

    Args:
        simplify_file_data: a file's cell is its path (relative to the CSV);
            with False, Gradio's whole FileData dict as JSON (Gradio 5+).
        verbose: print which file the rows go to, on the first flag (Gradio 5+).
        dataset_file_name: the CSV's name in ``flagging_dir``. Without it the
            rows go to ``log.csv`` (Gradio 3.50's name), or, when that file
            has other columns (another interface flagged into the same
            folder), to the first ``log<N>.csv`` with these columns, as
            Gradio 5+ starts a new ``dataset<N>.csv``.

    Columns are the components' labels, then ``flag``, ``username`` and
    ``timestamp`` (UTC, ISO 8601), as in Gradio 3.50. Safe for many sessions
    and processes writing at once; formulas are neutralised.

    Example:
        >>> import tempfile, stface as gr
        >>> logger = gr.CSVLogger(verbose=False)
        >>> logger.setup([gr.Textbox(label="text"), gr.Number(label="n")], tempfile.mkdtemp())
        >>> logger.flag(["=1+1", 3], "wrong")
        1
        >>> logger.path.read_text().splitlines()[1].startswith("'=1+1,3,wrong,,")
        True
    """

    def __init__(self, simplify_file_data: bool = True, verbose: bool = True, dataset_file_name: str | None = None):
        self.simplify_file_data = simplify_file_data
        self.verbose = verbose
        self.dataset_file_name = dataset_file_name
        self._chosen: Path | None = None
        self._choosing = threading.Lock()

    def setup(self, components: Sequence[Any], flagging_dir: str | Path) -> None:
        super().setup(components, flagging_dir)
        self._chosen = None

    @property
    def path(self) -> Path:
        """The CSV the rows go to (decided on the first flag)."""
        return self._chosen or self.flagging_dir / (self.dataset_file_name or "log.csv")

    dataset_filepath = path  # Gradio 5+'s name

    def _header(self) -> list[str]:
        return [*(self._label(i) for i in range(len(self.components))), "flag", "username", "timestamp"]

    def flag(self, flag_data: list[Any], flag_option: str | None = "", username: str | None = None) -> int:
        """Write one row; return how many rows the CSV now holds (header excluded)."""
        values = self._values(flag_data)
        self.flagging_dir.mkdir(parents=True, exist_ok=True)
        cells = [spreadsheet_safe(self._cell(i, value)) for i, value in enumerate(values)]
        when = datetime.now(timezone.utc).isoformat()
        row = [*cells, spreadsheet_safe(flag_option or ""), spreadsheet_safe(username or ""), when]
        header = [spreadsheet_safe(h) for h in self._header()]
        return _append_row(self._file(header), header, row)

    def _file(self, header: list[Any]) -> Path:
        with self._choosing:
            if self._chosen is None:
                self._chosen = self._choose(header)
                if self.verbose:
                    print("Using existing dataset file at:" if self._chosen.exists() and self._chosen.stat().st_size
                          else "Created dataset file at:", self._chosen)  # fmt: skip
            return self._chosen

    def _choose(self, header: list[Any]) -> Path:
        if self.dataset_file_name:
            return self.flagging_dir / self.dataset_file_name
        for number in range(1, 10_000):
            path = self.flagging_dir / ("log.csv" if number == 1 else f"log{number}.csv")
            if _first_row(path) in (None, [str(h) for h in header]):
                return path
        raise RuntimeError(f"{self.flagging_dir} holds 10,000 flagging logs with other columns; flag elsewhere.")

    def _cell(self, index: int, value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, (str, int, float, bool)):
            return value
        value = _copy_beside(value, self.flagging_dir, safe_filename(self._label(index), "media"))
        if self.simplify_file_data:
            value = _simplified(value)
        return value if isinstance(value, str) else json.dumps(value, default=str)


class ClassicCSVLogger(CSVLogger):
    """Gradio 5+'s name for the Gradio 3/4 logger: always ``log.csv``, with flag and username columns.

    Example:
        >>> import tempfile, stface as gr
        >>> logger = gr.flagging.ClassicCSVLogger()
        >>> logger.setup([gr.Textbox(label="text")], tempfile.mkdtemp())
        >>> logger.flag(["hi"]), logger.path.name
        (1, 'log.csv')
    """

    def __init__(self, simplify_file_data: bool = True) -> None:
        super().__init__(simplify_file_data=simplify_file_data, verbose=False, dataset_file_name="log.csv")


class SimpleCSVLogger(_Logger):
    """Gradio's simplest callback: one row per sample in ``<flagging_dir>/log.csv``, values only.

    No header, no option, username or time, as in Gradio: each cell is
    ``component.flag(value, <flagging_dir>/<label>)``, so files are copied
    there and the cell holds the copy's FileData as JSON. Rows are written
    under the same file lock as CSVLogger's, and formulas are neutralised.

    Example:
        >>> import tempfile, stface as gr
        >>> logger = gr.SimpleCSVLogger()
        >>> logger.setup([gr.Textbox(label="text")], tempfile.mkdtemp())
        >>> logger.flag(["hello"]), logger.flag(["again"])
        (1, 2)
    """

    def __init__(self) -> None:
        pass

    def setup(self, components: Sequence[Any], flagging_dir: str | Path) -> None:
        super().setup(components, flagging_dir)
        self.flagging_dir.mkdir(parents=True, exist_ok=True)

    def flag(self, flag_data: list[Any], flag_option: str | None = "", username: str | None = None) -> int:
        """Write one row; return how many rows ``log.csv`` now holds."""
        cells = []
        for index, (component, value) in enumerate(zip(self.components, self._values(flag_data))):
            folder = self.flagging_dir / safe_filename(str(getattr(component, "label", None) or ""), "")
            folder.mkdir(parents=True, exist_ok=True)
            cells.append(spreadsheet_safe(component.flag(value, folder) if value is not None else ""))
        return _append_row(self.flagging_dir / "log.csv", None, cells)


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


def _append_row(path: Path, header: list[Any] | None, row: list[Any]) -> int:
    """Append ``row`` under an exclusive file lock (``header`` first in a new file); the rows now held."""
    with _lock, open(path, "a+", newline="", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            handle.seek(0, io.SEEK_END)
            writer = csv.writer(handle)
            if handle.tell() == 0 and header is not None:
                writer.writerow(header)
            writer.writerow(row)
            handle.flush()
            handle.seek(0)
            return sum(1 for _ in csv.reader(handle)) - (header is not None)
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _first_row(path: Path) -> list[str] | None:
    """The header of an existing CSV; None when there is none yet (no file, or an empty one)."""
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            return next(csv.reader(handle), None)
    except FileNotFoundError:
        return None


def _copy_beside(value: Any, root: Path, folder: str, copied: list[Path] | None = None) -> Any:
    """``value`` with each local file copied to ``root/folder/<random>.<ext>``, its path relative to ``root``.

    The copies made are appended to ``copied`` when given (so a failed write can remove them).
    """
    if is_file_data(value):
        source = Path(value["path"])
        if not source.is_file():
            return value  # a URL: kept as it is
        target = root / folder / (uuid.uuid4().hex + re.sub(r"[^.\w]", "", source.suffix)[:10])
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        if copied is not None:
            copied.append(target)
        return {**value, "path": target.relative_to(root).as_posix(), "url": None}
    if isinstance(value, dict):
        return {key: _copy_beside(item, root, folder, copied) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy_beside(item, root, folder, copied) for item in value]
    return value


def _simplified(value: Any) -> Any:
    """FileData dicts replaced by their paths (Gradio's ``simplify_file_data_in_str``)."""
    if is_file_data(value):
        return value["path"]
    if isinstance(value, dict):
        return {key: _simplified(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_simplified(item) for item in value]
    return value
