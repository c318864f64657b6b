"""Gallery page: examples/live_audio_effect.py."""

from pathlib import Path

from stface.runtime.entry import run_app

run_app(Path(__file__).resolve().parents[1] / "examples" / "live_audio_effect.py", show_source=True)
