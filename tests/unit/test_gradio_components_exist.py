"""Every component Gradio 3.50 or Gradio 6 exports that can be an Interface input or output exists in stface.

The lists are data recorded from those versions (tests/fixtures/gradio_interface_components.json).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import stface as gr
from stface.components.base import Component

RECORDED = json.loads((Path(__file__).parents[1] / "fixtures" / "gradio_interface_components.json").read_text())
NAMES = sorted(set(RECORDED["gradio-3.50.2"]) | set(RECORDED["gradio-6.31.0"]))


@pytest.mark.parametrize("name", NAMES)
def test_the_component_exists_and_can_be_an_input_or_an_output(name):
    component = getattr(gr, name, None)
    assert component is not None, f"gr.{name} is missing"
    assert isinstance(component, type) and issubclass(component, Component)
    assert component.can_input or component.can_output
