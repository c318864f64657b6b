"""Parity with Gradio 3.50: every fixture recorded from Gradio 3.50.2 in tests/fixtures/interpretation/."""

from __future__ import annotations

import json
import math
import runpy
from pathlib import Path

import pytest

import stface as gr

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "interpretation"
CASES = sorted(FIXTURES.glob("*.json"))


def _same(actual, expected, path="result"):
    if expected is None:
        assert actual is None, f"{path}: expected None, got {actual!r}"
    elif isinstance(expected, (int, float)) and not isinstance(expected, bool):
        assert isinstance(actual, (int, float)) and not isinstance(actual, bool), f"{path}: {actual!r}"
        assert math.isclose(actual, expected, rel_tol=0, abs_tol=1e-9), f"{path}: {actual!r} != {expected!r}"
    elif isinstance(expected, str) or isinstance(expected, bool):
        assert actual == expected, f"{path}: {actual!r} != {expected!r}"
    else:
        assert isinstance(actual, (list, tuple)), f"{path}: expected a sequence, got {actual!r}"
        assert len(actual) == len(expected), f"{path}: length {len(actual)} != {len(expected)}"
        for i, (a, e) in enumerate(zip(actual, expected)):
            _same(a, e, f"{path}[{i}]")


def test_every_fixture_is_collected():
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_interpretation_matches_gradio_3_50(case):
    fixture = json.loads(case.read_text())
    demo = runpy.run_path(str(FIXTURES / "interface.py"))["interface"](gr, fixture)
    values = [
        str(FIXTURES / value) if value in fixture.get("input_files", []) else value
        for value in fixture["input_values"]
    ]
    _same(demo.interpret(*values), fixture["expected"])
