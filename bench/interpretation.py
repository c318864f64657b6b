"""Interpretation cost beside Gradio 3.50, measured in the same run.

For each workload in bench/workloads.py (one fake model: a fixed time per
call plus a little per item), stface interprets unbatched and batched, and
Gradio 3.50.2 runs the same workload in its own virtual environment
(bench/gradio350_peer.py in bench/.gradio350/, built by `make bench`).
Gradio 3.50 does not batch interpretation, so both stface modes are compared
with its one (unbatched) run.

Reported per workload and mode: wall seconds, fn calls, model time (time
inside fn), overhead (wall - model time) and the ratio Gradio / stface.
"warm" is the run with the median overhead of RUNS runs after a first run in
the same process, stface and Gradio taking turns run by run (this machine's
speed switches between states some 35% apart every few seconds; one side
measured after the other let the state decide the ratio, x8.9 in one run
and x10.7 in the next);
"cold" is the first interpretation in a fresh process, so it includes
importing scikit-image or shap, which a server pays once.

Run with `make bench` or `python bench/interpretation.py`; results go to
bench/results/interpretation.json.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from workloads import BY_NAME, PER_CALL_S, PER_ITEM_S, WORKLOADS, Workload, measure, median_run

GRADIO_PYTHON = HERE / ".gradio350" / "bin" / "python"
GRADIO_PEER = HERE / "gradio350_peer.py"
BUILD_HINT = "make bench/.gradio350/.installed (or make bench)"
MODES = (False, True)
RUNS = 15  # warm runs per workload and mode, stface and Gradio 3.50 taking turns; the median is reported


def _stface(workload: Workload, batched: bool) -> dict:
    import stface as gr

    value = workload.value()

    def prepare(model):
        demo = gr.Interface(model, workload.kind, "label", interpretation=workload.method,
                            num_shap=workload.num_shap, batch=batched, max_batch_size=64)  # fmt: skip
        return lambda: demo.interpret(value)

    return measure(prepare, workload.predict, batched)


def warm() -> tuple[dict[tuple[str, bool], dict], dict[str, dict] | None]:
    """stface's warm runs by (workload, batched), and Gradio 3.50's by workload (None when not built).

    For each workload: a first run of each (imports, first-call caches), then
    RUNS turns of one stface run per mode and one Gradio run.
    """
    peer = _Peer.start()
    ours: dict[tuple[str, bool], list[dict]] = {(w.name, b): [] for w in WORKLOADS for b in MODES}
    theirs: dict[str, list[dict]] = {w.name: [] for w in WORKLOADS}
    try:
        for workload in WORKLOADS:
            for _ in range(RUNS + 1):
                for batched in MODES:
                    ours[workload.name, batched].append(_stface(workload, batched))
                if peer is not None:
                    theirs[workload.name].append(peer.run(workload.name))
    finally:
        if peer is not None:
            peer.close()
    stface_runs = {key: median_run(runs[1:]) for key, runs in ours.items()}
    if peer is None:
        return stface_runs, None
    gradio_runs = {name: {**median_run(runs[1:]), "import_seconds": peer.import_seconds} for name, runs in theirs.items()}
    return stface_runs, gradio_runs


class _Peer:
    """Gradio 3.50 in its own environment (``gradio350_peer.py --serve``): one run per workload name sent."""

    def __init__(self, process: subprocess.Popen, errors) -> None:
        self.process, self.errors = process, errors
        self.import_seconds = self._answer()["import_seconds"]

    @classmethod
    def start(cls) -> _Peer | None:
        if not GRADIO_PYTHON.exists():
            return None
        errors = tempfile.TemporaryFile("w+")
        process = subprocess.Popen(_peer_command("--serve"), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=errors, text=True, env=_PEER_ENV)  # fmt: skip
        return cls(process, errors)

    def run(self, name: str) -> dict:
        self.process.stdin.write(name + "\n")
        self.process.stdin.flush()
        return self._answer()

    def _answer(self) -> dict:
        for line in self.process.stdout:  # Gradio may print its own lines
            if line.startswith("@@ "):
                return json.loads(line[3:])
        self.errors.seek(0)
        raise _peer_failed(self.errors.read())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)
        self.errors.close()


_PEER_ENV = {**os.environ, "PYTHONPATH": ""}  # Gradio 3.50's environment sees none of ours


def _peer_command(*args: str) -> list[str]:
    return [str(GRADIO_PYTHON), str(GRADIO_PEER), *args]


def _peer_failed(stderr: str) -> SystemExit:
    return SystemExit(f"The Gradio 3.50 peer failed:\n{stderr[-3000:]}\nRebuild it: {BUILD_HINT}")


def stface_cold() -> dict[tuple[str, bool], dict]:
    """Each workload and mode in a fresh process (``--cold``)."""
    results = {}
    for workload in WORKLOADS:
        for batched in MODES:
            args = [sys.executable, __file__, "--cold", workload.name] + (["--batched"] if batched else [])
            results[workload.name, batched] = json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)
    return results


def gradio_cold() -> dict[str, dict] | None:
    """Gradio 3.50's first run of each workload, each in a fresh process, or None when its environment is not built."""
    if not GRADIO_PYTHON.exists():
        return None
    results = {}
    for workload in WORKLOADS:
        done = subprocess.run(_peer_command("--cold", workload.name), capture_output=True, text=True, env=_PEER_ENV)
        if done.returncode:
            raise _peer_failed(done.stderr)
        output = json.loads(done.stdout.strip().splitlines()[-1])
        results.update({row["workload"]: {**row, "import_seconds": output["import_seconds"]} for row in output["rows"]})
    return results


def _table(stface_runs: dict, gradio_runs: dict | None, title: str, *, imports: bool = False) -> list[str]:
    """One line per workload and mode; with ``imports``, also each framework's import plus that first run."""
    header = (f"{'workload':<25} {'mode':<10} {'stface s':>9} {'Gradio s':>9} {'calls':>9} "
              f"{'model s':>15} {'overhead s':>15} {'Gradio/stface':>14}")  # fmt: skip
    lines = [title, header + (f" {'with import s':>15} {'ratio':>6}" if imports else "")]
    for workload in WORKLOADS:
        peer = (gradio_runs or {}).get(workload.name)
        for batched in MODES:
            ours = stface_runs[workload.name, batched]
            theirs = ("-",) * 7
            if peer is not None:
                ours_total, theirs_total = (r["seconds"] + r.get("import_seconds", 0.0) for r in (ours, peer))
                theirs = (f"{peer['seconds']:.3f}", peer["fn_calls"], f"{peer['model_seconds']:.3f}",
                          f"{peer['overhead_seconds']:.3f}", f"x{peer['seconds'] / ours['seconds']:.1f}",
                          f"{ours_total:.2f}/{theirs_total:.2f}", f"x{theirs_total / ours_total:.1f}")  # fmt: skip
            line = (
                f"{workload.name:<25} {'batched' if batched else 'unbatched':<10} {ours['seconds']:>9.3f} {theirs[0]:>9} "
                f"{str(ours['fn_calls']) + '/' + str(theirs[1]):>9} {ours['model_seconds']:>7.3f}/{theirs[2]:>7} "
                f"{ours['overhead_seconds']:>7.3f}/{theirs[3]:>7} {theirs[4]:>14}"
            )
            lines.append(line + (f" {theirs[5]:>15} {theirs[6]:>6}" if imports else ""))
    return lines


def _acceptance(warm: dict, gradio_warm: dict | None) -> list[dict]:
    """The targets of issue 11, checked on the warm runs."""
    if gradio_warm is None:
        return []
    checks = []
    for workload in WORKLOADS:
        ours, theirs = warm[workload.name, False], gradio_warm[workload.name]
        checks.append({"check": f"unbatched overhead <= Gradio 3.50's: {workload.name}",
                       "stface": round(ours["overhead_seconds"], 4), "gradio": round(theirs["overhead_seconds"], 4),
                       "met": ours["overhead_seconds"] <= theirs["overhead_seconds"]})  # fmt: skip
    name = "image default (224x224)"
    ratio = gradio_warm[name]["seconds"] / warm[name, True]["seconds"]
    checks.append({"check": f"batched {name} at least x10 faster than Gradio 3.50", "ratio": round(ratio, 2), "met": ratio >= 10})
    return checks


def _rows(warm: dict, cold: dict, gradio_warm: dict | None, gradio_cold: dict | None) -> list[dict]:
    rows = []
    for workload in WORKLOADS:
        for batched in MODES:
            row = {"workload": workload.name, "batched": batched, "stface": warm[workload.name, batched],
                   "stface_cold": cold[workload.name, batched]}  # fmt: skip
            if gradio_warm is not None and gradio_cold is not None:
                peer = gradio_warm[workload.name]
                row.update(gradio350=peer, gradio350_cold=gradio_cold[workload.name],
                           gradio350_batched=False, ratio=peer["seconds"] / row["stface"]["seconds"],
                           cold_ratio=gradio_cold[workload.name]["seconds"] / row["stface_cold"]["seconds"])  # fmt: skip
            rows.append(row)
    return rows


def main() -> None:
    if "--cold" in sys.argv:
        name = next(a for a in sys.argv[1:] if not a.startswith("--"))
        start = time.perf_counter()
        import stface  # noqa: F401

        imported = time.perf_counter() - start
        print(json.dumps({**_stface(BY_NAME[name], "--batched" in sys.argv), "import_seconds": imported}))
        return
    ours, gradio_warm = warm()
    cold, theirs_cold = stface_cold(), gradio_cold()
    if gradio_warm is None:
        print(f"Gradio 3.50 is not installed in {GRADIO_PYTHON.parent.parent}; build it with: {BUILD_HINT}\n")
    title = f"warm: median of {RUNS} runs after a first run, stface and Gradio taking turns run by run"
    print("\n".join(_table(ours, gradio_warm, title)))
    print()
    print("\n".join(_table(cold, theirs_cold, "cold: first interpretation in a fresh process (includes importing "
                                              "scikit-image or shap); 'with import': plus `import stface` / `import gradio`",
                            imports=True)))  # fmt: skip
    print("\nGradio 3.50 does not batch interpretation (one fn call per row even with batch=True): "
          "both stface modes are compared with its one run.")  # fmt: skip
    checks = _acceptance(ours, gradio_warm)
    for check in checks:
        print(f"{'met' if check['met'] else 'NOT MET'}: {check['check']} "
              f"({', '.join(f'{k} {v}' for k, v in check.items() if k not in ('check', 'met'))})")  # fmt: skip
    out = HERE / "results" / "interpretation.json"
    machine = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count()}
    report = {"model": {"per_call_s": PER_CALL_S, "per_item_s": PER_ITEM_S}, "machine": machine, "runs": RUNS,
              "gradio350": "missing: " + BUILD_HINT if gradio_warm is None else "3.50.2",
              "rows": _rows(ours, cold, gradio_warm, theirs_cold), "acceptance": checks}  # fmt: skip
    out.write_text(json.dumps(report, indent=2))
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
