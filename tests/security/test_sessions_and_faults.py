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


def test_uploaded_html_is_offered_for_download_never_rendered():
    at = AppTest.from_string(textwrap.dedent("""
        import stface as gr
        gr.Interface(lambda f: f, gr.File(label="page"), gr.File(label="back")).launch()
    """), default_timeout=30).run()
    payload = b"<html><body><img src=x onerror=alert(1)>stolen</body></html>"
    at.file_uploader[0].set_value(("page.html", payload, "text/html"))
    next(b for b in at.button if b.label == "Submit").click().run()
    assert not at.error
    assert [b.label for b in at.get("download_button")] == ["Download page.html"]
    assert not [h for h in at.get("html") if b"stolen".decode() in h.value]
    assert not [m for m in at.markdown if "stolen" in m.value]


def test_svg_uploads_never_become_images():
    at = AppTest.from_string(textwrap.dedent("""
        import streamlit as st
        import stface as gr
        received = st.session_state.setdefault("received", [])
        gr.Interface(lambda im: received.append(im) or im, gr.Image(sources=["upload"]), "image").launch()
    """), default_timeout=30).run()
    assert "svg" not in at.file_uploader[0].proto.type  # the uploader does not offer SVG
    svg = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><rect/></svg>"
    at.file_uploader[0].set_value(("x.svg", svg, "image/svg+xml"))
    next(b for b in at.button if b.label == "Submit").click().run()
    assert at.session_state["received"] == []  # fn never saw it
    assert not at.get("image")
