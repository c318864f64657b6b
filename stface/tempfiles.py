"""Files stface writes for requests, who owns them, and when they go.

Every file stface writes (an upload turned into a path, converted media, an
output saved for display or download) lives in this process's folder,
``<system temp>/stface-<pid>-<random>/``, under its owner:

* ``sessions/<session id>/`` for a browser session (the page binds it),
* ``examples/`` for cached examples (bounded by the number of examples),
* ``calls/`` for everything else (``demo(...)``, a script).

They go, so that a server stays within bounded disk for weeks:

* a session's folder when the session has ended (Streamlit no longer knows
  it as active for ``server.disconnectedSessionTTL`` seconds, so a person who
  reconnects after a network blip keeps their files);
* within a live session, all but the newest ``KEEP_PER_SESSION`` files, at the
  start of each request (what the page shows comes from the last requests);
* with ``delete_cache=(frequency, age)`` (Gradio 4+), every ``frequency``
  seconds, files older than ``age`` seconds that no live session owns;
* the whole folder when the process exits normally;
* the folder of a process that died (a crash, ``kill -9``), when the next
  stface process starts.

Flagged media are copied under the flagging folder and are never touched.
"""

from __future__ import annotations

import atexit
import contextlib
import contextvars
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from stface._context import bound

__all__ = [
    "KEEP_PER_SESSION", "Janitor", "new_folder", "owned_by", "owned_by_session", "owned_by_examples", "process_dir",
]  # fmt: skip

KEEP_PER_SESSION = 32
_PREFIX = "stface-"
_FOLDER = re.compile(rf"^{_PREFIX}(\d+)-")
_lock = threading.Lock()
_process_dir: Path | None = None
_owner: contextvars.ContextVar[str] = contextvars.ContextVar("stface_file_owner", default="calls")


def process_dir() -> Path:
    """This process's private folder; made on first use, after sweeping dead processes' folders."""
    global _process_dir
    with _lock:
        if _process_dir is None or not _process_dir.is_dir():
            _sweep_dead_processes()
            _process_dir = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-")).resolve()
            atexit.register(shutil.rmtree, _process_dir, True)
        return _process_dir


def new_folder() -> Path:
    """A fresh folder for one file, under the current owner."""
    owner = process_dir() / _owner.get()
    owner.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=owner))


@contextlib.contextmanager
def owned_by_session(session_id: str) -> Iterator[Path]:
    """Files written inside the block belong to ``session_id``; older ones beyond the newest few go."""
    name = "sessions/" + re.sub(r"[^A-Za-z0-9_-]", "_", session_id)[:80]
    folder = process_dir() / name
    _keep_newest(folder, KEEP_PER_SESSION)
    Janitor.ensure_running()
    with bound(_owner, name):
        yield folder


def owned_by(folder: str) -> contextlib.AbstractContextManager[str]:
    """Files written inside the block go under ``folder`` (relative to the process's folder).

    Whoever names the folder removes it (``stface.api.files`` keeps an API
    caller's files under ``api/<caller>`` while the caller is active).
    """
    return bound(_owner, folder)


def owned_by_examples() -> contextlib.AbstractContextManager[str]:
    """Files written inside the block belong to the cached examples, kept for the process's life."""
    return bound(_owner, "examples")


def _keep_newest(folder: Path, keep: int) -> None:
    try:
        entries = sorted(folder.iterdir(), key=_mtime, reverse=True)
    except FileNotFoundError:
        return
    for old in entries[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0


def _sweep_dead_processes() -> None:
    """Remove folders left by stface processes that are no longer running."""
    try:
        entries = list(Path(tempfile.gettempdir()).iterdir())
    except OSError:
        return
    for entry in entries:
        match = _FOLDER.match(entry.name)
        if match and entry.is_dir() and not _alive(int(match.group(1))):
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


class Janitor:
    """One background thread per process that removes ended sessions' files and old files.

    The server tells it which sessions live (``watch_sessions``); until then
    every session's folder is kept.
    """

    _thread: threading.Thread | None = None
    tick_s = 5.0
    #: Whether a session id is connected now (the Streamlit runtime answers it).
    session_active: Callable[[str], bool] = staticmethod(lambda session_id: True)
    #: How long a disconnected session may come back (Streamlit's ``server.disconnectedSessionTTL``).
    grace_s = 120.0
    #: (frequency, age) in seconds from ``delete_cache``; None keeps files of no session until exit.
    delete_cache: tuple[float, float] | None = None
    _last_seen: dict[str, float] = {}
    _last_sweep = 0.0

    @classmethod
    def configure(cls, delete_cache: tuple[float, float] | None) -> None:
        """Apply ``delete_cache=(frequency, age)`` (the smallest frequency given wins)."""
        if delete_cache is None:
            return
        frequency, age = (float(v) for v in delete_cache)
        if frequency <= 0 or age < 0:
            raise ValueError(f"delete_cache must be (frequency, age) in seconds, frequency > 0; got {delete_cache!r}.")
        current = cls.delete_cache
        cls.delete_cache = (min(frequency, current[0]), min(age, current[1])) if current else (frequency, age)
        cls.tick_s = min(cls.tick_s, frequency)
        cls.ensure_running()

    @classmethod
    def watch_sessions(cls, active: Callable[[str], bool], grace_s: float) -> None:
        """Learn from the server which sessions live, and how long a lost one may return."""
        cls.session_active, cls.grace_s = staticmethod(active), float(grace_s)

    @classmethod
    def ensure_running(cls) -> None:
        with _lock:
            if cls._thread is None or not cls._thread.is_alive():
                cls._thread = threading.Thread(target=cls._loop, name="stface-janitor", daemon=True)
                cls._thread.start()

    @classmethod
    def _loop(cls) -> None:
        while True:
            time.sleep(cls.tick_s)
            try:
                cls.sweep()
            except Exception:  # noqa: BLE001 - the janitor must outlive any one odd folder
                pass

    @classmethod
    def sweep(cls, now: float | None = None) -> None:
        """One pass: ended sessions' folders, then (with delete_cache) old files of no live session."""
        now = time.time() if now is None else now
        root = process_dir()
        live = cls._sweep_sessions(root / "sessions", now)
        if cls.delete_cache is not None and now - cls._last_sweep >= cls.delete_cache[0]:
            cls._last_sweep = now
            age = cls.delete_cache[1]
            for owner in [root / "calls"] + [s for s in _children(root / "sessions") if s.name not in live]:
                for entry in _children(owner):
                    if now - _mtime(entry) > age:
                        shutil.rmtree(entry, ignore_errors=True)

    @classmethod
    def _sweep_sessions(cls, sessions: Path, now: float) -> set[str]:
        grace = cls.grace_s
        live: set[str] = set()
        for folder in _children(sessions):
            if cls.session_active(folder.name):
                cls._last_seen[folder.name] = now
                live.add(folder.name)
            elif now - cls._last_seen.get(folder.name, _mtime(folder)) > grace:
                shutil.rmtree(folder, ignore_errors=True)
                cls._last_seen.pop(folder.name, None)
            else:
                live.add(folder.name)  # disconnected, may come back
        for gone in set(cls._last_seen) - {f.name for f in _children(sessions)}:
            cls._last_seen.pop(gone, None)
        return live


def _children(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except FileNotFoundError:
        return []
