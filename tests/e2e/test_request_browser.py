"""gr.Request in Chromium: fn reads a header the browser sent."""

from __future__ import annotations

import textwrap

import pytest
from e2e_support import open_app, submit
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

APP = '''
import stface as gr

def header(name, request: gr.Request):
    return f"{name}: {request.headers.get('x-stface-test', 'missing')} {request.query_params.get('lang', '-')}"

demo = gr.Interface(header, gr.Textbox(label="name"), gr.Textbox(label="output"))
'''


def test_fn_reads_a_header_and_a_query_parameter_of_the_request(tmp_path, launch_app, browser):
    app = tmp_path / "request_app.py"
    app.write_text(textwrap.dedent(APP))
    server = launch_app(app)
    context = browser.new_context(extra_http_headers={"X-Stface-Test": "sent by the test"})
    try:
        page = context.new_page()
        open_app(page, server.url + "/?lang=fr")
        page.get_by_label("name").fill("Ada")
        submit(page)
        expect(page.get_by_label("output")).to_have_value("Ada: sent by the test fr")
    finally:
        context.close()
