"""gr.cache in a real page: the same input submitted twice runs fn once; per_session entries belong to the session.

(AppTest gives every app the same session id, so two browser sessions
kept apart are shown in tests/unit/test_caching.py with two Requests.)
"""

from __future__ import annotations

import importlib
import sys
import textwrap
import uuid

from streamlit.testing.v1 import AppTest

# The app's module is imported once per process, as `stface launch` and
# `python app.py` import it: its cache outlives each rerun.
APP_MODULE = """
import stface as gr

calls = []

@gr.cache
def shout(text):
    calls.append(text)
    return text.upper() + "!"

@gr.cache(per_session=True)
def mine(text):
    calls.append(("mine", text))
    return f"{text} #{len(calls)}"

demo = gr.Interface(shout, gr.Textbox(label="text"), gr.Textbox(label="output"))
per_session = gr.Interface(mine, gr.Textbox(label="text"), gr.Textbox(label="output"))
"""

PAGE = """
import sys
sys.path.insert(0, {folder!r})
import {module}
{module}.{name}.render()
"""


def _app(tmp_path, name: str) -> tuple[str, object]:
    module = f"cached_app_{uuid.uuid4().hex[:8]}"
    (tmp_path / f"{module}.py").write_text(textwrap.dedent(APP_MODULE))
    sys.path.insert(0, str(tmp_path))
    app = importlib.import_module(module)
    return PAGE.format(folder=str(tmp_path), module=module, name=name), app


def _submit(at: AppTest, text: str) -> str:
    at.text_input[0].input(text)
    next(b for b in at.button if b.label == "Submit").click()
    at.run()
    assert not at.exception and not at.error
    return at.text_area[0].value


def test_a_cached_fn_submitted_twice_with_the_same_input_runs_once(tmp_path):
    page, app = _app(tmp_path, "demo")
    at = AppTest.from_string(page, default_timeout=30).run()
    assert _submit(at, "hello") == "HELLO!"
    at.text_input[0].input("other")  # a different value in between, then the first again
    assert _submit(at, "hello") == "HELLO!"
    assert app.calls == ["hello"]
    assert _submit(at, "bye") == "BYE!"
    assert app.calls == ["hello", "bye"]


def test_per_session_entries_are_kept_under_the_pages_session(tmp_path):
    page, app = _app(tmp_path, "per_session")
    at = AppTest.from_string(page, default_timeout=30).run()
    assert _submit(at, "q") == "q #1"
    assert app.mine("q") == "q #2"  # outside the page (no session): not the page's entry
    assert _submit(at, "q") == "q #1"  # the page's session still has its own
    assert app.calls == [("mine", "q"), ("mine", "q")]
