"""The other ways in: `streamlit run app.py`, reload on edit, and the gallery."""

from __future__ import annotations

import re
import sys
import textwrap
import time

import pytest
from playwright.sync_api import expect
from e2e_support import ROOT, open_app, submit, wait_idle

pytestmark = pytest.mark.e2e

STREAMLIT = [sys.executable, "-m", "streamlit", "run"]
FLAGS = ["--server.port", "{port}", "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"]  # fmt: skip


def test_streamlit_run_renders_in_place_and_honours_pages_and_config(tmp_path, start_server, new_page):
    (tmp_path / "app.py").write_text(
        textwrap.dedent("""
        import stface as gr
        gr.Interface(lambda s: s[::-1], gr.Textbox(label="text"), "text").launch()
        """)
    )
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "notes.py").write_text("import streamlit as st\nst.write('the notes page')\n")
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text('[theme]\nbase = "dark"\n')
    server = start_server([*STREAMLIT, "app.py", *FLAGS], cwd=tmp_path)
    page = new_page()
    open_app(page, server.url)
    page.get_by_label("text").fill("stressed")
    submit(page)
    expect(page.get_by_label("output")).to_have_value("desserts")
    background = page.evaluate("getComputedStyle(document.querySelector('[data-testid=stApp]')).backgroundColor")
    red, green, blue = (int(part) for part in background[background.index("(") + 1 : -1].split(",")[:3])
    assert max(red, green, blue) < 80, background  # the dark theme from .streamlit/config.toml
    page.get_by_role("link", name="notes").click()
    page.get_by_text("the notes page").wait_for()


def test_stface_launch_reloads_when_the_app_changes(tmp_path, launch_app, new_page):
    app = tmp_path / "greeter.py"
    app.write_text("import stface as gr\ndemo = gr.Interface(lambda s: 'Hello ' + s, gr.Textbox(label='name'), 'text')\n")
    server = launch_app(app)
    page = new_page()
    open_app(page, server.url)
    page.get_by_label("name").fill("Ada")
    submit(page)
    expect(page.get_by_label("output")).to_have_value("Hello Ada")
    time.sleep(1.1)  # a new modification time, even on coarse file systems
    app.write_text(app.read_text().replace("'Hello '", "'Goodbye '"))
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        page.get_by_label("name").fill("Ada")
        submit(page)
        if page.get_by_label("output").input_value() == "Goodbye Ada":
            break
        time.sleep(0.5)
    expect(page.get_by_label("output")).to_have_value("Goodbye Ada")


def test_gallery_lists_the_examples_and_runs_them(start_server, new_page):
    server = start_server([*STREAMLIT, str(ROOT / "streamlit_app.py"), *FLAGS])
    page = new_page()
    open_app(page, server.url)
    titles = ("Hello", "Calculator", "Sentence builder", "Gender of a sentence", "Reverse audio", "Generate a tone",
              "Sepia filter", "Webcam", "Chat with a small model")  # fmt: skip
    for title in titles:
        page.get_by_role("link", name=title).first.wait_for()
    page.get_by_role("link", name="Calculator").first.click()
    wait_idle(page)
    page.get_by_role("button", name="5 · add · 3").click()
    expect(page.get_by_label("num2")).to_have_value(re.compile(r"^3"))
    submit(page)
    expect(page.get_by_label("output")).to_have_value("8")


def test_gallery_media_pages_render_without_errors(start_server, new_page):
    server = start_server([*STREAMLIT, str(ROOT / "streamlit_app.py"), *FLAGS])
    page = new_page()
    open_app(page, server.url)
    for title in ("Generate a tone", "Sepia filter", "Reverse audio"):
        page.get_by_role("link", name=title).first.click()
        wait_idle(page)
        expect(page.get_by_role("button", name="Submit")).to_be_visible()
        expect(page.locator("[data-testid='stException']")).to_have_count(0)
    recorder = page.frame_locator("iframe[title*='streamlit_webrtc']")
    expect(recorder.get_by_role("button", name="Start")).to_be_visible()  # the recorder has loaded
    wait_idle(page)
    submit(page)  # nothing recorded yet: a clear message, not a crash
    expect(page.get_by_text("No audio for 'audio': record or upload a clip, then press Submit.")).to_be_visible()


def test_files_the_app_writes_beside_itself_do_not_rerun_it(tmp_path, launch_app, new_page):
    app = tmp_path / "writer.py"
    app.write_text(textwrap.dedent("""
        import pathlib, time
        import stface as gr
        LOG = pathlib.Path(__file__).with_name("calls.log")
        def slow_echo(text):
            with LOG.open("a") as log:
                log.write(text + "\\n")
            time.sleep(0.5)
            return text
        demo = gr.Interface(slow_echo, gr.Textbox(label="text"), "text")
    """))
    server = launch_app(app)
    page = new_page()
    open_app(page, server.url)
    page.get_by_label("text").fill("once")
    submit(page)
    expect(page.get_by_label("output")).to_have_value("once")
    page.wait_for_timeout(2000)
    assert (tmp_path / "calls.log").read_text().splitlines() == ["once"]
