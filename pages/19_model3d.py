"""Gallery page: examples/model3d.py."""

from pathlib import Path

from stface.runtime.entry import run_app

run_app(Path(__file__).resolve().parents[1] / "examples" / "model3d.py", show_source=True)
