"""Gallery page: examples/series_generate_translate.py."""

from pathlib import Path

from stface.runtime.entry import run_app

run_app(Path(__file__).resolve().parents[1] / "examples" / "series_generate_translate.py", show_source=True)
