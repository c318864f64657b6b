"""ChatInterface in Chromium: streaming, Stop, sessions, retry/undo/clear, files, thoughts, and no script from messages."""

from __future__ import annotations

import struct
import textwrap
import zlib

import pytest
from e2e_support import XSS_CORPUS, open_app, wait_idle
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

APP = '''
import os, time
import stface as gr

def answer(message, history):
    text = message["text"] if isinstance(message, dict) else message
    if text.startswith("slow"):
        yield "first part"
        time.sleep(2.5)
        yield "first part, then the rest"
        return
    if text.startswith("stop"):
        for n in range(60):
            yield f"counting {n}"
            time.sleep(0.25)
        return
    if text == "think":
        yield [gr.ChatMessage("weighing it", metadata={"title": "Thinking it over", "id": 1, "status": "pending"})]
        yield [gr.ChatMessage("weighing it", metadata={"title": "Thinking it over", "id": 1, "status": "done"}),
               gr.ChatMessage("a step inside", metadata={"title": "Inner step", "parent_id": 1, "status": "done"}),
               "The answer is 42."]
        return
    if text.startswith("xss"):
        yield text.replace("xss", "", 1) + ' <img src=x onerror="window.__xss=1"> [link](javascript:window.__xss=2)'
        return
    files = message.get("files", []) if isinstance(message, dict) else []
    names = ", ".join(f"{os.path.basename(f)} exists={os.path.isfile(f)}" for f in files)
    yield f"echo {text} #{len(history)} {names}".strip()
    if files:
        yield [f"echo {text} #{len(history)} {names}".strip(), {"path": files[0]}]

demo = gr.ChatInterface(answer, multimodal=True, type="messages", title="Chat test")
'''


@pytest.fixture
def chat_app(tmp_path, launch_app):
    app = tmp_path / "chat_app.py"
    app.write_text(textwrap.dedent(APP))
    return launch_app(app)


def send(page, text: str) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(text)
    box.press("Enter")


def bubbles(page):
    return page.get_by_test_id("stChatMessage")


def test_a_streaming_answer_shows_its_first_part_before_fn_finishes(chat_app, new_page):
    page = new_page()
    open_app(page, chat_app.url)
    send(page, "slow please")
    expect(bubbles(page).last).to_contain_text("first part")
    assert "then the rest" not in bubbles(page).last.inner_text()  # fn is still sleeping
    expect(bubbles(page).last).to_contain_text("first part, then the rest", timeout=20_000)


def test_stop_ends_the_answer_and_keeps_what_was_said(chat_app, new_page):
    page = new_page()
    open_app(page, chat_app.url)
    send(page, "stop soon")
    expect(bubbles(page).last).to_contain_text("counting 3")
    page.get_by_test_id("stChatInputStopButton").click()
    wait_idle(page)
    said = bubbles(page).last.inner_text()
    assert "counting" in said and "counting 59" not in said
    page.wait_for_timeout(1000)
    assert bubbles(page).last.inner_text() == said  # nothing more arrives
    send(page, "after")
    expect(bubbles(page).last).to_contain_text("echo after #2")  # the stopped exchange is in the history


def test_two_sessions_chat_at_once_and_each_sees_its_own_history(chat_app, browser):
    first, second = browser.new_context().new_page(), browser.new_context().new_page()
    try:
        for page in (first, second):
            open_app(page, chat_app.url)
        send(first, "from first")
        send(second, "from second")
        expect(bubbles(first).last).to_contain_text("echo from first #0")
        expect(bubbles(second).last).to_contain_text("echo from second #0")
        send(first, "again")
        expect(bubbles(first).last).to_contain_text("echo again #2")
        assert "from second" not in first.get_by_test_id("stApp").inner_text()
        assert "from first" not in second.get_by_test_id("stApp").inner_text()
    finally:
        first.context.close()
        second.context.close()


def test_retry_undo_and_clear_change_the_history_as_gradio_does(chat_app, new_page):
    page = new_page()
    open_app(page, chat_app.url)
    send(page, "one")
    expect(bubbles(page).last).to_contain_text("echo one #0")
    send(page, "two")
    expect(bubbles(page).last).to_contain_text("echo two #2")
    page.get_by_role("button", name="Retry").click()
    wait_idle(page)
    expect(bubbles(page)).to_have_count(4)  # the last answer was replaced, not added
    expect(bubbles(page).last).to_contain_text("echo two #2")
    page.get_by_role("button", name="Undo").click()
    wait_idle(page)
    expect(bubbles(page)).to_have_count(2)
    expect(page.get_by_test_id("stChatInputTextArea")).to_have_value("two")  # back in the box
    page.get_by_role("button", name="Clear").click()
    wait_idle(page)
    expect(bubbles(page)).to_have_count(0)


def _png(path, colour=(200, 30, 30)) -> None:
    raw = b"".join(b"\x00" + bytes(colour) * 8 for _ in range(8))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))  # fmt: skip


def test_an_image_sent_with_a_message_reaches_fn_as_a_path_and_shows_in_the_history(chat_app, new_page, tmp_path):
    picture = tmp_path / "red.png"
    _png(picture)
    page = new_page()
    open_app(page, chat_app.url)
    page.get_by_test_id("stChatInput").locator("input[type='file']").set_input_files(str(picture))
    page.wait_for_timeout(500)
    send(page, "look")
    expect(bubbles(page).last).to_contain_text("echo look #0 red.png exists=True")
    expect(bubbles(page).first.locator("img")).to_have_count(1)  # the person's image, inline
    expect(bubbles(page).last.locator("img")).to_have_count(1)  # the one fn sent back


def test_a_thought_shows_its_title_and_status(chat_app, new_page):
    page = new_page()
    open_app(page, chat_app.url)
    send(page, "think")
    expect(bubbles(page).last).to_contain_text("The answer is 42.")
    status = page.get_by_test_id("stExpander").filter(has_text="Thinking it over").first
    # Done: checks, no spinner; the inner step's box sits inside the outer one (nested by parent_id).
    expect(status.get_by_test_id("stExpanderIconCheck")).to_have_count(2)
    expect(status.get_by_test_id("stExpanderIconSpinner")).to_have_count(0)
    status.get_by_text("Thinking it over").click()
    expect(status).to_contain_text("Inner step")


def test_a_payload_corpus_in_user_and_model_messages_runs_no_script(chat_app, new_page):
    page = new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_app(page, chat_app.url)
    for number, (template, _) in enumerate(XSS_CORPUS):
        send(page, "xss" + template.replace("{m}", f"chat{number:02d}"))  # fn repeats it as its answer
        expect(bubbles(page)).to_have_count(2 * (number + 1))
    wait_idle(page)
    for link in bubbles(page).locator("a").all():
        link.click(no_wait_after=True, timeout=2000, modifiers=[])
    page.wait_for_timeout(500)
    assert dialogs == []
    assert page.evaluate("window.__xss") is None
    messages = page.get_by_test_id("stChatMessage")
    assert messages.locator("script, iframe, svg, details, [onerror], [onload], [ontoggle], [onmouseover]").count() == 0
    assert messages.locator("a[href^='javascript' i]").count() == 0
    for number, (template, markdown) in enumerate(XSS_CORPUS):
        if not markdown:  # HTML shows as text, in the person's bubble and in the answer
            expect(messages.filter(has_text=f"chat{number:02d}")).to_have_count(2)


SAVED_APP = '''
import stface as gr

def answer(message, history):
    return f"noted {message} #{len(history)}"

demo = gr.ChatInterface(answer, type="messages", save_history=True)
'''


def test_saved_history_outlives_a_reload_in_the_same_browser_only(tmp_path, launch_app, browser):
    app = tmp_path / "saved_app.py"
    app.write_text(textwrap.dedent(SAVED_APP))
    server = launch_app(app)
    context = browser.new_context()
    try:
        page = context.new_page()
        open_app(page, server.url)
        send(page, "remember me")
        expect(bubbles(page).last).to_contain_text("noted remember me #0")
        send(page, "and this")
        expect(bubbles(page).last).to_contain_text("noted and this #2")
        # The answer shows while the run goes on; the browser stores it when the run's last element arrives.
        page.wait_for_function(
            "Object.keys(localStorage).some(k => k.startsWith('stface_saved_conversations_')"
            " && localStorage.getItem(k).includes('noted and this'))"
        )
        page.reload()
        wait_idle(page)
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar.get_by_role("button", name="remember me")).to_be_visible()
        expect(bubbles(page)).to_have_count(0)  # a new session starts a new chat
        sidebar.get_by_role("button", name="remember me").click()
        wait_idle(page)
        expect(bubbles(page)).to_have_count(4)
        send(page, "third")
        expect(bubbles(page).last).to_contain_text("noted third #4")  # fn sees the restored history
        other = browser.new_context().new_page()  # another browser holds nothing
        open_app(other, server.url)
        expect(other.get_by_test_id("stSidebar").get_by_role("button", name="remember me")).to_have_count(0)
        other.context.close()
    finally:
        context.close()


EDIT_APP = '''
import stface as gr

def answer(message, history):
    return f"re: {message} #{len(history)}"

demo = gr.ChatInterface(answer, type="messages", editable=True, flagging_mode="manual", flagging_dir="{flags}")
'''


def test_editing_a_message_answers_it_again_and_a_like_is_logged(tmp_path, launch_app, new_page):
    import csv
    import json

    app = tmp_path / "edit_app.py"
    app.write_text(textwrap.dedent(EDIT_APP).replace("{flags}", str(tmp_path / "flags")))
    server = launch_app(app)
    page = new_page()
    open_app(page, server.url)
    send(page, "first")
    expect(bubbles(page).last).to_contain_text("re: first #0")
    send(page, "second")
    expect(bubbles(page).last).to_contain_text("re: second #2")
    bubbles(page).first.get_by_role("button", name="✏️").click()
    wait_idle(page)
    page.get_by_label("Edit your message").fill("first, edited")
    page.get_by_role("button", name="Send", exact=True).click()
    wait_idle(page)
    expect(bubbles(page)).to_have_count(2)  # the edited turn replaced everything from it on
    expect(bubbles(page).last).to_contain_text("re: first, edited #0")
    bubbles(page).last.get_by_test_id("stFeedback").locator("button").first.click()  # thumbs up
    wait_idle(page)
    log = tmp_path / "flags" / "log.csv"
    rows: list = []
    for _ in range(100):  # the like is written by the rerun the click starts: wait for its row
        rows = list(csv.reader(log.open(encoding="utf-8"))) if log.exists() else []
        if len(rows) >= 2:
            break
        page.wait_for_timeout(100)
    assert rows[0] == ["conversation", "index", "flag", "username", "timestamp"]
    assert rows[1][2] == "Like" and rows[1][1] == "1"
    assert [m["content"] for m in json.loads(rows[1][0])] == ["first, edited", "re: first, edited #0"]


TAB_APP = '''
import stface as gr

chat = gr.ChatInterface(lambda message, history: f"chat says {message}", type="messages")
echo = gr.Interface(lambda text: text.upper(), gr.Textbox(label="text"), gr.Textbox(label="upper"))
demo = gr.TabbedInterface([chat, echo], ["Chat", "Shout"])
if __name__ == "__main__":
    demo.launch()
'''


@pytest.mark.parametrize("how", ["python app.py", "streamlit run export"])
def test_a_chat_in_tabs_runs_from_python_and_from_an_export(how, tmp_path, start_server, new_page):
    import subprocess
    import sys

    app = tmp_path / "tabs_app.py"
    app.write_text(textwrap.dedent(TAB_APP))
    if how == "python app.py":
        server = start_server([sys.executable, str(app)], cwd=tmp_path, env={"GRADIO_SERVER_PORT": "{port}"})
    else:
        subprocess.run([sys.executable, "-m", "stface", "export", str(app)], check=True, cwd=tmp_path)
        server = start_server([sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", "{port}",
                               "--server.address", "127.0.0.1", "--server.headless", "true"], cwd=tmp_path)  # fmt: skip
    page = new_page()
    open_app(page, server.url)
    send(page, "hello")
    expect(bubbles(page).last).to_contain_text("chat says hello")
    page.get_by_role("tab", name="Shout").click()
    page.get_by_label("text").fill("quiet")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("upper")).to_have_value("QUIET")
