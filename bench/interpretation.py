"""Interpretation cost: wall time and fn calls, batched and unbatched.

The model costs a fixed time per call (as a real model's per-call overhead
does) plus a little per item, so the numbers show what batching saves.
Run with `make bench` or `python bench/interpretation.py`; results go to
bench/results/interpretation.json.
"""

from __future__ import annotations

import json
import platform
import time
from pathlib import Path

import numpy as np

import stface as gr

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

    def __init__(self, predict, batched: bool) -> None:
        self.predict, self.batched, self.calls = predict, batched, 0

    def __call__(self, *args):
        self.calls += 1
        items = len(args[0]) if self.batched else 1
        time.sleep(PER_CALL_S + PER_ITEM_S * items)
        if self.batched:
            return ([self.predict(*row) for row in zip(*args)],)
        return self.predict(*args)


def picture() -> np.ndarray:
    """A 224x224 scene of smooth gradients and blocks, as SLIC sees in photos."""
    y, x = np.mgrid[0:224, 0:224]
    image = np.stack([x, y, 224 - x], axis=-1).astype(np.uint8)
    for row in range(0, 224, 56):
        for col in range(0, 224, 56):
            image[row : row + 40, col : col + 40] = ((row * 3) % 255, (col * 5) % 255, 120)
    return image


WORKLOADS = {
    "text default (40 words)": (gender, "text", "default", 2.0, lambda: SENTENCE),
    "image default (224x224)": (redness, "image", "default", 2.0, picture),
    "text shap (12 words)": (gender, "text", "shap", 2.0, lambda: " ".join(SENTENCE.split()[:12])),
}


def run() -> list[dict]:
    rows = []
    for name, (predict, inputs, method, num_shap, value) in WORKLOADS.items():
        for batched in (False, True):
            model = Model(predict, batched)
            demo = gr.Interface(model, inputs, "label", interpretation=method, num_shap=num_shap,
                                batch=batched, max_batch_size=64)  # fmt: skip
            start = time.perf_counter()
            demo.interpret(value())
            rows.append({"workload": name, "batched": batched, "seconds": time.perf_counter() - start, "fn_calls": model.calls})
    return rows


def main() -> None:
    rows = run()
    print(f"{'workload':<26} {'mode':<10} {'seconds':>8} {'fn calls':>9} {'speed-up':>9}")
    by_name = {}
    for row in rows:
        by_name.setdefault(row["workload"], {})[row["batched"]] = row
    for name, modes in by_name.items():
        for batched in (False, True):
            row = modes[batched]
            speedup = modes[False]["seconds"] / row["seconds"]
            print(f"{name:<26} {'batched' if batched else 'unbatched':<10} {row['seconds']:>8.3f} {row['fn_calls']:>9} {speedup:>8.1f}x")
    out = Path(__file__).parent / "results" / "interpretation.json"
    machine = {"python": platform.python_version(), "machine": platform.machine(), "cpus": __import__("os").cpu_count()}
    out.write_text(json.dumps({"model": {"per_call_s": PER_CALL_S, "per_item_s": PER_ITEM_S}, "machine": machine, "rows": rows}, indent=2))
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
