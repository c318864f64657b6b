"""Gallery page: examples/chat_tiny_lm.py."""

from pathlib import Path

from stface.runtime.entry import run_app

run_app(Path(__file__).resolve().parents[1] / "examples" / "chat_tiny_lm.py", show_source=True)
