"""One limit for every door: a browser session and gradio_client callers share concurrency_limit."""

from __future__ import annotations

import textwrap
import threading

from e2e_support import open_app, submit
from playwright.sync_api import expect

APP = '''
import threading, time
import stface as gr

lock, running, peak = threading.Lock(), [0], [0]

def slow(text):
    with lock:
        running[0] += 1
        peak[0] = max(peak[0], running[0])
    time.sleep(0.6)
    with lock:
        running[0] -= 1
    return f"{text.upper()} peak={peak[0]}"

demo = gr.Interface(slow, gr.Textbox(label="text"), gr.Textbox(label="out"), concurrency_limit=1,
                    flagging_mode="never")
'''


def test_page_and_api_callers_are_held_by_one_concurrency_limit(tmp_path, launch_app, new_page):
    from gradio_client import Client

    app = tmp_path / "limited.py"
    app.write_text(textwrap.dedent(APP))
    server = launch_app(app, "--no-reload")
    answers: list[str] = []

    def call(number: int) -> None:
        answers.append(Client(server.url + "/", verbose=False).predict(f"api {number}", api_name="/slow"))

    callers = [threading.Thread(target=call, args=(n,)) for n in range(4)]
    page = new_page()
    open_app(page, server.url)
    page.get_by_label("text").fill("page")
    for caller in callers:
        caller.start()
    submit(page)  # the browser's run waits its turn among the API's calls
    expect(page.get_by_label("out")).to_have_value("PAGE peak=1", timeout=60_000)
    for caller in callers:
        caller.join(60)
    assert sorted(answers) == [f"API {n} peak=1" for n in range(4)]
