"""gr.load_chat against a real OpenAI-compatible server: ``transformers serve`` on a tiny local model.

The server (tests/support/openai_server.py) serves a bigram GPT-2 that
continues the prompt's last word: "... cat" -> "sat on mat", an unknown word
-> "hello world". Its chat template puts the system message last, so a
system message "cat" makes every answer "sat on mat".
"""

from __future__ import annotations

import socket
import textwrap

import pytest
from streamlit.testing.v1 import AppTest

import stface as gr
from stface.hub.openai_chat import TEXT_FILE_EXTENSIONS


def test_load_chat_builds_a_messages_chat_interface_that_streams(openai_server):
    chat = gr.load_chat(openai_server.base_url, openai_server.model, file_types=None, title="Tiny")
    assert isinstance(chat, gr.ChatInterface) and chat.type == "messages" and chat.streams
    assert not chat.multimodal and chat.title == "Tiny"
    updates = [answer[0].content for answer, _ in chat.respond("the cat", [])]
    assert updates == ["sat", "sat on", "sat on mat"]  # token by token, each the answer so far
    assert chat("hi") == "hello world"  # called as a function: the final answer


def test_without_streaming_the_answer_comes_whole(openai_server):
    chat = gr.load_chat(openai_server.base_url, openai_server.model, streaming=False)
    assert not chat.streams
    assert [answer[0].content for answer, _ in chat.respond("the cat", [])] == ["sat on mat"]
    assert chat("hello") == "world"


def test_the_system_message_leads_every_request_not_only_the_first(openai_server):
    chat = gr.load_chat(openai_server.base_url, openai_server.model, system_message="cat")
    assert chat("hi") == "sat on mat"
    history = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "sat on mat"}]
    assert chat("and again", history) == "sat on mat"  # Gradio 6.31 drops it after the first turn


def test_a_text_file_is_sent_as_text_after_the_message(openai_server, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("a dog and the cat")
    chat = gr.load_chat(openai_server.base_url, openai_server.model)  # file_types="text_encoded", Gradio's default
    assert chat.multimodal and chat.file_types == [e.lstrip(".").lower() for e in TEXT_FILE_EXTENSIONS]
    assert chat({"text": "read this", "files": [str(notes)]}) == "sat on mat"  # the file's last word, "cat", leads
    assert chat({"text": "hi", "files": []}) == "hello world"
    with pytest.raises(gr.Error, match=r"Cannot send clip\.mp3 to the chat model"):
        chat({"text": "listen", "files": [str(tmp_path / "clip.mp3")]})


def test_server_errors_are_clear_gr_errors(openai_server):
    wrong = gr.load_chat(openai_server.base_url, "no/such-model", file_types=None)
    with pytest.raises(gr.Error) as caught:
        wrong("hi")
    message = str(caught.value)
    assert f"The chat server at {openai_server.base_url} answered 400" in message and "no/such-model" in message

    too_long = " ".join(["dog"] * 80)  # longer than the model's 64 positions: the server fails
    with pytest.raises(gr.Error, match=r"answered 500: Internal Server Error"):
        gr.load_chat(openai_server.base_url, openai_server.model, streaming=False)(too_long)
    with pytest.raises(gr.Error, match=r"failed while answering: index out of range"):
        gr.load_chat(openai_server.base_url, openai_server.model)(too_long)  # streamed: an error event mid-stream

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}/v1/"
    with pytest.raises(gr.Error, match=r"Could not reach the chat server at http://127\.0\.0\.1:\d+/v1/"):
        gr.load_chat(closed, "m", file_types=None, streaming=False)("hi")


def test_a_server_that_never_answers_times_out_after_a_bounded_number_of_tries(monkeypatch):
    from e2e_support import SilentServer

    from stface.hub import openai_chat

    monkeypatch.setattr(openai_chat, "TIMEOUT_S", 1.0)
    with SilentServer() as silent:
        url = f"{silent.url}/v1/"
        with pytest.raises(gr.Error, match=rf"^The chat server at {url} did not answer within 1 s \(tried 3 times\)\.$"):
            gr.load_chat(url, "m", file_types=None)("hi")
        assert len(silent.accepted) == 1 + openai_chat.MAX_RETRIES  # no more tries than that


def test_bad_file_types_are_refused_when_loading():
    with pytest.raises(ValueError, match=r"Invalid file type: 'audio'\. Must be 'text_encoded' or 'image'"):
        gr.load_chat("http://127.0.0.1:9/v1/", "m", file_types=["image", "audio"])


def test_a_page_streams_the_answer_and_keeps_serving_after_a_server_error(openai_server):
    at = AppTest.from_string(
        textwrap.dedent(f"""
        import stface as gr
        gr.load_chat({openai_server.base_url!r}, {openai_server.model!r}, file_types=None, title="Tiny chat").launch()
        """),
        default_timeout=60,
    ).run()
    assert not at.exception, at.exception
    at.chat_input[0].set_value("the cat").run()
    assert not at.exception and not at.error
    assert [(m.name, m.markdown[0].value) for m in at.chat_message] == [
        ("user", "the cat"),
        ("assistant", "sat on mat"),
    ]

    at.chat_input[0].set_value(" ".join(["dog"] * 80)).run()  # longer than the model's 64 positions: the server fails
    assert not at.exception
    assert [e.value for e in at.error] and "The chat server at" in at.error[0].value
    assert "failed while answering: index out of range" in at.error[0].value  # the stream's error event

    assert [m.name for m in at.chat_message] == ["user", "assistant", "user"]  # the message stays, unanswered

    # The failed message is part of the conversation (every request sends it again), so clear it; then the
    # same page and the same server go on.
    next(b for b in at.button if "Clear" in b.label).click().run()
    at.chat_input[0].set_value("hi").run()
    assert not at.exception and not at.error
    assert [(m.name, m.markdown[0].value) for m in at.chat_message] == [("user", "hi"), ("assistant", "hello world")]


def test_the_chat_input_takes_the_file_types_gradio_allows(openai_server):
    at = AppTest.from_string(
        f"import stface as gr\ngr.load_chat({openai_server.base_url!r}, {openai_server.model!r}, file_types='image').launch()",
        default_timeout=60,
    ).run()
    assert not at.exception, at.exception
    assert list(at.chat_input[0].proto.file_type) == [".png", ".jpg", ".jpeg", ".gif", ".webp"]


# Every text the last chat bubble showed, as the browser drew it (a MutationObserver sees each change).
WATCH_ANSWERS = """() => {
    window.__answers = [];
    new MutationObserver(() => {
        const bubbles = document.querySelectorAll('[data-testid="stChatMessageContent"]');
        const text = bubbles.length ? bubbles[bubbles.length - 1].innerText.trim() : "";
        if (text && text !== window.__answers[window.__answers.length - 1]) window.__answers.push(text);
    }).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""


@pytest.mark.e2e
def test_the_answer_streams_into_the_page_in_chromium(openai_server, tmp_path, launch_app, new_page):
    from e2e_support import open_app
    from openai_server import COUNTING
    from playwright.sync_api import expect

    app = tmp_path / "chat.py"
    app.write_text(f"import stface as gr\ndemo = gr.load_chat({openai_server.base_url!r}, {openai_server.model!r}, file_types=None)\n")
    page = new_page()
    open_app(page, launch_app(app).url)
    page.evaluate(WATCH_ANSWERS)
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill("count")
    box.press("Enter")
    whole = " ".join(COUNTING)
    expect(page.get_by_test_id("stChatMessageContent").last).to_have_text(whole)
    answers = [a for a in page.evaluate("window.__answers") if a != "count"]  # the user's bubble came first
    partial = [a for a in answers if a != whole]
    assert answers[-1] == whole
    assert partial and all(whole.startswith(a) for a in partial), answers  # parts of the answer, drawn as they came
    assert [len(a) for a in partial] == sorted(len(a) for a in partial)  # in order, each longer than the last
