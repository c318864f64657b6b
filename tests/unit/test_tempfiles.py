"""Files stface writes belong to a session or a call, and go when they are no longer needed."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from stface import tempfiles
from stface.paths import save_bytes
from stface.tempfiles import Janitor, owned_by_examples, owned_by_session


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A private system temp folder and process folder, and a janitor with no state."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(tempfiles, "_process_dir", None)
    monkeypatch.setattr(Janitor, "delete_cache", None)
    monkeypatch.setattr(Janitor, "_last_seen", {})
    monkeypatch.setattr(Janitor, "_last_sweep", 0.0)
    monkeypatch.setattr(Janitor, "ensure_running", classmethod(lambda cls: None))

    active: set[str] = set()
    monkeypatch.setattr(Janitor, "session_active", staticmethod(lambda session_id: session_id in active))
    monkeypatch.setattr(Janitor, "grace_s", 60.0)
    return tmp_path, active


def test_files_belong_to_the_session_that_wrote_them(fresh):
    with owned_by_session("alice"):
        alice = Path(save_bytes(b"a", "a.wav"))
    call = Path(save_bytes(b"c", "c.wav"))
    assert alice.parent.parent == tempfiles.process_dir() / "sessions" / "alice"
    assert call.parent.parent == tempfiles.process_dir() / "calls"


def test_a_sessions_files_go_after_it_ends_and_survive_while_it_lives(fresh):
    _, active = fresh
    active.add("alice")
    with owned_by_session("alice"):
        alice = Path(save_bytes(b"a", "a.wav"))
    with owned_by_session("bob"):
        bob = Path(save_bytes(b"b", "b.wav"))
    now = time.time()
    Janitor.sweep(now + 10)
    assert alice.exists() and bob.exists()  # bob is within the reconnection grace
    active.discard("alice")
    Janitor.sweep(now + 61)  # bob has been gone longer than the grace; alice was seen at now + 10
    assert alice.exists() and not bob.exists()
    Janitor.sweep(now + 72)
    assert not alice.exists()


def test_delete_cache_removes_old_files_of_no_live_session(fresh):
    _, active = fresh
    active.add("alice")
    Janitor.configure((1, 30))
    with owned_by_session("alice"):
        alice = Path(save_bytes(b"a", "a.wav"))
    old_call, new_call = Path(save_bytes(b"o", "old.wav")), Path(save_bytes(b"n", "new.wav"))
    with owned_by_examples():
        example = Path(save_bytes(b"e", "example.png"))
    long_ago = time.time() - 3600
    for path in (alice, old_call, example):
        os.utime(path.parent, (long_ago, long_ago))
    Janitor.sweep()
    assert not old_call.exists()
    assert new_call.exists() and alice.exists() and example.exists()


def test_delete_cache_is_checked():
    with pytest.raises(ValueError, match="delete_cache must be"):
        Janitor.configure((0, 10))


def test_a_live_session_keeps_only_its_newest_files(fresh):
    paths = []
    for number in range(tempfiles.KEEP_PER_SESSION + 5):
        with owned_by_session("carol"):
            paths.append(Path(save_bytes(b"x", f"{number}.wav")))
        past = time.time() - 1000 + number
        os.utime(paths[-1].parent, (past, past))
    with owned_by_session("carol"):  # a new request prunes before it writes
        pass
    assert sum(p.exists() for p in paths) == tempfiles.KEEP_PER_SESSION
    assert all(p.exists() for p in paths[-tempfiles.KEEP_PER_SESSION :])


def test_folders_of_dead_processes_are_swept_and_live_ones_kept(fresh):
    tmp, _ = fresh
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp / f"stface-{dead.pid}-abc" / "calls").mkdir(parents=True)
    (tmp / f"stface-{os.getppid()}-def").mkdir()
    (tmp / "stface-unrelated").mkdir()
    tempfiles.process_dir()
    assert not (tmp / f"stface-{dead.pid}-abc").exists()
    assert (tmp / f"stface-{os.getppid()}-def").exists() and (tmp / "stface-unrelated").exists()


def test_the_process_folder_goes_at_normal_exit(tmp_path):
    code = "from stface.paths import save_bytes; print(save_bytes(b'x', 'a.wav'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "TMPDIR": str(tmp_path)}, check=True)  # fmt: skip
    written = Path(result.stdout.strip())
    assert written.is_relative_to(tmp_path)
    assert not written.exists() and list(tmp_path.iterdir()) == []
