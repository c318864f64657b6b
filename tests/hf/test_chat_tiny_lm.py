"""The gallery's chat example on the tiny GPT-2: it streams token by token, in the page too."""

from __future__ import annotations

import importlib.util

import pytest
from e2e_support import ROOT, open_app
from playwright.sync_api import expect


def _example():
    spec = importlib.util.spec_from_file_location("chat_tiny_lm", ROOT / "examples" / "chat_tiny_lm.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_answer_grows_one_token_at_a_time(tiny_models):
    demo = _example().demo
    updates = [answer[0].content for answer, _ in demo.respond("tell me a story", [], ["Be brief.", 12])]
    assert len(updates) >= 3  # streamed, not one final string
    assert all(later.startswith(earlier) for earlier, later in zip(updates, updates[1:]))
    assert len(updates[-1].split()) >= 3 and all(word.isalpha() for word in updates[-1].split())
    assert isinstance(demo("and then?", [["tell me a story", updates[-1]]], "", 6), str)


@pytest.mark.e2e
def test_the_chat_example_answers_in_the_browser(tiny_models, launch_app, new_page):
    server = launch_app(ROOT / "examples" / "chat_tiny_lm.py")
    page = new_page()
    open_app(page, server.url)
    page.get_by_role("button", name="Tell me a story").click()  # an example starts the chat
    answer = page.get_by_test_id("stChatMessage").nth(1)
    content = answer.get_by_test_id("stChatMessageContent")
    expect(content).to_contain_text(" ", timeout=60_000)  # at least two words
    assert all(word.isalpha() for word in content.inner_text().split())  # words of the tiny vocabulary
