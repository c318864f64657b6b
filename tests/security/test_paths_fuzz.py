"""The file-serving predicate, fuzzed with hypothesis against a Path.resolve() oracle."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import stface as gr
from stface.paths import FilePolicy

SEGMENTS = ["..", ".", "a", "b", "ok.png", ".env", ".git", "config", "%2e%2e", "link", "app_evil", "x.png", ""]


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    base = tmp_path_factory.mktemp("tree")
    system_temp = base / "system-temp"
    app = base / "app"
    for folder in (system_temp, app / "a" / "b", app / ".git", base / "app_evil", base / "outside"):
        folder.mkdir(parents=True, exist_ok=True)
    for file in (app / "ok.png", app / "a" / "x.png", app / "a" / "b" / "ok.png", app / ".env", app / ".git" / "config",
                 base / "app_evil" / "x.png", base / "outside" / "ok.png"):  # fmt: skip
        file.write_bytes(b"data")
    (app / "link").symlink_to(base / "outside")
    (app / "a" / "link").symlink_to(app / "a" / "b")
    return base, app, system_temp


def oracle(candidate: Path, roots: list[Path]) -> bool:
    resolved = candidate.resolve()
    for root in roots:
        root = root.resolve()
        try:
            relative = resolved.relative_to(root)
        except ValueError:
            continue
        if relative.parts and not any(p.startswith(".") for p in relative.parts) and resolved.is_file():
            return True
    return False


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=6))
def test_served_paths_agree_with_the_resolve_oracle(tree, monkeypatch, segments):
    base, app, system_temp = tree
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    candidate = app / os.path.join(*segments) if any(segments) else app
    policy = FilePolicy(app_dir=str(app))
    roots = [Path(r) for r in (str(system_temp), str(app))] + [policy.roots()[0]]
    expected = oracle(candidate, roots)
    try:
        served = policy.check(candidate)
    except gr.Error:
        assert not expected, candidate
        return
    assert expected, candidate
    assert served == candidate.resolve()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=40))
def test_arbitrary_strings_never_escape(tree, monkeypatch, text):
    base, app, system_temp = tree
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    policy = FilePolicy(app_dir=str(app))
    try:
        served = policy.check(text)
    except gr.Error:
        return
    allowed = [r.resolve() for r in (system_temp, app, policy.roots()[0])]
    assert any(served.is_relative_to(root) for root in allowed)
    assert served.is_file()
