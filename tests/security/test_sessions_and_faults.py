"""Faults in fn and isolation between sessions, on real pages."""

from __future__ import annotations

import textwrap

from streamlit.testing.v1 import AppTest

APP = textwrap.dedent("""
    import stface as gr
    import sys
    def risky(text, history=[]):
        if text == "exit":
            sys.exit(1)
        if text == "boom":
            raise RuntimeError("/srv/secret/model.bin is corrupt")
        history = history + [text]
        return " ".join(history), history
    gr.Interface(risky, ["text", "state"], ["text", "state"]).launch()
""")


def submit(at: AppTest, text: str) -> AppTest:
    at.text_input[0].input(text)
    next(b for b in at.button if b.label == "Submit").click().run()
    return at


def test_errors_show_no_paths_and_the_next_submit_works():
    at = AppTest.from_string(APP, default_timeout=30).run()
    submit(at, "boom")
    assert "secret" not in at.error[0].value and "Traceback" not in at.error[0].value
    submit(at, "exit")
    assert not at.exception and len(at.error) == 1
    submit(at, "fine")
    assert not at.error and at.text_area[0].value == "fine"


def test_two_sessions_never_see_each_others_state_or_outputs():
    first = AppTest.from_string(APP, default_timeout=30).run()
    second = AppTest.from_string(APP, default_timeout=30).run()
    submit(first, "alpha")
    submit(second, "beta")
    submit(first, "gamma")
    assert first.text_area[0].value == "alpha gamma"
    assert second.text_area[0].value == "beta"
