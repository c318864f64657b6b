"""Interpretation works on what it needs (fn, components, batching options), not on Interface."""

import ast
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from interpret_support import gender, half_red, redness

import stface as gr
from stface.interpret import explain
from stface.interpret.maskers import ImageMasker
from stface.paths import FilePolicy

PACKAGE = Path(gr.__file__).parent / "interpret"
FORBIDDEN = ("stface.interface", "stface.runtime", "stface.mix", "stface.hub", "streamlit")


@dataclass(frozen=True)
class Subject:
    """Not an Interface: only what interpretation needs."""

    fn: Callable[..., Any]
    input_components: tuple
    output_components: tuple
    interpretation: Any = "default"
    batch: bool = False
    max_batch_size: int = 4
    num_shap: float = 2.0
    policy: FilePolicy = field(default_factory=FilePolicy)

    def file_policy(self) -> FilePolicy:
        return self.policy


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text())):  # every import, TYPE_CHECKING blocks included
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return names


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_interpret_imports_no_interface_page_or_streamlit(path):
    bad = [n for n in _imports(path) if any(n == f or n.startswith(f + ".") for f in FORBIDDEN)]
    assert bad == [], f"{path.name} imports {bad}"


def test_the_import_check_sees_type_checking_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from stface.interface import Interface\n")
    assert "stface.interface.Interface" in _imports(sample)


@pytest.mark.parametrize(("method", "batch"), [("default", False), ("default", True), ("shap", False), ("shap", True)])
def test_a_plain_description_is_explained_as_its_interface_is(method, batch):
    fn = (lambda texts: ([gender(t) for t in texts],)) if batch else gender
    demo = gr.Interface(fn, "text", "label", interpretation=method, batch=batch, num_shap=4)
    subject = Subject(fn, tuple(demo.input_components), tuple(demo.output_components), method, batch, 4, 4.0)
    assert explain(subject, ["she met his dog"]) == demo.interpret("she met his dog")


def test_a_description_gives_its_batching_options():
    sizes = []

    def batched(texts):
        sizes.append(len(texts))
        return ([gender(t) for t in texts],)

    subject = Subject(batched, (gr.Textbox(),), (gr.Label(),), batch=True, max_batch_size=3)
    explain(subject, ["a b c d e f g"])
    assert sizes == [3, 3, 2]  # the original and 7 perturbed rows, 3 at a time


def test_a_custom_interpretation_function_on_a_description():
    subject = Subject(gender, (gr.Textbox(), gr.Number()), (gr.Label(),), interpretation=lambda t, n: [[(t, 1.0)], None])
    assert explain(subject, ["hi", 2]) == [[("hi", 1.0)], None]


def test_each_image_is_segmented_once_per_interpretation(monkeypatch):
    import stface.interpret.image_masker

    calls = []
    real = stface.interpret.image_masker.slic

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(stface.interpret.image_masker, "slic", counting)
    image = half_red(32, 40)
    for method in ("default", "shap"):
        calls.clear()
        gr.Interface(redness, "image", "label", interpretation=method, num_shap=2).interpret(image)
        assert len(calls) == 1, method


def test_segments_partition_the_image_and_masking_keeps_whole_segments():
    rng = np.random.default_rng(0)
    image = rng.integers(0, 255, (30, 36, 3), dtype=np.uint8)
    split = ImageMasker(gr.Image()).segmentation(image)
    masks = split.masks()
    assert masks.shape == (split.n, 30, 36) and np.array_equal(masks.sum(axis=0), np.ones((30, 36)))
    keep = np.zeros(split.n)
    keep[0] = 1
    kept = split.kept(keep)
    assert kept.dtype == np.uint8
    assert np.array_equal(kept[masks[0]], image[masks[0]]) and not kept[~masks[0]].any()
    screens, _ = ImageMasker(gr.Image()).neighbours(image)
    colour = np.mean(image, axis=(0, 1)).astype(np.uint8)
    assert len(screens) == split.n
    assert (screens[1][masks[1]] == colour).all() and np.array_equal(screens[1][~masks[1]], image[~masks[1]])
