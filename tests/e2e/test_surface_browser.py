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
