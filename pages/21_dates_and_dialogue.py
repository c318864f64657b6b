"""Gallery page: examples/dates_and_dialogue.py."""

from pathlib import Path

from stface.runtime.entry import run_app

run_app(Path(__file__).resolve().parents[1] / "examples" / "dates_and_dialogue.py", show_source=True)
