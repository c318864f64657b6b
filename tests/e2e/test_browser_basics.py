"""The core promises, checked in Chromium against real `stface launch` servers."""

from __future__ import annotations

import sys
import textwrap

import pytest
from playwright.sync_api import expect
from e2e_support import ROOT, open_app, submit, wait_idle

pytestmark = pytest.mark.e2e


def test_hello_types_submits_and_reads_the_output(launch_app, new_page):
    server = launch_app(ROOT / "examples" / "hello.py")
    page = new_page()
    open_app(page, server.url)
    page.get_by_label("name").fill("Ada Lovelace")
    submit(page)
    expect(page.get_by_label("output")).to_have_value("Hello Ada Lovelace!")


def test_two_browser_sessions_at_once_see_only_their_own_output(launch_app, browser):
    server = launch_app(ROOT / "examples" / "hello.py")
    results: dict[str, str] = {}
    errors: list[BaseException] = []

    # Playwright's sync API is bound to one thread, so each session drives its own browser context
    # from the same thread, interleaved: both forms are filled before either is submitted.
    first, second = browser.new_context().new_page(), browser.new_context().new_page()
    try:
        for page in (first, second):
            page.set_default_timeout(30_000)
            open_app(page, server.url)
        first.get_by_label("name").fill("first person")
        second.get_by_label("name").fill("second person")
        first.get_by_role("button", name="Submit", exact=True).click()
        second.get_by_role("button", name="Submit", exact=True).click()
        for name, page in (("first", first), ("second", second)):
            wait_idle(page)
            page.wait_for_function(
                "() => [...document.querySelectorAll('textarea')].some(t => t.value.startsWith('Hello'))"
            )
            results[name] = page.get_by_label("output").input_value()
        first.reload()
        wait_idle(first)
        results["first after reload"] = first.get_by_label("name").input_value()
    except BaseException as exc:  # noqa: BLE001 - reported below with context
        errors.append(exc)
    finally:
        first.context.close()
        second.context.close()
    assert not errors, errors
    assert results["first"] == "Hello first person!"
    assert results["second"] == "Hello second person!"
    assert results["first after reload"] == ""  # a new session starts clean


COUNTER_APP = """
import os
import stface as gr

with open(os.environ["STFACE_COUNTER"], "a") as counter:
    counter.write("loaded\\n")   # stands for loading a model

def echo(text):
    return text

demo = gr.Interface(echo, "text", "text")
if __name__ == "__main__":
    demo.launch()
"""


@pytest.mark.parametrize("how", ["stface launch", "python app.py"])
def test_module_level_code_runs_once_across_reruns_and_sessions(how, tmp_path, start_server, browser):
    app = tmp_path / "counted_app.py"
    app.write_text(textwrap.dedent(COUNTER_APP))
    counter = tmp_path / "count.txt"
    env = {"STFACE_COUNTER": str(counter), "GRADIO_SERVER_PORT": "{port}"}
    if how == "stface launch":
        server = start_server([sys.executable, "-m", "stface", "launch", str(app), "--port", "{port}"], env=env)
    else:
        server = start_server([sys.executable, str(app)], cwd=tmp_path, env=env)
    for session in range(2):
        context = browser.new_context()
        page = context.new_page()
        page.set_default_timeout(30_000)
        open_app(page, server.url)
        for rerun in range(5):
            page.get_by_label("text").fill(f"session {session} rerun {rerun}")
            submit(page)
            expect(page.get_by_label("output")).to_have_value(f"session {session} rerun {rerun}")
        context.close()
    assert counter.read_text().splitlines() == ["loaded"]
