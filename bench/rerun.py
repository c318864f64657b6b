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
RERUNS, BLOCK = 200, 10  # reruns per page, in alternating blocks of BLOCK
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


class _Page:
    """One system's page under AppTest, warmed up, with its reruns' times and sizes."""

    def __init__(self, system: str) -> None:
        self.app = AppTest.from_string(SCRIPTS[system], default_timeout=30)
        self.app.run()
        self.done = 0
        self.times: list[float] = []
        self.sizes: list[int] = []
        for _ in range(5):  # warm: imports, caches
            self.rerun(timed=False)

    def rerun(self, timed: bool = True) -> None:
        number = self.done
        _submit(self.app, number)
        _sent.clear()
        start = time.perf_counter()
        self.app.run()
        elapsed = time.perf_counter() - start
        self.done += 1
        assert self.app.text_area[-1].value == f"text {number}"[::-1], "the answer must be on the page"
        if timed:
            self.times.append(elapsed)
            self.sizes.append(_sent[-1])

    def result(self) -> dict:
        return {
            "rerun_ms_median": statistics.median(self.times) * 1000,
            "elements": _elements(self.app._tree.main),
            "bytes_per_rerun": statistics.median(self.sizes),
        }


def measure_side_by_side(profile: bool = False) -> dict[str, dict]:
    """Both pages' reruns, in alternating blocks (each block's first page alternates too).

    Run one after the other, the second page met a machine and a heap the
    first had left (the same process): the hand-written page measured 3.1 ms
    in one run and 4.6 ms in another. Alternating blocks give both the same
    conditions.
    """
    pages = {system: _Page(system) for system in SCRIPTS}
    profiler = cProfile.Profile() if profile else None
    for block in range(RERUNS // BLOCK):
        order = list(pages) if block % 2 == 0 else list(pages)[::-1]
        for system in order:
            builtins.stface_profiler = profiler if system == "stface" else None
            for _ in range(BLOCK):
                pages[system].rerun()
    builtins.stface_profiler = None
    results = {system: page.result() for system, page in pages.items()}
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
        results["stface"]["profile"] = out.getvalue()
    return results


def main() -> None:
    profile = "--profile" in sys.argv
    results = measure_side_by_side(profile)
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
