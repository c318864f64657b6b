"""A page whose server restarts: it reconnects on its own, says what was lost, and does not show itself twice."""

from __future__ import annotations

import sys
import textwrap

import pytest
from e2e_support import Server, count_most, free_port, most_seen, open_app, submit
from playwright.sync_api import expect

from stface.runtime.reconnect import MOVED_MESSAGE

pytestmark = pytest.mark.e2e

APP = """
import time
import stface as gr

def shout(text):
    time.sleep(0.5)  # a run long enough for the browser to draw the page before the answer
    return text.upper()

gr.Interface(shout, gr.Textbox(label="text"), gr.Textbox(label="out"), title="Shouter").launch()
"""
NOTICE = MOVED_MESSAGE.split("**")[1]  # the notice's bold first sentence


def test_a_restarted_server_says_the_session_is_new_above_the_page_and_moves_nothing(tmp_path, browser):
    app = tmp_path / "shouter.py"
    app.write_text(textwrap.dedent(APP))
    port = free_port()
    command = [sys.executable, "-m", "stface", "launch", str(app), "--port", str(port), "--no-reload"]
    context = browser.new_context()
    page = context.new_page()
    server = Server(command, port=port)
    try:
        open_app(page, server.url)
        page.get_by_label("text").fill("hello")
        submit(page)
        expect(page.get_by_label("out")).to_have_value("HELLO")
        expect(page.get_by_text(NOTICE)).to_have_count(0)  # a fresh page load is not a lost session
        expect(page.locator(".st-key-stface-page-moved")).to_have_count(0)  # its empty place draws nothing: no gap
    finally:
        server.stop()
    server = Server(command, port=port)  # the same address, a new process: the old session is gone
    try:
        notice = page.get_by_text(NOTICE)
        expect(notice).to_be_visible(timeout=30_000)  # no reload: Streamlit's page reconnected on its own
        expect(page.get_by_label("out")).to_have_value("")  # the old answer is not shown as if it were current
        assert notice.bounding_box()["y"] < page.locator("h1", has_text="Shouter").bounding_box()["y"]
        page.wait_for_timeout(3_500)  # the notice outlives the reconnection's own runs
        count_most(page, "textarea:disabled")
        page.get_by_label("text").fill("again")
        submit(page)  # the person's next action: the notice goes, and the page below it does not move
        expect(page.get_by_label("out")).to_have_value("AGAIN")
        expect(notice).to_have_count(0)
        assert most_seen(page) == 1  # one answer box throughout, never a faded second copy of the page
    finally:
        server.stop()
        context.close()
