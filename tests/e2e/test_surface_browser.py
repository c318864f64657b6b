"""The rest of the Interface surface in Chromium: css, flagging, streaming, auth."""

from __future__ import annotations

import re

import pytest
from e2e_support import ROOT, open_app, submit
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_seed_css_turns_the_page_red_and_inlines_file_references(launch_app, new_page):
    server = launch_app(ROOT / "examples" / "css_red.py")
    page = new_page()
    open_app(page, server.url)
    app = page.locator("[data-testid='stApp']")
    expect(app).to_have_css("background-color", "rgb(255, 0, 0)")
    title = page.locator(".stface-title")
    expect(title).to_have_css("background-image", re.compile(r"url\(\"data:image/png;base64,"))
