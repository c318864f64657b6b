"""A Series of two loaded models, in a real browser."""

from __future__ import annotations

import pytest
from e2e_support import ROOT, open_app, submit
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_series_of_generator_and_translator_in_the_page(tiny_models, launch_app, new_page):
    server = launch_app(ROOT / "examples" / "series_generate_translate.py")
    page = new_page()
    open_app(page, server.url)
    expect(page.get_by_role("heading", name="Generate, then translate")).to_be_visible()
    page.get_by_label("Input").fill("it was the best of times")
    submit(page)
    output = page.get_by_label("Translation")
    expect(output).not_to_have_value("")
    words = output.input_value().split()
    assert words and all(word.isalpha() for word in words)  # words of the tiny vocabulary
