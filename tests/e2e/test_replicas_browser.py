"""Two `stface launch` replicas behind Debian's nginx with deploy/nginx.conf: sticky sessions, WebSocket,
uploads, the API, and a replica dying under its browsers (the short version of `make scale-test`)."""

from __future__ import annotations

import re
import textwrap

from e2e_support import open_app, submit, wait_idle
from playwright.sync_api import expect

APP = '''
import os
import stface as gr

def answer(text, upload):
    size = os.path.getsize(upload) if upload else 0
    return f"{text.upper()} ({size} bytes) from replica {os.getpid()}"

demo = gr.Interface(answer, [gr.Textbox(label="text"), gr.File(label="upload", type="filepath")],
                    gr.Textbox(label="out"), flagging_mode="never")
'''


def replica_of(page) -> str:
    value = page.get_by_label("out").input_value()
    found = re.search(r"from replica (\d+)", value)
    assert found, value
    return found.group(1)


def test_sessions_stick_to_a_replica_and_move_when_it_dies(tmp_path, launch_app, nginx_proxy, browser):
    from gradio_client import Client

    app = tmp_path / "replicated.py"
    app.write_text(textwrap.dedent(APP))
    replicas = [launch_app(app, "--no-reload"), launch_app(app, "--no-reload")]
    proxy = nginx_proxy([r.port for r in replicas])
    pids = {str(r.process.pid) for r in replicas}

    # The API through the proxy: new callers (no route cookie yet) spread over both replicas.
    seen = {re.search(r"replica (\d+)", Client(proxy.url + "/", verbose=False).predict("hi", None, api_name="/answer")).group(1)
            for _ in range(12)}  # fmt: skip
    assert seen == pids

    pages = []
    upload = tmp_path / "data.bin"
    upload.write_bytes(b"x" * 1234)
    for number in range(4):
        page = browser.new_context().new_page()
        page.set_default_timeout(30_000)
        open_app(page, proxy.url)
        page.get_by_label("text").fill(f"hello {number}")
        page.locator("input[type=file]").set_input_files(str(upload))  # the upload must land on the session's replica
        expect(page.get_by_text("data.bin")).to_be_visible()
        submit(page)
        expect(page.get_by_label("out")).to_have_value(re.compile(rf"HELLO {number} \(1234 bytes\) from replica \d+"))
        pages.append(page)
    homes = [replica_of(page) for page in pages]
    submit(pages[0])  # again: the same replica (its session lives there)
    expect(pages[0].get_by_label("out")).to_have_value(re.compile(rf"from replica {homes[0]}$"))

    dead = next(r for r in replicas if str(r.process.pid) == homes[0])
    dead.process.kill()
    dead.process.wait(10)
    survivor = (pids - {homes[0]}).pop()
    for page, home in zip(pages, homes):
        if home != homes[0]:
            continue
        # Streamlit's page reconnects; the proxy sends it to the survivor, where a new session starts.
        page.reload()
        wait_idle(page)
        page.get_by_label("text").fill("after")
        submit(page)
        expect(page.get_by_label("out")).to_have_value(re.compile(rf"AFTER \(0 bytes\) from replica {survivor}$"))
    for context in {page.context for page in pages}:
        context.close()
