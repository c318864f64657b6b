"""Gallery page: examples/transcribe_audio.py."""

from pathlib import Path

from stface.runtime.entry import run_app

run_app(Path(__file__).resolve().parents[1] / "examples" / "transcribe_audio.py", show_source=True)
