"""The interpretation workloads, shared by stface's bench and the Gradio 3.50 peer.

Imports neither stface nor gradio (bench/gradio350_peer.py runs this in
Gradio 3.50's own virtual environment): only numpy and Pillow.

The model costs a fixed time per call (as a real model's per-call overhead
does) plus a little per item, so the numbers show what batching saves.
``Model.seconds`` is the time spent inside fn, so that a framework's
overhead is the wall time minus it.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

PER_CALL_S, PER_ITEM_S = 0.010, 0.0005
SENTENCE = " ".join(["she", "said", "he", "was", "late", "for", "her", "class"] * 5)  # 40 words


def gender(sentence):
    words = sentence.split()
    m = sum(w in ("he", "his") for w in words)
    f = sum(w in ("she", "her") for w in words)
    return {"male": m / max(m + f, 1), "female": f / max(m + f, 1)}


def redness(image):
    r = float(np.asarray(image)[..., 0].mean()) / 255
    return {"red": r, "other": 1 - r}


class Model:
    """Wraps a per-item function as a model with a fixed cost per call."""

    def __init__(self, predict: Callable, batched: bool) -> None:
        self.predict, self.batched = predict, batched
        self.calls, self.items, self.seconds = 0, 0, 0.0

    def __call__(self, *args):
        start = time.perf_counter()
        try:
            self.calls += 1
            items = len(args[0]) if self.batched else 1
            self.items += items
            time.sleep(PER_CALL_S + PER_ITEM_S * items)
            if self.batched:
                return ([self.predict(*row) for row in zip(*args)],)
            return self.predict(*args)
        finally:
            self.seconds += time.perf_counter() - start


def picture() -> np.ndarray:
    """A 224x224 scene of smooth gradients and blocks, as SLIC sees in photos."""
    y, x = np.mgrid[0:224, 0:224]
    image = np.stack([x, y, 224 - x], axis=-1).astype(np.uint8)
    for row in range(0, 224, 56):
        for col in range(0, 224, 56):
            image[row : row + 40, col : col + 40] = ((row * 3) % 255, (col * 5) % 255, 120)
    return image


def picture_png() -> bytes:
    """The picture as an uploaded PNG file holds it (what a person sends)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(picture()).save(buffer, "PNG")
    return buffer.getvalue()


@dataclass(frozen=True)
class Workload:
    """One interpretation to time: ``kind`` is the input ("text" or "image")."""

    name: str
    predict: Callable
    kind: str
    method: str
    num_shap: float
    value: Callable[[], object]


WORKLOADS = [
    Workload("text default (40 words)", gender, "text", "default", 2.0, lambda: SENTENCE),
    Workload("image default (224x224)", redness, "image", "default", 2.0, picture_png),
    Workload("text shap (12 words)", gender, "text", "shap", 2.0, lambda: " ".join(SENTENCE.split()[:12])),
]
BY_NAME = {w.name: w for w in WORKLOADS}


def measure(prepare: Callable[[Model], Callable[[], object]], predict: Callable, batched: bool) -> dict:
    """Wall time and fn's own time of one interpretation.

    ``prepare(model)`` builds the interface (not timed) and returns the call to time.
    """
    model = Model(predict, batched)
    interpret = prepare(model)
    start = time.perf_counter()
    interpret()
    wall = time.perf_counter() - start
    return {"seconds": wall, "model_seconds": model.seconds, "overhead_seconds": wall - model.seconds,
            "fn_calls": model.calls, "rows": model.items}  # fmt: skip


def median_run(runs: list[dict]) -> dict:
    """The run with the median overhead, and every run's wall time."""
    ordered = sorted(runs, key=lambda r: r["overhead_seconds"])
    return {**ordered[len(ordered) // 2], "all_seconds": [round(r["seconds"], 4) for r in runs]}
