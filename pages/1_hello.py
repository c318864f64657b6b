"""Gallery page: examples/hello.py."""

from pathlib import Path

from stface.runtime.entry import run_app

run_app(Path(__file__).resolve().parents[1] / "examples" / "hello.py", show_source=True)
