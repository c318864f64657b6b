"""The server's heap in a real `stface launch`: frozen once the app is loaded, and each run's garbage still freed.

Streamlit collects garbage after every run (runner.postScriptGC); stface
freezes what the server holds after loading the app (stface/runtime/heap.py),
so that collection walks only what runs made. These checks run inside fn, in
the server process the page talks to.
"""

from __future__ import annotations

import textwrap

import pytest
from e2e_support import open_app, submit
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

APP = '''
import gc
import weakref

import stface as gr

class Node:
    pass

last = []  # a weak reference to the cycle the previous request left behind

def probe(text):
    gone = "first" if not last else ("freed" if last[-1]() is None else "kept")
    node = Node()
    node.me = node  # a reference cycle: only the cycle collector frees it
    last.append(weakref.ref(node))
    del node
    return f"{text}: frozen {gc.get_freeze_count() > 0}, last cycle {gone}"

demo = gr.Interface(probe, gr.Textbox(label="text"), gr.Textbox(label="output"))
'''


def test_the_heap_is_frozen_after_loading_and_each_runs_cycles_are_still_collected(tmp_path, launch_app, new_page):
    app = tmp_path / "heap_app.py"
    app.write_text(textwrap.dedent(APP))
    server = launch_app(app)
    page = new_page()
    open_app(page, server.url)
    field, output = page.get_by_label("text"), page.get_by_label("output")
    field.fill("one")
    submit(page)
    expect(output).to_have_value("one: frozen True, last cycle first")
    field.fill("two")
    submit(page)
    # The cycle of the first request died after the heap was frozen: the per-run collection freed it.
    expect(output).to_have_value("two: frozen True, last cycle freed")
