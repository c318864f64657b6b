"""Gallery page: examples/css_red.py."""

from pathlib import Path

from stface.runtime.entry import run_app

run_app(Path(__file__).resolve().parents[1] / "examples" / "css_red.py", show_source=True)
