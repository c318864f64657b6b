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


def real_targets(base: Path, app: Path, system_temp: Path) -> list[Path]:
    """Files that exist, inside and outside the served folders, and the symlinks between them."""
    (system_temp / "out.wav").write_bytes(b"data")
    return [
        app / "ok.png", app / "a" / "x.png", app / "a" / "b" / "ok.png", system_temp / "out.wav",  # served
        app / ".env", app / ".git" / "config", base / "app_evil" / "x.png", base / "outside" / "ok.png",  # not
        app / "link" / "ok.png", app / "a" / "link" / "ok.png", Path("/etc/passwd"), Path("/etc/hostname"),
        app, app / "a",  # folders
    ]  # fmt: skip


def spellings(target: Path, app: Path) -> dict[str, str]:
    """Ways an fn (or an attacker) might name ``target``; the working directory is the app's folder."""
    relative = os.path.relpath(target, app)
    return {
        "absolute": str(target),
        "relative": relative,
        "dot-dot detour": os.path.join("a", "b", "..", "..", relative),
        "escaping then back": os.path.join("..", app.name, relative),
        "doubled separators": str(target).replace("/", "//"),
        "dot segments": str(target).replace("/", "/./"),
        "encoded dots": relative.replace("..", "%2e%2e"),
        "encoded separators": relative.replace("/", "%2f"),
        "backslashes": relative.replace("/", "\\"),
        "trailing slash": str(target) + "/",
        "home": "~/" + relative,
    }


def _served(policy: FilePolicy, text: str) -> Path | None:
    try:
        return policy.check(text)
    except gr.Error:
        return None


def test_every_spelling_of_every_real_file_agrees_with_the_oracle(tree, monkeypatch):
    base, app, system_temp = tree
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    monkeypatch.chdir(app)
    policy = FilePolicy(app_dir=str(app))
    roots = [system_temp, app, policy.roots()[0]]
    outcomes = {}
    for target in real_targets(base, app, system_temp):
        for style, text in spellings(target, app).items():
            expected = oracle(Path(os.path.expanduser(text)), roots)
            served = _served(policy, text)
            assert (served is not None) == expected, (style, text)
            outcomes[(str(target), style)] = served is not None
    assert any(outcomes.values()) and not all(outcomes.values())  # the corpus reaches both sides
    for outside in (base / "app_evil" / "x.png", base / "outside" / "ok.png", app / ".env", Path("/etc/passwd")):
        assert not any(v for (t, _), v in outcomes.items() if t == str(outside)), outside


@st.composite
def mutated_names(draw, targets: list[Path], app: Path) -> str:
    """A real file's name, spelled one way, then mangled a few more times."""
    text = draw(st.sampled_from(list(spellings(draw(st.sampled_from(targets)), app).values())))
    for _ in range(draw(st.integers(0, 3))):
        mutation = draw(st.sampled_from(["prefix ..", "prefix ./", "link detour", "encode", "nul", "double"]))
        text = {
            "prefix ..": lambda t: os.path.join("..", app.name, t) if not t.startswith("/") else t,
            "prefix ./": lambda t: "./" + t if not t.startswith("/") else t,
            "link detour": lambda t: os.path.join("a", "link", "..", "..", t) if not t.startswith("/") else t,
            "encode": lambda t: t.replace(".", "%2e", 1),
            "nul": lambda t: t + "\x00.png",
            "double": lambda t: t.replace("/", "//", 1),
        }[mutation](text)
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mangled_names_of_real_files_agree_with_the_oracle(tree, monkeypatch, data):
    base, app, system_temp = tree
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    monkeypatch.chdir(app)
    policy = FilePolicy(app_dir=str(app))
    text = data.draw(mutated_names(real_targets(base, app, system_temp), app))
    served = _served(policy, text)
    if "\x00" in text:
        assert served is None
        return
    expected = oracle(Path(os.path.expanduser(text)), [system_temp, app, policy.roots()[0]])
    assert (served is not None) == expected, text
    if served is not None:
        assert served == Path(os.path.realpath(os.path.expanduser(text)))
