"""Gallery page: examples/live_speech_recognition.py."""

from pathlib import Path

from stface.runtime.entry import run_app

run_app(Path(__file__).resolve().parents[1] / "examples" / "live_speech_recognition.py", show_source=True)
