"""Interpretation in Chromium: red for the words that pushed the prediction, and payloads stay text."""

from __future__ import annotations

import pytest
from e2e_support import ROOT, click_and_wait, open_app, submit
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

SENTENCE = "she told her friend about his <img src=x onerror=alert(1)> idea"


def test_gender_interpretation_colours_she_and_her_red(launch_app, new_page):
    server = launch_app(ROOT / "examples" / "gender_interpretation.py")
    page = new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_app(page, server.url)
    page.get_by_label("sentence").fill(SENTENCE)
    submit(page)
    expect(page.locator(".stface-label-top")).to_have_text("female")
    click_and_wait(page, page.get_by_role("button", name="Interpret"))
    tokens = page.locator(".stface-interpretation .stface-token")
    expect(tokens.first).to_be_visible()
    colours = {}
    for index in range(tokens.count()):
        token = tokens.nth(index)
        colours.setdefault(token.inner_text(), token.evaluate("t => getComputedStyle(t).backgroundColor"))
    for word in ("she", "her"):
        red, green, blue, *alpha = (float(v) for v in colours[word][colours[word].index("(") + 1 : -1].split(","))
        assert red > green and red > blue and (not alpha or alpha[0] > 0), (word, colours[word])
    red, green, blue, *alpha = (float(v) for v in colours["his"][colours["his"].index("(") + 1 : -1].split(","))
    assert blue > red, colours["his"]
    assert "<img" in colours and "onerror=alert(1)>" in colours  # the payload's pieces are shown as text
    assert page.locator(".stface-interpretation img").count() == 0
    assert dialogs == []
