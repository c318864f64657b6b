"""Gradio 3.50.2 on bench/workloads.py's interpretations, for bench/interpretation.py.

Runs in Gradio 3.50's own virtual environment (bench/.gradio350/, built by
`make bench`) and prints JSON. Interpretation is called as Gradio's Interpret
button calls it: ``Interface.interpret(raw_input)`` on the values the
browser sends (a string; an image as a base64 PNG data URL).

Gradio 3.50 does not batch interpretation: ``run_interpret`` calls fn once
per perturbed input through ``call_function`` even when ``batch=True`` (a
batched fn would get single values), so only its unbatched mode is run.

    bench/.gradio350/bin/python bench/gradio350_peer.py --serve         # one run per workload name read
    bench/.gradio350/bin/python bench/gradio350_peer.py --cold NAME...  # one first run per workload

With ``--serve`` it prints a line ``@@ {"import_seconds": ...}``, then reads
workload names from stdin, one per line, and answers each with one run as
``@@ {...}`` (its first run of a workload is a warm-up, as the caller asks).
bench/interpretation.py takes turns with it, one run each, so that both
frameworks meet the same changes in this machine's speed.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import sys
import time
import warnings
from pathlib import Path

warnings.simplefilter("ignore")  # scikit-learn's warnings inside shap: not printing them is fairer to Gradio
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from workloads import BY_NAME, Workload, measure  # numpy first, as for stface

_start = time.perf_counter()
import gradio

IMPORT_SECONDS = time.perf_counter() - _start


def _raw(workload: Workload) -> object:
    value = workload.value()
    if workload.kind == "image":
        return "data:image/png;base64," + base64.b64encode(value).decode()
    return value


# One event loop for every run, as in Gradio's server (its worker threads are reused).
LOOP = asyncio.new_event_loop()


def _run(workload: Workload) -> dict:
    raw = _raw(workload)

    def prepare(model):
        demo = gradio.Interface(model, workload.kind, "label", interpretation=workload.method,
                                num_shap=workload.num_shap, analytics_enabled=False)  # fmt: skip
        return lambda: LOOP.run_until_complete(demo.interpret([raw]))

    return measure(prepare, workload.predict, batched=False)


def main() -> None:
    if "--serve" in sys.argv:
        print("@@ " + json.dumps({"gradio": gradio.__version__, "import_seconds": IMPORT_SECONDS}), flush=True)
        for line in sys.stdin:
            name = line.strip()
            print("@@ " + json.dumps({"workload": name, **_run(BY_NAME[name])}), flush=True)
        return
    names = [a for a in sys.argv[1:] if not a.startswith("--")]
    rows = [{"workload": name, **_run(BY_NAME[name])} for name in names]  # --cold: first runs
    print(json.dumps({"gradio": gradio.__version__, "import_seconds": IMPORT_SECONDS, "rows": rows}))


if __name__ == "__main__":
    main()
