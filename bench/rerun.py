"""What one rerun costs: stface's echo page beside the same page written by hand.

Both apps run under Streamlit's AppTest (the same script runner a server
uses, without a browser), and each rerun is a Submit of new text. Per rerun:
Python wall time, the elements in the page, and the bytes of the messages
Streamlit would send to the browser. ``--profile`` adds cProfile's top
functions for stface's rerun.

Run with `make bench` or `python bench/rerun.py`; results go to
bench/results/rerun.json.
"""

from __future__ import annotations

import builtins
import cProfile
import io
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest, local_script_runner

HERE = Path(__file__).resolve().parent
RERUNS = 200
STFACE_SCRIPT = f"""
import builtins
from stface.runtime.entry import run_app
profiler = getattr(builtins, "stface_profiler", None)  # the script thread is the one to profile
if profiler:
    profiler.enable()
run_app({str(HERE / "apps" / "reverse_stface.py")!r})
if profiler:
    profiler.disable()
"""
SCRIPTS = {"stface": STFACE_SCRIPT, "streamlit": (HERE / "apps" / "reverse_streamlit.py").read_text()}

_sent: list[int] = []
_parse = local_script_runner.parse_tree_from_messages


def _counting_parse(messages):
    _sent.append(sum(m.ByteSize() for m in messages))
    return _parse(messages)


local_script_runner.parse_tree_from_messages = _counting_parse


def _elements(node) -> int:
    children = getattr(node, "children", None) or {}
    return 1 + sum(_elements(child) for child in children.values())


def _submit(app: AppTest, number: int) -> None:
    app.text_input[0].input(f"text {number}")
    submit = [b for b in app.button if b.label == "Submit"][0]
    submit.click()


def measure(system: str, profile: bool = False) -> dict:
    app = AppTest.from_string(SCRIPTS[system], default_timeout=30)
    app.run()
    for number in range(5):  # warm: imports, caches
        _submit(app, number)
        app.run()
    times, sizes = [], []
    profiler = builtins.stface_profiler = cProfile.Profile() if profile else None
    for number in range(RERUNS):
        _submit(app, number)
        _sent.clear()
        start = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - start)
        sizes.append(_sent[-1])
        assert app.text_area[-1].value == f"text {number}"[::-1], "the answer must be on the page"
    result = {
        "rerun_ms_median": statistics.median(times) * 1000,
        "elements": _elements(app._tree.main),
        "bytes_per_rerun": statistics.median(sizes),
    }
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
        builtins.stface_profiler = None
        result["profile"] = out.getvalue()
    return result


def main() -> None:
    profile = "--profile" in sys.argv
    results = {system: measure(system, profile and system == "stface") for system in SCRIPTS}
    print(f"{'system':<10} {'rerun (median)':>15} {'elements':>9} {'bytes/rerun':>12}")
    for system, row in results.items():
        print(f"{system:<10} {row['rerun_ms_median']:>12.2f} ms {row['elements']:>9} {row['bytes_per_rerun']:>12.0f}")
    s, p = results["stface"], results["streamlit"]
    print(f"stface/streamlit: rerun x{s['rerun_ms_median'] / p['rerun_ms_median']:.2f}, "
          f"elements x{s['elements'] / p['elements']:.2f}, bytes x{s['bytes_per_rerun'] / p['bytes_per_rerun']:.2f}")  # fmt: skip
    if profile:
        print(results["stface"].pop("profile"))
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "rerun.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
