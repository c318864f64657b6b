"""The rest of the Interface surface in Chromium: css, flagging, streaming, auth."""

from __future__ import annotations

import json
import re

import pytest
from e2e_support import ROOT, open_app, submit
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def _opened(tmp_path, launch_app, new_page, name: str, source: str):
    """The app's page: ``source`` written to ``tmp_path/name``, served by `stface launch`, opened in Chromium."""
    app = tmp_path / name
    app.write_text(source)
    page = new_page()
    open_app(page, launch_app(app).url)
    return page


def test_seed_css_turns_the_page_red_and_inlines_file_references(launch_app, new_page):
    server = launch_app(ROOT / "examples" / "css_red.py")
    page = new_page()
    open_app(page, server.url)
    app = page.locator("[data-testid='stApp']")
    expect(app).to_have_css("background-color", "rgb(255, 0, 0)")
    title = page.locator(".stface-title")
    expect(title).to_have_css("background-image", re.compile(r"url\(\"data:image/png;base64,"))


GRADIO6_STYLE_APP = """
import stface as gr
demo = gr.Interface(lambda s: s, "text", "text", title="Styled at launch", css="body {background-color: red}")
demo.launch(css="body {background-color: rgb(0, 0, 255)}", css_paths="extra.css", footer_links=["api"])
"""


def test_gradio_6_launch_css_and_css_paths_replace_the_constructors(tmp_path, launch_app, new_page):
    (tmp_path / "extra.css").write_text(".stface-title {color: rgb(0, 128, 0)}")
    page = _opened(tmp_path, launch_app, new_page, "styled.py", GRADIO6_STYLE_APP)
    expect(page.locator("[data-testid='stApp']")).to_have_css("background-color", "rgb(0, 0, 255)")
    expect(page.locator(".stface-title")).to_have_css("color", "rgb(0, 128, 0)")


COUNTING_APP = """
import time
import stface as gr

def count(n):
    for i in range(1, int(n) + 1):
        time.sleep(0.25)
        yield " ".join(str(k) for k in range(1, i + 1))

demo = gr.Interface(count, gr.Number(60, label="n"), gr.Textbox(label="count"))
"""


def test_stop_keeps_what_streamed_and_the_next_rerun_does_not_run_fn_again(tmp_path, launch_app, new_page):
    page = _opened(tmp_path, launch_app, new_page, "counting.py", COUNTING_APP)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("count").first).to_have_value(re.compile(r"^1 2 3"))  # the streamed update
    page.get_by_role("button", name="Stop").click()  # Gradio's Stop, shown while a generator streams
    expect(page.get_by_role("button", name="Stop")).to_have_count(0)
    page.get_by_role("button", name="Use via API").click()  # a rerun without Submit: fn must not start again
    expect(page.get_by_role("dialog")).to_be_visible()
    count = page.get_by_label("count")
    expect(count).to_have_count(1)
    shown = count.input_value()
    assert shown.startswith("1 2 3") and not shown.endswith(" 60")  # what streamed before Stop
    page.wait_for_timeout(1500)
    assert count.input_value() == shown


GROWING_APP = """
import time
import stface as gr

def stream(text):
    for i in range(1, 7):
        time.sleep(0.2)
        yield "stream"[:i]

demo = gr.Interface(stream, gr.Textbox(label="text"), gr.Textbox(label="answer"))
"""

# What the page painted, one entry per animation frame that changed: the answer boxes' values.
_WATCH_FRAMES = """() => {
  window.__frames = [];
  const tick = () => {
    const shown = [...document.querySelectorAll('[aria-label="answer"]')].filter(box => box.offsetParent !== null);
    const frame = JSON.stringify(shown.map(box => box.value));
    if (window.__frames[window.__frames.length - 1] !== frame) window.__frames.push(frame);
    requestAnimationFrame(tick);
  };
  tick();
}"""


def test_a_streamed_answer_grows_in_one_box_without_blank_frames(tmp_path, launch_app, new_page):
    """Every painted frame shows one answer box: the last answer until the first update, then each update in place."""
    page = _opened(tmp_path, launch_app, new_page, "growing.py", GROWING_APP)
    for _ in range(2):
        expect(page.get_by_label("answer")).to_be_visible()
        page.evaluate(_WATCH_FRAMES)
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_role("button", name="Stop")).to_have_count(1)
        expect(page.get_by_role("button", name="Stop")).to_have_count(0, timeout=15_000)
        page.wait_for_timeout(300)
        frames = [json.loads(frame) for frame in page.evaluate("window.__frames")]
        assert all(len(boxes) == 1 for boxes in frames), frames  # never a second box, never none
        values = [boxes[0] for boxes in frames]
        assert values[-1] == "stream", values
        first_update = values.index("s")
        assert set(values[:first_update]) <= {values[0]}, values  # the last answer stays until the first update
        streamed = values[first_update:]
        if streamed[-2:] == ["", "stream"]:  # the answer's own text area, which Streamlit may mount empty for one
            streamed = [v for v in streamed[:-2] if v != "stream"] + ["stream"]  # frame on a busy machine, once
        assert streamed == ["s", "st", "str", "stre", "strea", "stream"], values  # no blank frame between updates


FLAG_APP = """
import os
import stface as gr
demo = gr.Interface(lambda s: s[::-1], gr.Textbox(label="text"), "text", flagging_dir=os.environ["STFACE_FLAGS"])
"""


def test_two_sessions_flag_at_once_and_the_csv_has_both_rows(tmp_path, launch_app, browser):
    import csv

    app = tmp_path / "flag_app.py"
    app.write_text(FLAG_APP)
    server = launch_app(app, env={"STFACE_FLAGS": str(tmp_path / "flags")})
    pages = [browser.new_context().new_page() for _ in range(2)]
    for number, page in enumerate(pages):
        open_app(page, server.url)
        page.get_by_label("text").fill(f"person {number}")
        submit(page)
        expect(page.get_by_role("button", name="Flag")).to_be_visible()
    for page in pages:  # both clicks go out before either finishes
        page.get_by_role("button", name="Flag").click()
    for page in pages:
        expect(page.get_by_text("Flagged. Thank you!")).to_be_visible()
        page.context.close()
    with open(tmp_path / "flags" / "log.csv", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:2] == ["text", "output"]
    assert sorted(r[0] for r in rows[1:]) == ["person 0", "person 1"]
    assert sorted(r[1] for r in rows[1:]) == ["0 nosrep", "1 nosrep"]


STREAM_APP = """
import time
import stface as gr

def spell(word):
    shown = ""
    for letter in word:
        shown += letter
        time.sleep(0.6)
        yield shown

demo = gr.Interface(spell, gr.Textbox(label="word"), gr.Textbox(label="spelled"))
"""


def test_streamed_output_grows_before_fn_returns(tmp_path, launch_app, new_page):
    page = _opened(tmp_path, launch_app, new_page, "stream_app.py", STREAM_APP)
    page.get_by_label("word").fill("stream")
    page.get_by_role("button", name="Submit").click()
    seen = set()
    for _ in range(60):
        seen.update(page.locator("textarea").evaluate_all("els => els.map(e => e.value)"))
        if "stream" in seen:
            break
        page.wait_for_timeout(100)
    partial = {value for value in seen if value and "stream".startswith(value) and value != "stream"}
    assert len(partial) >= 2, seen  # intermediate updates were on the page
    expect(page.get_by_label("spelled")).to_have_value("stream")


CONCURRENT_APP = """
import os, time, fcntl
import stface as gr

def slow_double(n):
    with open(os.environ["STFACE_SPANS"], "a") as log:
        fcntl.flock(log, fcntl.LOCK_EX)
        log.write(f"start {time.monotonic()}\\n")
        fcntl.flock(log, fcntl.LOCK_UN)
    time.sleep(0.5)
    with open(os.environ["STFACE_SPANS"], "a") as log:
        fcntl.flock(log, fcntl.LOCK_EX)
        log.write(f"end {time.monotonic()}\\n")
        fcntl.flock(log, fcntl.LOCK_UN)
    return n * 2

demo = gr.Interface(slow_double, gr.Number(label="n"), gr.Number(label="double"), concurrency_limit=2)
"""


def test_ten_sessions_with_concurrency_limit_two(tmp_path, launch_app, browser):
    app = tmp_path / "concurrent_app.py"
    app.write_text(CONCURRENT_APP)
    spans = tmp_path / "spans.txt"
    server = launch_app(app, env={"STFACE_SPANS": str(spans)})
    pages = []
    for number in range(10):
        page = browser.new_context().new_page()
        open_app(page, server.url)
        page.get_by_label("n", exact=True).fill(str(number + 1))
        pages.append(page)
    for page in pages:
        page.get_by_role("button", name="Submit").click()
    for number, page in enumerate(pages):
        expect(page.get_by_label("double")).to_have_value(str(2 * (number + 1)), timeout=60_000)
        page.context.close()
    events = sorted((float(t), kind) for kind, t in (line.split() for line in spans.read_text().splitlines()))
    running = peak = 0
    for _, kind in events:
        running += 1 if kind == "start" else -1
        peak = max(peak, running)
    assert sum(1 for _, kind in events if kind == "start") == 10
    assert peak == 2


AUTH_APP = """
import stface as gr
demo = gr.Interface(str.upper, gr.Textbox(label="text"), "text", title="Members' tool")
demo.launch(auth=[("ada", "lovelace"), ("alan", "turing")], auth_message="Log in to use the tool.")
"""


def test_login_gate_in_front_of_the_interface(tmp_path, launch_app, new_page):
    page = _opened(tmp_path, launch_app, new_page, "auth_app.py", AUTH_APP)
    expect(page.get_by_text("Log in to use the tool.")).to_be_visible()
    assert "Members" not in page.content()
    page.get_by_label("Username").fill("alan")
    page.get_by_label("Password", exact=True).fill("wrong")
    submit(page, "Login")
    expect(page.get_by_text("Incorrect username or password.")).to_be_visible()
    page.get_by_label("Password", exact=True).fill("turing")
    submit(page, "Login")
    expect(page.get_by_role("heading", name="Members' tool")).to_be_visible()
    page.get_by_label("text").fill("hi")
    submit(page)
    expect(page.get_by_label("output")).to_have_value("HI")


BATCH_APP = """
import os
import threading
import stface as gr

seen = []

def trim_words(words, lens):
    seen.append(len(words))
    results = [w[:int(n)] for w, n in zip(words, lens)]
    return WRAP

demo = gr.Interface(trim_words, [gr.Textbox(label="word"), gr.Number(label="n")], gr.Textbox(label="trimmed"),
                    batch=True, max_batch_size=4)
"""


@pytest.mark.parametrize("wrap", ["[results]", "(results,)"])
def test_two_sessions_submit_to_a_batched_fn_and_each_sees_its_own_row(tmp_path, launch_app, browser, wrap):
    app = tmp_path / "batch_app.py"
    app.write_text(BATCH_APP.replace("WRAP", wrap))
    server = launch_app(app)
    pages = [browser.new_context().new_page() for _ in range(2)]
    words = [("stface", 2), ("streamlit", 6)]
    for page, (word, n) in zip(pages, words):
        open_app(page, server.url)
        page.get_by_label("word").fill(word)
        number = page.get_by_label("n", exact=True).and_(page.get_by_role("spinbutton"))
        number.fill(str(n))
        number.press("Tab")
    for page in pages:  # both submits go out before either answer comes back
        page.get_by_role("button", name="Submit", exact=True).click()
    for page, (word, n) in zip(pages, words):
        expect(page.get_by_label("trimmed")).to_have_value(word[:n])
        page.context.close()
