"""Gallery page: examples/color_code.py."""

from pathlib import Path

from stface.runtime.entry import run_app

run_app(Path(__file__).resolve().parents[1] / "examples" / "color_code.py", show_source=True)
