"""gr.I18n in two browser languages and gr.BrowserState across reloads, in Chromium against real servers."""

from __future__ import annotations

import json
import sys
import textwrap

import pytest
from e2e_support import count_most, most_seen, open_app, submit, wait_idle
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

I18N_APP = """
import stface as gr

i18n = gr.I18n(
    en={"name": "Your name", "title": "Greeter", "intro": "Says hello.", "go": "Greet", "hint": "Type a name",
        "colour": "Colour", "red": "Red", "blue": "Blue", "answer": "Greeting", "help": "Only in English",
        "hello": "Hello"},
    fr={"name": "Votre nom", "title": "Salutations", "intro": "Dit bonjour.", "go": "Saluer",
        "hint": "Tapez un nom", "colour": "Couleur", "red": "Rouge", "blue": "Bleu", "answer": "Salut",
        "hello": "Bonjour"},
)

def greet(name, colour, request: gr.Request):
    return i18n("hello") + f" {name} ({colour})"

demo = gr.Interface(
    greet,
    [gr.Textbox(label=i18n("name"), placeholder=i18n("hint"), info=i18n("help")),
     gr.Dropdown([(i18n("red"), "red"), (i18n("blue"), "blue")], value="red", label=i18n("colour"))],
    gr.Textbox(label=i18n("answer")),
    title=i18n("title"), description=i18n("intro"), article=i18n("no-such-key"), submit_btn=i18n("go"),
)
demo.launch(i18n=i18n)
"""


FRENCH = {
    "title": "Salutations",
    "intro": "Dit bonjour.",
    "name": "Votre nom",
    "hint": "Tapez un nom",
    "colour": "Couleur",
    "red": "Rouge",
    "go": "Saluer",
    "answer": "Salut",
    "result": "Bonjour Ada (red)",
}
ENGLISH = {
    "title": "Greeter",
    "intro": "Says hello.",
    "name": "Your name",
    "hint": "Type a name",
    "colour": "Colour",
    "red": "Red",
    "go": "Greet",
    "answer": "Greeting",
    "result": "Hello Ada (red)",
}


@pytest.mark.parametrize(
    ("locale", "shown"),
    [("fr-FR", FRENCH), ("fr-CA", FRENCH), ("en-US", ENGLISH), ("de-DE", ENGLISH)],  # fr-CA: its language; de: English
)
def test_labels_titles_buttons_and_values_follow_the_browser_language(tmp_path, launch_app, browser, locale, shown):
    app = tmp_path / "i18n_app.py"
    app.write_text(textwrap.dedent(I18N_APP))
    server = launch_app(app)
    context = browser.new_context(locale=locale)
    try:
        page = context.new_page()
        open_app(page, server.url)
        assert page.evaluate("navigator.language") == locale  # what st.context.locale reports
        expect(page.locator("h1.stface-title")).to_have_text(shown["title"])
        expect(page.get_by_text(shown["intro"], exact=True)).to_be_visible()
        labels = page.get_by_test_id("stWidgetLabel")
        for label in (shown["name"], shown["colour"], shown["answer"]):
            expect(labels.filter(has_text=label)).to_have_count(1)
        expect(page.get_by_role("combobox", name=shown["colour"])).to_have_value(shown["red"])
        expect(page.get_by_text("no-such-key", exact=True)).to_be_visible()  # a key with no text shows itself
        page.get_by_placeholder(shown["hint"]).fill("Ada")
        submit(page, shown["go"])
        expect(page.locator("textarea:disabled")).to_have_value(shown["result"])  # fn's i18n value, translated
    finally:
        context.close()


RENDERED_APP = """
import streamlit as st
import stface as gr

i18n = gr.I18n(en={"name": "Your name", "go": "Greet"}, fr={"name": "Votre nom", "go": "Saluer"})
st.header("My own page")
gr.Interface(lambda name: name, gr.Textbox(label=i18n("name")), "text", submit_btn=i18n("go")).render(key="tool")
"""


def test_render_under_streamlit_run_translates_without_launch_i18n(tmp_path, start_server, browser):
    (tmp_path / "page.py").write_text(textwrap.dedent(RENDERED_APP))
    server = start_server([sys.executable, "-m", "streamlit", "run", str(tmp_path / "page.py"), "--server.port", "{port}",
                           "--server.address", "127.0.0.1", "--server.headless", "true",
                           "--browser.gatherUsageStats", "false"])  # fmt: skip
    for locale, label, button in (("fr-FR", "Votre nom", "Saluer"), ("en-GB", "Your name", "Greet")):
        context = browser.new_context(locale=locale)
        try:
            page = context.new_page()
            open_app(page, server.url)
            expect(page.get_by_test_id("stWidgetLabel").filter(has_text=label)).to_have_count(1)
            expect(page.get_by_role("button", name=button, exact=True)).to_be_visible()
        finally:
            context.close()


COUNTER_APP = """
import stface as gr

def count(name, visits):
    return f"{name} #{visits + 1}", visits + 1

visits = gr.BrowserState(0)
demo = gr.Interface(count, ["text", visits], ["text", visits])
"""
STORED = "Object.keys(localStorage).filter(k => k.startsWith('stface_browser_state_'))"


def _visit(page, name: str = "Ada") -> str:
    page.get_by_role("textbox", name="name").fill(name)
    submit(page)
    answer = page.locator("textarea:disabled")
    expect(answer).not_to_have_value("")
    return answer.input_value()


def _wait_stored(page, visits: int) -> None:
    """The browser writes the value when the run's last element arrives; wait for it before a reload."""
    # Until then the key may still hold what a test put there by hand, which need not parse.
    page.wait_for_function(
        f"{STORED}.some(k => {{ try {{ return JSON.parse(JSON.parse(localStorage.getItem(k)).data) === {visits}; }}"
        " catch (e) { return false; } })"
    )


def test_browser_state_outlives_reloads_in_its_own_browser_only(tmp_path, launch_app, browser):
    app = tmp_path / "counter_app.py"
    app.write_text(textwrap.dedent(COUNTER_APP))
    server = launch_app(app)
    context = browser.new_context()
    try:
        page = context.new_page()
        open_app(page, server.url)
        assert _visit(page) == "Ada #1"
        assert _visit(page) == "Ada #2"
        _wait_stored(page, 2)
        page.reload()
        wait_idle(page)
        assert _visit(page) == "Ada #3"  # the count goes on after the reload
        other = browser.new_context()  # another browser starts from default_value
        try:
            fresh = other.new_page()
            open_app(fresh, server.url)
            assert _visit(fresh, "Bob") == "Bob #1"
        finally:
            other.close()
        _wait_stored(page, 3)
        page.reload()
        wait_idle(page)
        assert _visit(page) == "Ada #4"  # and the other browser's count did not touch this one
    finally:
        context.close()


def test_an_edited_or_broken_stored_value_falls_back_to_the_default(tmp_path, launch_app, browser):
    app = tmp_path / "counter_app.py"
    app.write_text(textwrap.dedent(COUNTER_APP))
    server = launch_app(app)
    context = browser.new_context()
    try:
        page = context.new_page()
        open_app(page, server.url)
        storage = page.locator("[class*='st-key-stface-'][class*='-browser-storage']")
        expect(storage).to_have_count(1)
        expect(storage).to_be_hidden()  # in the page in every run, so nothing moves, yet it shows nothing
        assert _visit(page) == "Ada #1"
        assert _visit(page) == "Ada #2"
        _wait_stored(page, 2)
        (key,) = page.evaluate(STORED)
        stored = json.loads(page.evaluate("k => localStorage.getItem(k)", key))
        edited = json.dumps({**stored, "data": "1000"})  # the count raised by hand, signature unchanged
        for tampered in (edited, "{not json", json.dumps({"v": 1, "data": "[" * 5000, "sig": "0" * 64}), "null"):
            page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, tampered])
            page.reload()
            wait_idle(page)
            count_most(page, "textarea:disabled")
            assert _visit(page) == "Ada #1", tampered[:40]  # default_value (0), no error
            # Reading the stored value does not move the page: no second, stale answer box during the run.
            assert most_seen(page) == 1
            expect(page.get_by_test_id("stException")).to_have_count(0)
            _wait_stored(page, 1)  # and the browser holds a good value again
    finally:
        context.close()
