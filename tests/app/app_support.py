"""AppTest helpers: one interface on one page, driven without a browser."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def run_example(name: str) -> AppTest:
    return AppTest.from_file(str(EXAMPLES / f"{name}.py"), default_timeout=30).run()


def run_script(source: str) -> AppTest:
    return AppTest.from_string(source, default_timeout=30).run()


def button(at: AppTest, label: str):
    matches = [b for b in at.button if b.label == label]
    assert matches, f"no button {label!r} among {[b.label for b in at.button]}"
    return matches[0]


def html_bodies(at: AppTest) -> list[str]:
    return [element.value for element in at.get("html")]

