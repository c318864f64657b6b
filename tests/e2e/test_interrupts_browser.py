"""A click in the middle of a request, in Chromium: fn runs once, and a stream goes on where it was.

Streamlit stops a running script when the person clicks anything and starts
the next run at once, beside it (its fast reruns). These pages count fn's
calls in a file, so a request that started again would show.
"""

from __future__ import annotations

import re
import time

import pytest
from e2e_support import open_app
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

COUNTING_APP = """
import os, time
import stface as gr

def count(n):
    with open(os.environ["STFACE_CALLS"], "a") as log:
        log.write("call\\n")
    for i in range(1, int(n) + 1):
        time.sleep(0.2)
        yield " ".join(str(k) for k in range(1, i + 1))

demo = gr.Interface(count, gr.Number(14, label="n"), gr.Textbox(label="count"))
"""

SLOW_APP = """
import os, time
import stface as gr

def reverse(text, progress=gr.Progress()):
    with open(os.environ["STFACE_CALLS"], "a") as log:
        log.write("call\\n")
    for step in range(10):
        if os.environ.get("STFACE_PROGRESS"):
            progress(step / 10, desc="reversing")
        time.sleep(0.2)
    return text[::-1]

demo = gr.Interface(reverse, gr.Textbox("hello", label="text"), gr.Textbox(label="reversed"))
"""


def _opened(tmp_path, launch_app, new_page, source: str, **env: str):
    app = tmp_path / "app.py"
    app.write_text(source)
    calls = tmp_path / "calls.log"
    page = new_page()
    open_app(page, launch_app(app, env={"STFACE_CALLS": str(calls), **env}).url)
    return page, calls


def _calls(calls) -> int:
    return len(calls.read_text().splitlines()) if calls.exists() else 0


def _rerun(page) -> None:
    """A click that reruns the page and touches nothing of the request: "Use via API"."""
    page.get_by_role("button", name="Use via API").click()
    expect(page.get_by_role("dialog")).to_be_visible()


def test_a_click_while_fn_streams_lets_the_stream_go_on_where_it_was(tmp_path, launch_app, new_page):
    page, calls = _opened(tmp_path, launch_app, new_page, COUNTING_APP)
    page.get_by_role("button", name="Submit").click()
    shown = page.get_by_label("count").first
    expect(shown).to_have_value(re.compile(r"^1 2 3"))
    _rerun(page)
    lengths = []
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        value = page.get_by_label("count").first.input_value()
        if value:  # between the last update and the answer the output is redrawn
            lengths.append(len(value.split()))
        if lengths and lengths[-1] == 14:
            break
        page.wait_for_timeout(50)
    assert lengths[-1] == 14, lengths
    assert lengths == sorted(lengths), f"the stream started again from its first update: {lengths}"
    assert _calls(calls) == 1


def test_submit_again_while_fn_streams_answers_the_new_inputs(tmp_path, launch_app, new_page):
    page, calls = _opened(tmp_path, launch_app, new_page, COUNTING_APP)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("count").first).to_have_value(re.compile(r"^1 2 3"))
    page.get_by_role("spinbutton").fill("3")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("button", name="Stop")).to_have_count(0, timeout=15_000)
    expect(page.get_by_label("count")).to_have_value("1 2 3")
    page.wait_for_timeout(1000)
    assert page.get_by_label("count").input_value() == "1 2 3" and _calls(calls) == 2


@pytest.mark.parametrize("progress", ["", "1"], ids=["plain", "with-progress"])
def test_a_click_while_fn_runs_does_not_run_it_again(tmp_path, launch_app, new_page, progress):
    page, calls = _opened(tmp_path, launch_app, new_page, SLOW_APP, STFACE_PROGRESS=progress)
    page.get_by_role("button", name="Submit").click()
    if progress:
        expect(page.get_by_text("reversing")).to_be_visible()
    else:
        page.wait_for_timeout(600)
    _rerun(page)
    page.keyboard.press("Escape")
    expect(page.get_by_label("reversed")).to_have_value("olleh", timeout=15_000)
    page.wait_for_timeout(2500)  # a second call would take 2 s
    assert _calls(calls) == 1


def test_clear_while_fn_streams_ends_the_request(tmp_path, launch_app, new_page):
    page, calls = _opened(tmp_path, launch_app, new_page, COUNTING_APP)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("count").first).to_have_value(re.compile(r"^1 2 3"))
    page.get_by_role("button", name="Clear").click()
    expect(page.get_by_role("button", name="Stop")).to_have_count(0)
    count = page.get_by_label("count")
    expect(count).to_have_count(1)
    page.wait_for_timeout(1500)
    assert count.input_value() == ""
    assert _calls(calls) == 1


CHAT_APP = """
import os, time
import stface as gr

def answer(message, history, shout):
    with open(os.environ["STFACE_CALLS"], "a") as log:
        log.write("call\\n")
    for n in range(1, 13):
        time.sleep(0.2)
        yield " ".join(f"w{k}" for k in range(1, n + 1))

demo = gr.ChatInterface(answer, additional_inputs=[gr.Checkbox(label="shout")], type="messages")
"""


def test_a_click_while_the_chat_answers_lets_the_answer_go_on_in_one_bubble(tmp_path, launch_app, new_page):
    page, calls = _opened(tmp_path, launch_app, new_page, CHAT_APP)
    page.get_by_text("Additional Inputs").click()  # Gradio's accordion, closed at first
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill("hello")
    box.press("Enter")
    bubbles = page.get_by_test_id("stChatMessage")
    expect(bubbles.last).to_contain_text("w1 w2 w3")
    page.get_by_text("shout").click()  # a widget of the page: Streamlit stops this run and starts the next
    expect(bubbles.last).to_contain_text("w11 w12", timeout=15_000)
    page.wait_for_timeout(1500)  # an answer started again would take 2.4 s
    assert bubbles.count() == 2 and bubbles.last.inner_text().strip().endswith("w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12")
    assert _calls(calls) == 1


def test_clear_while_the_chat_answers_ends_the_answer(tmp_path, launch_app, new_page):
    page, calls = _opened(tmp_path, launch_app, new_page, CHAT_APP)
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill("first")
    box.press("Enter")
    bubbles = page.get_by_test_id("stChatMessage")
    expect(bubbles.last).to_contain_text("w11 w12", timeout=15_000)
    box.fill("second")
    box.press("Enter")
    expect(bubbles.last).to_contain_text("w1 w2 w3")
    page.get_by_role("button", name="Clear").click()  # still on the page from the run before
    expect(bubbles).to_have_count(0)
    page.wait_for_timeout(1500)
    expect(bubbles).to_have_count(0)
    assert _calls(calls) == 2


INTERPRET_APP = """
import os, time
import stface as gr

def score(text):
    with open(os.environ["STFACE_CALLS"], "a") as log:
        log.write("call\\n")
    time.sleep(0.3)
    return {"long": min(len(text) / 30, 1.0), "short": 1 - min(len(text) / 30, 1.0)}

demo = gr.Interface(score, gr.Textbox("one two three four five", label="text"), "label", interpretation="default")
"""


def test_a_click_while_interpreting_does_not_compute_it_again(tmp_path, launch_app, new_page):
    page, calls = _opened(tmp_path, launch_app, new_page, INTERPRET_APP)
    page.get_by_role("button", name="Submit").click()
    interpret = page.get_by_role("button", name="Interpret")
    expect(interpret).to_be_visible(timeout=15_000)
    before = _calls(calls)
    interpret.click()
    explained = page.get_by_text("Interpretation of text")
    expect(explained).to_be_visible(timeout=15_000)
    page.wait_for_timeout(500)
    once = _calls(calls) - before  # calls one explanation takes
    assert once > 2
    interpret.click()
    expect(page.get_by_text("Interpreting…")).to_be_visible()
    _rerun(page)
    page.keyboard.press("Escape")
    expect(explained).to_be_visible(timeout=15_000)
    page.wait_for_timeout(0.3 * once * 1000 + 1000)  # time for a second computation to show
    assert _calls(calls) - before == 2 * once
