"""Gallery page: examples/live_webcam_filter.py."""

from pathlib import Path

from stface.runtime.entry import run_app

run_app(Path(__file__).resolve().parents[1] / "examples" / "live_webcam_filter.py", show_source=True)
