"""Gallery page: examples/plots.py."""

from pathlib import Path

from stface.runtime.entry import run_app

run_app(Path(__file__).resolve().parents[1] / "examples" / "plots.py", show_source=True)
