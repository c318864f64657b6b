"""Double submit and oversized uploads, against a real server in Chromium."""

from __future__ import annotations

import pytest
from e2e_support import count_most, most_seen, open_app, wait_idle
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

DOUBLE = """
import os, time, fcntl
import stface as gr

def slow_echo(text):
    with open(os.environ["STFACE_SPANS"], "a") as log:
        fcntl.flock(log, fcntl.LOCK_EX); log.write(f"start {time.monotonic()} {text}\\n"); fcntl.flock(log, fcntl.LOCK_UN)
    time.sleep(1.0)
    with open(os.environ["STFACE_SPANS"], "a") as log:
        fcntl.flock(log, fcntl.LOCK_EX); log.write(f"end {time.monotonic()} {text}\\n"); fcntl.flock(log, fcntl.LOCK_UN)
    return text

demo = gr.Interface(slow_echo, gr.Textbox(label="text"), "text")
"""


def test_double_submit_runs_once_at_a_time_and_ends_with_the_final_input(tmp_path, launch_app, new_page):
    spans = tmp_path / "spans" / "log.txt"
    spans.parent.mkdir()
    app = tmp_path / "double.py"
    app.write_text(DOUBLE)
    server = launch_app(app, env={"STFACE_SPANS": str(spans)})
    page = new_page()
    open_app(page, server.url)
    page.get_by_label("text").fill("first")
    page.get_by_role("button", name="Submit").click()
    page.wait_for_timeout(300)
    page.get_by_label("text").fill("second")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output")).to_have_value("second", timeout=30_000)
    wait_idle(page)
    page.wait_for_timeout(1500)
    events = [line.split() for line in spans.read_text().splitlines()]
    running = peak = 0
    for kind, _, _ in sorted(events, key=lambda e: float(e[1])):
        running += 1 if kind == "start" else -1
        peak = max(peak, running)
    assert peak == 1  # never two runs at once in one session
    assert events[-1][0] == "end" and events[-1][2] == "second"
    assert len([e for e in events if e[0] == "start"]) <= 3


UPLOAD = """
import stface as gr
demo = gr.Interface(lambda f: open(f, "rb").read()[:10], gr.File(label="file"), "text")
demo.launch(max_file_size="1mb")
"""


def test_uploads_over_the_limit_get_a_size_message_and_never_reach_fn(tmp_path, launch_app, new_page):
    app = tmp_path / "upload.py"
    app.write_text(UPLOAD)
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * (2 * 1024 * 1024))
    server = launch_app(app)
    page = new_page()
    open_app(page, server.url)
    page.locator("input[type=file]").set_input_files(str(big))
    expect(page.get_by_role("alert")).to_contain_text("File must be 1.0MB or smaller")
    count_most(page, "[data-testid^='stBaseButton']")
    page.get_by_role("button", name="Submit").click()
    wait_idle(page)
    # The message went with the next run, and its place stayed: the buttons below it never showed twice.
    assert most_seen(page) == page.locator("[data-testid^='stBaseButton']").count()
    expect(page.get_by_text("No file for 'file': upload one, then press Submit.")).to_be_visible()
