"""Gallery page: examples/load_text_generation.py."""

from pathlib import Path

from stface.runtime.entry import run_app

run_app(Path(__file__).resolve().parents[1] / "examples" / "load_text_generation.py", show_source=True)
