"""Two `stface launch` replicas behind Debian's nginx with deploy/nginx.conf, flagging into one PostgreSQL
(gr.SQLLogger): sticky sessions, WebSocket, uploads, the API, and a replica dying under its browsers (the short
version of `make scale-test`, tests/scale)."""

from __future__ import annotations

import re
import textwrap

from e2e_support import click_and_wait, open_app, submit
from playwright.sync_api import expect

from stface.runtime.reconnect import MOVED_MESSAGE

APP = """
import os
import stface as gr

def answer(text, upload):
    size = os.path.getsize(upload) if upload else 0
    return f"{text.upper()} ({size} bytes) from replica {os.getpid()}"

demo = gr.Interface(answer, [gr.Textbox(label="text"), gr.File(label="upload", type="filepath")],
                    gr.Textbox(label="out"), flagging_mode="manual",
                    flagging_callback=gr.SQLLogger(os.environ["STFACE_FLAGS_URL"], media_dir=os.environ["STFACE_MEDIA"],
                                                   verbose=False))
"""
NOTICE = MOVED_MESSAGE.split("**")[1]  # the notice's bold first sentence


def replica_of(page) -> str:
    value = page.get_by_label("out").input_value()
    found = re.search(r"from replica (\d+)", value)
    assert found, value
    return found.group(1)


def ask_and_flag(page, text: str, upload, answer: str) -> None:
    """Type, upload, submit, check the answer, flag it; the page confirms the flag."""
    page.get_by_label("text").fill(text)
    page.locator("input[type=file]").set_input_files(str(upload))  # the upload must land on the session's replica
    expect(page.get_by_text(upload.name)).to_be_visible()
    submit(page)
    expect(page.get_by_label("out")).to_have_value(re.compile(answer))
    click_and_wait(page, page.get_by_role("button", name="Flag", exact=True))
    expect(page.get_by_text("Flagged. Thank you!")).to_be_visible()


def test_sessions_stick_to_a_replica_and_move_when_it_dies(tmp_path, launch_app, nginx_proxy, browser, postgres):
    from gradio_client import Client

    url = postgres.create_database()
    database = url.rsplit("/", 1)[1]
    app = tmp_path / "replicated.py"
    app.write_text(textwrap.dedent(APP))
    env = {"STFACE_FLAGS_URL": url, "STFACE_MEDIA": str(tmp_path / "media")}
    replicas = [launch_app(app, "--no-reload", env=env), launch_app(app, "--no-reload", env=env)]
    proxy = nginx_proxy([r.port for r in replicas])
    pids = {str(r.process.pid) for r in replicas}

    # The API through the proxy: new callers (no route cookie yet) spread over both replicas.
    seen = {re.search(r"replica (\d+)", Client(proxy.url + "/", verbose=False).predict("hi", None, api_name="/answer")).group(1)
            for _ in range(12)}  # fmt: skip
    assert seen == pids

    upload = tmp_path / "data.bin"
    upload.write_bytes(b"x" * 1234)
    pages, homes = [], []
    while len(pages) < 4 or set(homes) != pids:  # new browsers until both replicas hold sessions
        assert len(pages) < 16, f"the proxy sent every browser to one replica: {homes}"
        number = len(pages)
        page = browser.new_context().new_page()
        page.set_default_timeout(30_000)
        open_app(page, proxy.url)
        ask_and_flag(page, f"hello {number}", upload, rf"^HELLO {number} \(1234 bytes\) from replica \d+$")
        pages.append(page)
        homes.append(replica_of(page))
    submit(pages[0])  # again: the same replica (its session lives there)
    expect(pages[0].get_by_label("out")).to_have_value(re.compile(rf"from replica {homes[0]}$"))

    dead = next(r for r in replicas if str(r.process.pid) == homes[0])
    dead.process.kill()
    dead.process.wait(10)
    survivor = (pids - {homes[0]}).pop()
    for number, (page, home) in enumerate(zip(pages, homes)):
        if home == homes[0]:
            # No reload: Streamlit's page reconnects, the proxy sends it to the survivor, where a new session
            # starts; the page says that what it showed is gone, and the old answer is no longer shown.
            expect(page.get_by_text(NOTICE)).to_be_visible()
            expect(page.get_by_label("out")).to_have_value("")
            text, answer = f"moved {number}", rf"^MOVED {number} \(1234 bytes\) from replica {survivor}$"
        else:  # a session on the survivor carries on untouched
            expect(page.get_by_label("out")).to_have_value(re.compile(rf"from replica {survivor}$"))
            text, answer = f"stayed {number}", rf"^STAYED {number} \(1234 bytes\) from replica {survivor}$"
        ask_and_flag(page, text, upload, answer)  # the first Submit after the move answers, and its flag lands
        if home != homes[0]:
            expect(page.get_by_text(NOTICE)).to_have_count(0)
    # The notice stays through the runs the reconnection causes (a few seconds) and goes with the person's next action.
    pages[0].wait_for_timeout(3_500)
    submit(pages[0])
    expect(pages[0].get_by_text(NOTICE)).to_have_count(0)

    rows = postgres.psql("SELECT text, out, upload FROM flags ORDER BY id", database=database).splitlines()
    flagged = [row.split("|") for row in rows]
    moved = [n for n, home in enumerate(homes) if home == homes[0]]
    expected = {f"hello {n}" for n in range(len(pages))}
    expected |= {f"moved {n}" if n in moved else f"stayed {n}" for n in range(len(pages))}
    assert sorted(text for text, _, _ in flagged) == sorted(expected)  # every flag of both replicas, once
    assert {re.search(r"replica (\d+)$", out).group(1) for _, out, _ in flagged} == pids
    assert all(re.search(rf"replica {survivor}$", out) for text, out, _ in flagged if not text.startswith("hello"))
    for _, _, stored in flagged:  # the flagged upload, copied under the shared media folder
        assert (tmp_path / "media" / stored).read_bytes() == b"x" * 1234
    for context in {page.context for page in pages}:
        context.close()
