"""Gallery page: examples/webcam.py."""

from pathlib import Path

from stface.runtime.entry import run_app

run_app(Path(__file__).resolve().parents[1] / "examples" / "webcam.py", show_source=True)
