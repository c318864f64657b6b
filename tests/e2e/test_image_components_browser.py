"""Gallery and ColorPicker in Chromium, against real `stface launch` servers."""

from __future__ import annotations

import pytest
from e2e_support import ROOT, open_app, submit, wait_idle
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_gallery_shows_every_picture_with_its_caption(launch_app, new_page):
    server = launch_app(ROOT / "examples" / "gallery.py")
    page = new_page()
    open_app(page, server.url)
    submit(page)
    gallery = page.locator("[class*='-gallery']").first
    pictures = gallery.locator("[data-testid='stImage'] img")
    expect(pictures).to_have_count(6)  # the example's default: six pictures
    page.wait_for_function(
        "() => [...document.querySelectorAll(\"[class*='-gallery'] [data-testid='stImage'] img\")]"
        ".filter(i => i.complete && i.naturalWidth > 0).length === 6"
    )
    for number in range(1, 7):
        expect(gallery.get_by_text(f"Picture {number}", exact=True)).to_be_visible()
    # Three columns: the first row's pictures sit side by side, the fourth starts the next row.
    boxes = [pictures.nth(i).bounding_box() for i in range(4)]
    assert boxes[0]["y"] == pytest.approx(boxes[1]["y"], abs=2) == pytest.approx(boxes[2]["y"], abs=2)
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"] and boxes[3]["y"] > boxes[0]["y"] + boxes[0]["height"] / 2
    # The annotated scene: one composited picture and its legend.
    outputs = page.locator("[class*='-outputs']").first
    expect(outputs.locator("[data-testid='stImage'] img")).to_have_count(7)
    for label in ("sun", "house", "grass"):
        expect(outputs.get_by_text(label, exact=True)).to_be_visible()


def test_colour_picker_returns_the_chosen_hex_to_fn(launch_app, new_page):
    server = launch_app(ROOT / "examples" / "color_code.py")
    page = new_page()
    open_app(page, server.url)
    picker = page.get_by_test_id("stColorPicker").filter(has_text="colour").first
    picker.get_by_test_id("stColorPickerBlock").click()
    popover = page.get_by_test_id("stColorPickerPopover")
    expect(popover).to_be_visible()
    hex_input = popover.locator("input").first
    hex_input.fill("#1e90ff")
    hex_input.press("Enter")
    page.keyboard.press("Escape")
    expect(popover).to_have_count(0)
    wait_idle(page)
    submit(page)
    expect(page.get_by_label("chosen")).to_have_value("#1e90ff")
    rule = page.get_by_test_id("stCode").first
    expect(rule).to_contain_text("color: #1e90ff;")
    expect(rule).to_contain_text("background: #e16f00;")
