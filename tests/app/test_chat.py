"""gr.ChatInterface and gr.Chatbot on a page, driven through Streamlit's chat input.

Each test writes a small app; fn records its calls in ``st.session_state``
(one session) or in a ``sys.modules`` probe (several sessions in one process).
"""

from __future__ import annotations

import io
import sys
import textwrap
import threading
import time
import types
import uuid

import numpy as np
import pytest
from app_support import button, run_script
from PIL import Image

HEADER = "import stface as gr\nimport streamlit as st\ncalls = st.session_state.setdefault('calls', [])\n"


def page(*parts: str):
    at = run_script(HEADER + "".join(textwrap.dedent(part) for part in parts))
    assert not at.exception, at.exception
    return at


def send(at, text: str):
    at.chat_input[0].set_value(text).run()
    assert not at.exception, at.exception
    return at


def bubbles(at, root=None) -> list[tuple[str, str]]:
    """(role, the bubble's Markdown) for every chat bubble on the page."""
    return [(m.name, "\n".join(x.value for x in m.markdown)) for m in (root or at).chat_message]


def labels(at) -> list[str]:
    return [b.label for b in at.button]


def probe() -> tuple[str, types.SimpleNamespace]:
    """Something every session of the test (all in this process) can write to."""
    name = f"chat_probe_{uuid.uuid4().hex}"
    space = sys.modules[name] = types.SimpleNamespace(calls=[], lock=threading.Lock(), running=0, peak=0)  # type: ignore[assignment]
    return name, space


ECHO = """
def echo(message, history):
    calls.append((message, history))
    return f"echo {message}"
"""

# -- answering -------------------------------------------------------------------------


def test_a_streamed_answer_is_shown_and_kept_in_the_history():
    at = page("""
    def spell(message, history):
        calls.append(len(history))
        text = ""
        for char in message:
            text += char
            yield text
    gr.ChatInterface(spell).launch()
    """)
    assert bubbles(at) == [] and len(at.chat_input) == 1
    assert at.chat_input[0].placeholder == "Type a message..."
    send(at, "hello")
    assert bubbles(at) == [("user", "hello"), ("assistant", "hello")]
    at.run()  # a plain rerun draws the stored history and does not call fn
    assert bubbles(at) == [("user", "hello"), ("assistant", "hello")]
    send(at, "again")
    assert bubbles(at)[-2:] == [("user", "again"), ("assistant", "again")]
    assert at.session_state["calls"] == [0, 2]  # the second call saw the first exchange, whole


def test_each_streamed_update_is_in_the_history_while_fn_still_runs():
    at = page("""
    from stface.runtime.session import ChatState
    def spell(message, history):
        (state,) = [v for v in st.session_state.values() if isinstance(v, ChatState)]
        for text in ("par", "partial", "partial answer"):
            yield text
            calls.append([(m.role, m.content) for m in state.history])
    gr.ChatInterface(spell).launch()
    """)
    send(at, "go")
    assert at.session_state["calls"] == [[("user", "go"), ("assistant", "par")],
                                         [("user", "go"), ("assistant", "partial")],
                                         [("user", "go"), ("assistant", "partial answer")]]  # fmt: skip


def test_stop_mid_stream_keeps_the_partial_answer_and_the_chat_goes_on():
    # Stop (or any new rerun) ends the run with Streamlit's StopException, raised at the next update.
    at = page("""
    from streamlit.runtime.scriptrunner_utils.exceptions import StopException
    def stream(message, history):
        calls.append([m["content"] for m in history])
        yield "the beginning"
        if message == "long":
            raise StopException()
        yield "the end"
    gr.ChatInterface(stream, type="messages").launch()
    """)
    send(at, "long")
    at.run()
    assert bubbles(at) == [("user", "long"), ("assistant", "the beginning")] and not at.error
    send(at, "short")
    assert at.session_state["calls"][-1] == ["long", "the beginning"]
    assert bubbles(at)[-1] == ("assistant", "the end")


def test_the_chat_input_stops_a_streaming_answer_and_disables_otherwise():
    at = page("""
    def spell(message, history):
        yield message
    gr.ChatInterface(spell).launch()
    """)
    assert at.chat_input[0].proto.submit_mode == at.chat_input[0].proto.SubmitMode.SUBMIT_MODE_STOP
    at = page("gr.ChatInterface(lambda m, h: m).launch()")
    assert at.chat_input[0].proto.submit_mode != at.chat_input[0].proto.SubmitMode.SUBMIT_MODE_STOP
    at = page("""
    def spell(message, history):
        yield message
    gr.ChatInterface(spell, stop_btn=False).launch()
    """)
    assert at.chat_input[0].proto.submit_mode != at.chat_input[0].proto.SubmitMode.SUBMIT_MODE_STOP


def test_a_pairs_fn_gets_pairs_across_turns():
    at = page("""
    def predict(message, history):
        calls.append([list(pair) for pair in history])
        return " | ".join(f"{user}->{bot}" for user, bot in history) or "first"
    gr.ChatInterface(predict).launch()
    """)
    for text in ("a", "b", "c"):
        send(at, text)
    assert at.session_state["calls"] == [[], [["a", "first"]], [["a", "first"], ["b", "a->first"]]]
    assert bubbles(at)[-1] == ("assistant", "a->first | b->a->first")


def test_a_messages_fn_gets_messages_across_turns():
    at = page("""
    def predict(message, history):
        calls.append([(m["role"], m["content"]) for m in history])
        return message.upper()
    gr.ChatInterface(predict).launch()
    """)
    send(at, "a")
    send(at, "b")
    assert at.session_state["calls"] == [[], [("user", "a"), ("assistant", "A")]]


def test_changing_the_history_inside_fn_does_not_change_the_chat():
    at = page("""
    def greedy(message, history):
        history.append({"role": "user", "content": "injected"})
        history.clear()
        return "ok"
    gr.ChatInterface(greedy, type="messages").launch()
    """)
    send(at, "a")
    send(at, "b")
    assert bubbles(at) == [("user", "a"), ("assistant", "ok"), ("user", "b"), ("assistant", "ok")]


def test_async_and_list_answers():
    at = page("""
    import asyncio
    async def several(message, history):
        await asyncio.sleep(0)
        return ["first part", gr.ChatMessage("second part")]
    gr.ChatInterface(several).launch()
    """)
    send(at, "q")
    assert bubbles(at) == [("user", "q"), ("assistant", "first part\nsecond part")]  # one bubble per role run


def test_an_empty_generator_leaves_the_message_alone():
    at = page("""
    def nothing(message, history):
        return
        yield
    gr.ChatInterface(nothing).launch()
    """)
    send(at, "hello?")
    assert bubbles(at) == [("user", "hello?")] and not at.error


# -- retry, undo, clear -------------------------------------------------------------------

COUNTED = """
def count(message, history):
    calls.append(message)
    return f"{message} #{len(calls)}"
gr.ChatInterface(count, type="messages").launch()
"""


def test_retry_answers_the_same_message_again():
    at = page(COUNTED)
    send(at, "one")
    send(at, "two")
    button(at, "🔄  Retry").click().run()
    assert at.session_state["calls"] == ["one", "two", "two"]
    assert bubbles(at) == [("user", "one"), ("assistant", "one #1"), ("user", "two"), ("assistant", "two #3")]


def test_retry_after_an_error_sends_the_message_again():
    at = page("""
    def flaky(message, history):
        calls.append(message)
        if len(calls) == 1:
            raise gr.Error("try again")
        return "fine"
    gr.ChatInterface(flaky).launch()
    """)
    send(at, "hi")
    assert [e.value for e in at.error] == ["try again"] and bubbles(at) == [("user", "hi")]
    button(at, "🔄  Retry").click().run()
    assert not at.error
    assert bubbles(at) == [("user", "hi"), ("assistant", "fine")] and at.session_state["calls"] == ["hi", "hi"]


def test_undo_removes_the_last_exchange_and_puts_the_message_back():
    at = page(COUNTED)
    send(at, "one")
    send(at, "two")
    button(at, "↩️ Undo").click().run()
    assert bubbles(at) == [("user", "one"), ("assistant", "one #1")]
    assert at.chat_input[0].value == "two"
    assert at.session_state["calls"] == ["one", "two"]  # fn is not called
    send(at, "three")
    assert bubbles(at)[-2:] == [("user", "three"), ("assistant", "three #3")]


def test_clear_empties_the_conversation():
    at = page("""
    def count(message, history):
        calls.append(len(history))
        return "ok"
    gr.ChatInterface(count, examples=["start here"]).launch()
    """)
    assert labels(at) == ["start here"]
    send(at, "one")
    assert "start here" not in labels(at)  # examples only while the chat is empty
    button(at, "🗑️  Clear").click().run()
    assert bubbles(at) == []
    assert labels(at) == ["start here"]
    send(at, "two")
    assert at.session_state["calls"] == [0, 0]  # a fresh history after Clear


def test_gradio_3_50_button_labels_and_hiding():
    at = page(ECHO, "gr.ChatInterface(echo, retry_btn=None, undo_btn='Back', clear_btn='Wipe').launch()")
    assert labels(at) == []  # no buttons while empty
    send(at, "x")
    assert labels(at) == ["Back", "Wipe"]


# -- examples -----------------------------------------------------------------------------


def test_examples_are_buttons_with_labels_and_a_click_sends_the_message():
    at = page(ECHO, """
    gr.ChatInterface(echo, examples=["What is 2+2?", "Tell me a joke"], example_labels=["Math", "Joke"]).launch()
    """)
    assert labels(at) == ["Math", "Joke"]
    button(at, "Joke").click().run()
    assert bubbles(at) == [("user", "Tell me a joke"), ("assistant", "echo Tell me a joke")]
    assert at.session_state["calls"] == [("Tell me a joke", [])]
    assert "Math" not in labels(at)


def test_examples_with_run_examples_on_click_false_fill_the_chat_input():
    at = page(ECHO, "gr.ChatInterface(echo, examples=['Draft this'], run_examples_on_click=False).launch()")
    button(at, "Draft this").click().run()
    assert at.chat_input[0].value == "Draft this"
    assert bubbles(at) == [] and at.session_state["calls"] == []


def test_multimodal_example_fills_the_input_with_its_text_only():
    at = page("""
    gr.ChatInterface(lambda m, h: m["text"], multimodal=True, run_examples_on_click=False,
                     examples=[{"text": "Describe it", "files": []}, {"text": "With a file", "files": ["x.png"]}]).launch()
    """)
    assert labels(at) == ["Describe it", "📎 With a file"]
    button(at, "📎 With a file").click().run()
    assert at.chat_input[0].value == "With a file"  # the label's 📎 is not part of the message


def test_cached_examples_are_answered_once_per_process():
    name, space = probe()
    source = HEADER + f"""
import sys
space = sys.modules[{name!r}]
def slow_answer(message, history, style):
    space.calls.append((message, history, style))
    yield "thinking"
    yield f"{{style}} answer to {{message}}"
gr.ChatInterface(slow_answer, examples=[["Hi", "formal"], ["Bye", None]], cache_examples=True,
                 additional_inputs=[gr.Textbox(value="plain", label="style")]).launch()
"""
    first = run_script(source)
    button(first, "Hi").click().run()
    assert bubbles(first) == [("user", "Hi"), ("assistant", "formal answer to Hi")]
    assert space.calls == [("Hi", [], "formal")]
    second = run_script(source)  # another browser session
    button(second, "Hi").click().run()
    assert bubbles(second) == [("user", "Hi"), ("assistant", "formal answer to Hi")]
    button(second, "🗑️  Clear").click().run()
    button(second, "Bye").click().run()  # no extra value: the input's own value
    assert bubbles(second) == [("user", "Bye"), ("assistant", "plain answer to Bye")]
    assert space.calls == [("Hi", [], "formal"), ("Bye", [], "plain")]
    send(second, "live")  # a real message after a cached example sees it as history
    assert space.calls[-1][0] == "live" and len(space.calls[-1][1]) == 2


def test_cached_answers_are_not_shared_by_chats_whose_fn_has_the_same_name():
    """Pages of one app all run as __main__: a cached answer belongs to its own fn and example."""
    source = """
    def respond(message, history):
        return "from {}"
    gr.ChatInterface(respond, examples=["hi"], cache_examples=True).launch()
    """
    for name in ("page A", "page B"):
        at = page(source.format(name))
        button(at, "hi").click().run()
        assert bubbles(at) == [("user", "hi"), ("assistant", f"from {name}")]


def test_a_failing_cached_example_shows_the_error_and_the_page_keeps_working():
    at = page("""
    def boom(message, history):
        if message == "bad":
            raise gr.Error("cannot answer that")
        return "ok"
    gr.ChatInterface(boom, examples=["bad"], cache_examples=True).launch()
    """)
    button(at, "bad").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["cannot answer that"]
    send(at, "good")
    assert bubbles(at)[-1] == ("assistant", "ok") and not at.error


def test_examples_fill_additional_inputs():
    at = page("""
    def styled(message, history, style):
        calls.append(style)
        return f"{style}: {message}"
    gr.ChatInterface(styled, additional_inputs=[gr.Dropdown(["plain", "pirate"], value="plain", label="Style")],
                     examples=[["Hello", "pirate"]]).launch()
    """)
    button(at, "Hello").click().run()
    assert bubbles(at)[-1] == ("assistant", "pirate: Hello")
    assert at.selectbox[0].value == "pirate"


# -- additional inputs and outputs ----------------------------------------------------------


def test_additional_inputs_sit_in_an_expander_and_reach_fn_in_order():
    at = page("""
    def settings(message, history, system, temperature, loud):
        calls.append((system, temperature, loud))
        text = f"[{system}] {message}"
        return text.upper() if loud else text
    gr.ChatInterface(settings, additional_inputs=[
        gr.Textbox("You are helpful.", label="System prompt"),
        gr.Slider(0, 1, value=0.7, label="Temperature"),
        gr.Checkbox(label="Loud"),
    ]).launch()
    """)
    (expander,) = at.expander
    assert expander.label == "Additional inputs"
    assert [w.label for w in expander.text_input] == ["System prompt"]
    assert [w.label for w in expander.slider] == ["Temperature"]
    send(at, "hi")
    assert at.session_state["calls"] == [("You are helpful.", 0.7, False)]
    expander = at.expander[0]  # the page was drawn again
    expander.text_input[0].input("Be terse.")
    expander.slider[0].set_value(0.2)
    expander.checkbox[0].check()
    send(at, "again")
    assert at.session_state["calls"][-1] == ("Be terse.", 0.2, True)
    assert bubbles(at)[-1] == ("assistant", "[BE TERSE.] AGAIN")


@pytest.mark.parametrize("option", ["additional_inputs_accordion='Settings'",
                                    "additional_inputs_accordion_name='Settings'"])  # fmt: skip
def test_the_accordion_label(option):
    at = page(f"gr.ChatInterface(lambda m, h, s: m + s, additional_inputs=['text'], {option}).launch()")
    assert [e.label for e in at.expander] == ["Settings"]


def test_no_additional_inputs_no_expander():
    at = page(ECHO, "gr.ChatInterface(echo).launch()")
    assert len(at.expander) == 0


def test_additional_outputs_are_shown_after_the_answer():
    at = page("""
    def with_stats(message, history):
        yield message, "counting"
        yield message[::-1], f"{len(message)} characters, {len(history) // 2} earlier turns"
    gr.ChatInterface(with_stats, additional_outputs=[gr.Textbox(label="Stats")]).launch()
    """)
    send(at, "abc")
    assert bubbles(at) == [("user", "abc"), ("assistant", "cba")]
    assert [t.value for t in at.text_area] == ["3 characters, 0 earlier turns"]
    send(at, "de")
    assert [t.value for t in at.text_area] == ["2 characters, 1 earlier turns"]


# -- multimodal ---------------------------------------------------------------------------


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(np.full((4, 4, 3), 200, dtype=np.uint8)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_multimodal_message_reaches_fn_as_text_and_file_paths_and_the_image_is_shown():
    at = page("""
    from pathlib import Path
    def look(message, history):
        calls.append((message, history))
        sizes = [Path(p).stat().st_size for p in message["files"]]
        return f"{message['text']}: {sizes}"
    gr.ChatInterface(look, multimodal=True).launch()
    """)
    png = _png()
    at.chat_input[0].set_value("what is this").upload("cat.png", png, "image/png").run()
    assert not at.exception and not at.error
    ((message, history),) = at.session_state["calls"]
    assert message["text"] == "what is this" and len(message["files"]) == 1
    assert message["files"][0].endswith("cat.png") and history == []
    user = at.chat_message[0]
    assert user.name == "user" and [c.type for c in user.children.values()] == ["image", "markdown"]
    assert bubbles(at) == [("user", "what is this"), ("assistant", f"what is this: [{len(png)}]")]
    send(at, "and now")  # text only: still a dict; the earlier file is in the history
    message, history = at.session_state["calls"][1]
    assert message == {"text": "and now", "files": []}
    assert [(m["role"], m["content"] if isinstance(m["content"], str) else "file") for m in history] == [
        ("user", "file"), ("user", "what is this"), ("assistant", f"what is this: [{len(png)}]")]  # fmt: skip


def test_a_multimodal_pairs_fn_gets_a_pair_per_file():
    at = page("""
    def predict(message, history):
        calls.append([list(pair) for pair in history])
        return "seen"
    gr.ChatInterface(predict, multimodal=True, type="tuples").launch()
    """)
    at.chat_input[0].set_value("two files").upload("a.png", _png(), "image/png").upload("b.txt", b"hi", "text/plain").run()
    send(at, "next")
    history = at.session_state["calls"][1]
    assert [pair[1] for pair in history] == [None, None, "seen"]
    assert history[0][0][0].endswith("a.png") and history[1][0][0].endswith("b.txt") and history[2][0] == "two files"


def test_retry_of_a_multimodal_message_sends_its_files_again():
    at = page("""
    def look(message, history):
        calls.append(message)
        return str(len(message["files"]))
    gr.ChatInterface(look, multimodal=True).launch()
    """)
    at.chat_input[0].set_value("pic").upload("a.png", _png(), "image/png").run()
    button(at, "🔄  Retry").click().run()
    first, again = at.session_state["calls"]
    assert again == first and len(again["files"]) == 1
    assert [c.type for c in at.chat_message[0].children.values()] == ["image", "markdown"]


def test_file_and_image_answers_are_shown_inline_and_streamed_files_keep_working(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    image = tmp_path / "dot.png"
    image.write_bytes(_png())
    at = page(f"""
    def files(message, history):
        for i in range(6):  # each update draws the files again, in the same run
            yield [{{"path": {str(notes)!r}}}, gr.ChatMessage({{"path": {str(image)!r}, "alt_text": "a dot"}}), f"step {{i}}"]
    gr.ChatInterface(files).launch(allowed_paths=[{str(tmp_path)!r}])
    """)
    send(at, "go")
    assert not at.error
    assistant = at.chat_message[1]
    assert [c.type for c in assistant.children.values()] == ["download_button", "image", "markdown"]
    assert assistant.get("download_button")[0].proto.label == "📎 notes.txt"
    at.run()
    assert not at.exception and bubbles(at)[-1] == ("assistant", "step 5")


def test_an_answer_naming_a_file_outside_the_allowed_folders_is_refused():
    at = page("""
    gr.ChatInterface(lambda m, h: {"path": "/etc/hostname"}).launch()
    """)
    send(at, "leak")
    assert "outside the folders stface serves" in at.error[0].value
    assert bubbles(at) == [("user", "leak")]


# -- thoughts and options -----------------------------------------------------------------


def test_thoughts_are_status_boxes_with_their_title_state_and_children():
    at = page("""
    def agent(message, history):
        yield gr.ChatMessage("", metadata={"title": "Searching the web", "id": "s", "status": "pending"})
        yield [
            gr.ChatMessage("Found 3 pages", metadata={"title": "Searching the web", "id": "s", "status": "done", "duration": 2}),
            gr.ChatMessage("read page 1", metadata={"title": "Reading", "parent_id": "s", "log": "0.4 MB"}),
            gr.ChatMessage("Planning…", metadata={"title": "Next step", "status": "pending"}),
            "The answer is 42.",
        ]
    gr.ChatInterface(agent).launch()
    """)
    send(at, "question")
    assistant = at.chat_message[1]
    top = list(assistant.status)
    assert [s.label for s in at.status] == ["Searching the web (2s)", "Reading", "Next step"]
    search = next(s for s in top if s.label == "Searching the web (2s)")
    assert search.state == "complete"
    assert [s.label for s in search.status] == ["Reading"]  # nested by parent_id
    assert [m.value for m in search.markdown] == ["Found 3 pages", "read page 1"]
    reading = search.status[0]
    assert reading.state == "complete" and [c.value for c in reading.caption] == ["0.4 MB"]
    pending = next(s for s in top if s.label == "Next step")
    assert pending.state == "running" and pending.proto.expanded
    assert assistant.markdown[-1].value == "The answer is 42."


def test_a_thought_without_content_or_status_spins():
    at = page("gr.ChatInterface(lambda m, h: gr.ChatMessage('', metadata={'title': 'Working'})).launch()")
    send(at, "x")
    assert [(s.label, s.state) for s in at.status] == [("Working", "running")]


def test_options_are_buttons_and_a_click_sends_the_value():
    at = page("""
    def ask(message, history):
        calls.append(message)
        if message == "start":
            return gr.ChatMessage("Which colour?", options=[{"value": "red"}, {"value": "blue", "label": "Blue ocean"}])
        return f"You chose {message}"
    gr.ChatInterface(ask).launch()
    """)
    send(at, "start")
    assert labels(at)[:2] == ["red", "Blue ocean"]
    button(at, "Blue ocean").click().run()
    assert at.session_state["calls"] == ["start", "blue"]
    assert bubbles(at)[-2:] == [("user", "blue"), ("assistant", "You chose blue")]
    assert "red" not in labels(at)  # only the last answer's options


# -- errors ---------------------------------------------------------------------------------


def test_gr_error_is_shown_and_the_chat_keeps_working():
    at = page("""
    def picky(message, history):
        if "bad" in message:
            raise gr.Error("I cannot talk about that.")
        return "fine"
    gr.ChatInterface(picky).launch()
    """)
    send(at, "bad words")
    assert [e.value for e in at.error] == ["I cannot talk about that."]
    send(at, "nice words")
    assert not at.error
    assert bubbles(at) == [("user", "bad words\nnice words"), ("assistant", "fine")]  # one bubble per run of a role


def test_an_error_mid_stream_keeps_the_partial_answer():
    at = page("""
    def stream(message, history):
        yield "partial"
        raise gr.Error("out of tokens")
    gr.ChatInterface(stream).launch()
    """)
    send(at, "x")
    assert bubbles(at) == [("user", "x"), ("assistant", "partial")]
    assert [e.value for e in at.error] == ["out of tokens"]


def test_other_exceptions_show_a_generic_message():
    at = page("""
    def broken(message, history):
        raise ValueError("secret /srv/keys")
    gr.ChatInterface(broken).launch()
    """)
    send(at, "x")
    assert [e.value for e in at.error] == ["Something went wrong while answering. Please try again."]
    assert not at.exception


def test_show_error_shows_the_exception():
    at = page("""
    def broken(message, history):
        raise ValueError("bad value " + message)
    gr.ChatInterface(broken).launch(show_error=True)
    """)
    send(at, "x")
    assert [e.value for e in at.error] == ["ValueError: bad value x"]


# -- concurrency ------------------------------------------------------------------------------


def _slow_chat_source(name: str, extra: str = "") -> str:
    return HEADER + f"""
import sys
space = sys.modules[{name!r}]
def slow(message, history):
    space.calls.append(message)
    return "done " + message
chat = gr.ChatInterface(slow, concurrency_limit=1{extra})
space.key = chat.key
chat.launch()
"""


def test_concurrency_limit_makes_a_session_wait_for_a_free_slot():
    from stface.concurrency import gate_for

    name, space = probe()
    at = run_script(_slow_chat_source(name))
    gate = gate_for(space.key, 1, None)
    finished = threading.Event()
    with gate.slot():  # another session's answer is running
        worker = threading.Thread(target=lambda: (at.chat_input[0].set_value("wait").run(), finished.set()))
        worker.start()
        time.sleep(1.0)
        assert space.calls == [] and not finished.is_set()
    worker.join(30)
    assert finished.is_set() and space.calls == ["wait"]
    assert bubbles(at) == [("user", "wait"), ("assistant", "done wait")]


def test_a_full_queue_says_busy():
    from stface.concurrency import BUSY, gate_for

    name, space = probe()
    at = run_script(_slow_chat_source(name, extra=").queue(concurrency_count=1, max_size=0"))
    with gate_for(space.key, 1, 0).slot():
        send(at, "hello")
    assert [e.value for e in at.error] == [BUSY] and space.calls == []
    button(at, "🔄  Retry").click().run()
    assert not at.error and space.calls == ["hello"]


# -- save_history --------------------------------------------------------------------------


def test_save_history_lists_conversations_in_the_sidebar_and_switches_between_them():
    at = page("""
    def count(message, history):
        calls.append([m["content"] for m in history])
        return f"reply to {message}"
    gr.ChatInterface(count, type="messages", save_history=True).launch()
    """)
    assert [b.label for b in at.sidebar.button] == ["New chat"]
    send(at, "First topic")
    assert [b.label for b in at.sidebar.button] == ["New chat", "First topic"]  # at once, not one run later
    send(at, "more on it")
    button(at, "New chat").click().run()
    assert bubbles(at) == []
    send(at, "A much longer second topic that goes past forty characters")
    titles = [b.label for b in at.sidebar.button]
    assert titles == ["New chat", "A much longer second topic that goes pas...", "First topic"]  # newest first
    button(at, "First topic").click().run()
    assert bubbles(at) == [("user", "First topic"), ("assistant", "reply to First topic"),
                           ("user", "more on it"), ("assistant", "reply to more on it")]  # fmt: skip
    send(at, "third")
    assert at.session_state["calls"][-1] == ["First topic", "reply to First topic", "more on it", "reply to more on it"]
    assert [b.label for b in at.sidebar.button][1:] == ["A much longer second topic that goes pas...", "First topic"]
    button(at, "🗑️  Clear").click().run()  # Clear deletes the open conversation
    assert [b.label for b in at.sidebar.button] == ["New chat", "A much longer second topic that goes pas..."]


def test_without_save_history_no_sidebar():
    at = page(ECHO, "gr.ChatInterface(echo).launch()")
    send(at, "x")
    assert len(at.sidebar.button) == 0


def test_saved_conversations_belong_to_one_session():
    source = HEADER + "gr.ChatInterface(lambda m, h: 'ok', save_history=True).launch()"
    first = run_script(source)
    send(first, "mine")
    second = run_script(source)
    assert [b.label for b in second.sidebar.button] == ["New chat"]


# -- safety ---------------------------------------------------------------------------------

PAYLOAD = '<script>alert(1)</script><img src=x onerror="alert(2)"> [click](javascript:alert(3))'


def test_html_in_user_and_model_messages_is_not_rendered():
    at = page("""
    def reply(message, history):
        return "model says <b>hi</b> <iframe src='javascript:alert(4)'></iframe> " + message
    gr.ChatInterface(reply, title="<script>alert(5)</script>Bot").launch()
    """)
    send(at, PAYLOAD)
    markdowns = [m for bubble in at.chat_message for m in bubble.markdown]
    assert markdowns and not any(m.proto.allow_html for m in markdowns)
    user, model = markdowns  # the text is passed through; with allow_html off, Streamlit shows tags as text
    assert user.value == '<script>alert(1)</script><img src=x onerror="alert(2)"> [click](#blocked:alert(3))'
    assert model.value == "model says <b>hi</b> <iframe src='javascript:alert(4)'></iframe> " + user.value
    htmls = [h.value for h in at.get("html")]
    assert all("<script>alert(5)" not in h for h in htmls)
    assert any("&lt;script&gt;alert(5)" in h for h in htmls)


def test_chatbot_output_does_not_render_html_either():
    at = page("""
    gr.Interface(lambda m: [[m, "<script>alert(1)</script>"]], "text", gr.Chatbot(placeholder="<b>x</b>")).launch()
    """)
    assert not any(c.proto.allow_html for c in at.caption)
    at.text_input[0].input("<img src=x onerror=alert(2)>")
    button(at, "Submit").click().run()
    markdowns = [m for bubble in at.chat_message for m in bubble.markdown]
    assert [m.value for m in markdowns] == ["<img src=x onerror=alert(2)>", "<script>alert(1)</script>"]
    assert not any(m.proto.allow_html for m in markdowns)


# -- pages, tabs, several chats -----------------------------------------------------------------


def test_title_description_and_css():
    at = page("""
    gr.ChatInterface(lambda m, h: m, title="Echo bot", description="Says **back** what you say.",
                     css=".stChatMessage { border: 1px solid red; }").launch()
    """)
    htmls = [h.value for h in at.get("html")]
    assert any("Echo bot" in h and "<h1" in h for h in htmls)
    assert any(".stChatMessage { border: 1px solid red; }" in h for h in htmls)
    assert [m.value for m in at.markdown] == ["Says **back** what you say."]


def test_a_chat_interface_inside_tabbed_interface():
    at = page("""
    def shout(message, history):
        return message.upper()
    gr.TabbedInterface([gr.Interface(str.lower, "text", "text"), gr.ChatInterface(shout)], ["Lower", "Chat"]).launch()
    """)
    assert [t.label for t in at.tabs] == ["Lower", "Chat"]
    assert len(at.chat_input) == 1
    send(at, "hey")
    assert bubbles(at, at.tabs[1]) == [("user", "hey"), ("assistant", "HEY")]
    at.text_input[0].input("ABC")
    button(at, "Submit").click().run()
    assert at.text_area[0].value == "abc"
    assert bubbles(at, at.tabs[1]) == [("user", "hey"), ("assistant", "HEY")]


def test_two_rendered_chats_keep_separate_histories():
    at = page("""
    def count(message, history):
        return f"{message}: {len(history)} before"
    chat = gr.ChatInterface(count, type="messages")
    left, right = st.columns(2)
    with left:
        chat.render(key="left")
    with right:
        chat.render(key="right")
    """)
    assert len(at.chat_input) == 2
    at.chat_input[0].set_value("a").run()
    at.chat_input[0].set_value("b").run()
    at.chat_input[1].set_value("c").run()
    assert not at.exception
    assert bubbles(at, at.columns[0]) == [("user", "a"), ("assistant", "a: 0 before"), ("user", "b"),
                                          ("assistant", "b: 2 before")]  # fmt: skip
    assert bubbles(at, at.columns[1]) == [("user", "c"), ("assistant", "c: 0 before")]


def test_sessions_do_not_share_a_conversation():
    source = HEADER + ECHO + "gr.ChatInterface(echo).launch()"
    first = run_script(source)
    send(first, "mine")
    second = run_script(source)
    assert bubbles(second) == []
    send(second, "theirs")
    assert bubbles(second) == [("user", "theirs"), ("assistant", "echo theirs")]


# -- gr.Chatbot in a plain Interface ---------------------------------------------------------------


def test_gradio_3_chat_with_state_and_chatbot_output():
    at = page("""
    def chat(message, history):
        history = history or []
        reply = message[::-1]
        history.append((message, reply))
        calls.append(list(history))
        return history, history
    gr.Interface(chat, ["text", "state"], ["chatbot", "state"]).launch()
    """)
    for word in ("abc", "xy"):
        at.text_input[0].input(word)
        button(at, "Submit").click().run()
        assert not at.exception and not at.error
    assert bubbles(at) == [("user", "abc"), ("assistant", "cba"), ("user", "xy"), ("assistant", "yx")]
    assert at.session_state["calls"][-1] == [("abc", "cba"), ("xy", "yx")]


@pytest.mark.parametrize(("box", "given"), [
    ("gr.Chatbot(value=[['Hello', 'Hi there']])", [["Hello", "Hi there"]]),
    ("gr.Chatbot(type='messages')", []),
    ("gr.Chatbot(value=[{'role': 'assistant', 'content': 'Welcome'}])",
     [{"role": "assistant", "content": "Welcome", "metadata": {}, "options": []}]),
])  # fmt: skip
def test_chatbot_as_an_input_gives_fn_its_value_in_its_format(box, given):
    at = page(f"""
    def chat(message, history):
        calls.append(history)
        return [[message, str(len(history))]]
    gr.Interface(chat, ["text", {box}], gr.Chatbot(label="Out")).launch()
    """)
    at.text_input[0].input("ab")
    button(at, "Submit").click().run()
    assert not at.exception and not at.error
    assert at.session_state["calls"] == [given]
    assert bubbles(at)[-2:] == [("user", "ab"), ("assistant", str(len(given)))]


def test_empty_chatbot_output_shows_its_placeholder():
    at = page("gr.Interface(lambda m: [], 'text', gr.Chatbot(placeholder='Ask me *anything*')).launch()")
    assert "Ask me *anything*" in [c.value for c in at.caption]
    button(at, "Submit").click().run()
    assert bubbles(at) == []


# -- editable, flagging, textbox ------------------------------------------------------------------


def test_an_edited_message_replaces_its_turn_and_everything_after_it():
    at = page("""
    def count(message, history):
        calls.append((message, len(history)))
        return "re " + message
    gr.ChatInterface(count, editable=True).launch()
    """)
    send(at, "one")
    send(at, "two")
    assert labels(at).count("✏️") == 2  # under each of the person's messages
    at.button[0].click().run()  # the first message's ✏️
    assert [t.value for t in at.text_area] == ["one"]
    at.text_area[0].input("ONE, edited")
    button(at, "Send").click().run()
    assert at.session_state["calls"] == [("one", 0), ("two", 2), ("ONE, edited", 0)]
    assert bubbles(at) == [("user", "ONE, edited"), ("assistant", "re ONE, edited")]


def test_cancel_closes_the_editor_and_an_editor_does_not_outlive_its_conversation():
    at = page("gr.ChatInterface(lambda m, h: 're ' + m, editable=True).launch()")
    send(at, "one")
    send(at, "two")
    [b for b in at.button if b.label == "✏️"][1].click().run()
    assert [t.value for t in at.text_area] == ["two"]
    button(at, "Cancel").click().run()
    assert len(at.text_area) == 0
    [b for b in at.button if b.label == "✏️"][1].click().run()
    button(at, "🗑️  Clear").click().run()
    send(at, "a")
    send(at, "b")  # the same place in a new conversation: no editor opens on it
    assert len(at.text_area) == 0 and labels(at).count("✏️") == 2


def test_not_editable_by_default_and_no_flags_by_default():
    at = page(ECHO, "gr.ChatInterface(echo).launch()")
    send(at, "x")
    assert "✏️" not in labels(at) and len(at.get("feedback")) == 0


def test_flagging_manual_logs_likes_and_other_options(tmp_path):
    import csv

    at = page(f"""
    gr.ChatInterface(lambda m, h: "re " + m, flagging_mode="manual", flagging_options=["Like", "Dislike", "Spam"],
                     flagging_dir={str(tmp_path)!r}).launch()
    """)
    send(at, "one")
    send(at, "two")
    feedback = at.get("feedback")
    assert len(feedback) == 2  # thumbs under each answer
    feedback[0].set_value(1).run()
    [b for b in at.button if b.label == "🚩 Spam"][1].click().run()
    with open(tmp_path / "log.csv", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header == ["conversation", "index", "flag", "username", "timestamp"]
    assert [(row[1], row[2]) for row in rows] == [("1", "Like"), ("3", "Spam")]
    assert '"content": "re one"' in rows[0][0]


def test_a_custom_textbox_placeholder():
    at = page("gr.ChatInterface(lambda m, h: m, textbox=gr.Textbox(placeholder='Ask me about cats')).launch()")
    assert at.chat_input[0].placeholder == "Ask me about cats"


def test_undo_in_a_multimodal_chat_puts_the_text_back():
    at = page("gr.ChatInterface(lambda m, h: 'ok', multimodal=True).launch()")
    at.chat_input[0].set_value("a picture").upload("a.png", _png(), "image/png").run()
    button(at, "↩️ Undo").click().run()
    assert bubbles(at) == [] and at.chat_input[0].value == "a picture"  # the file is not put back


def test_system_messages_are_not_shown_and_same_role_messages_share_a_bubble():
    at = page("""
    def chat(message):
        return [{"role": "system", "content": "secret rules"}, {"role": "user", "content": message},
                {"role": "assistant", "content": "part one"}, gr.ChatMessage("part two")]
    gr.Interface(chat, "text", gr.Chatbot(type="messages")).launch()
    """)
    at.text_input[0].input("hi")
    button(at, "Submit").click().run()
    assert bubbles(at) == [("user", "hi"), ("assistant", "part one\npart two")]


VALIDATED = """
def check(message):
    return gr.validate(len(message) >= 3, "Write at least three characters.")

def echo(message, history):
    calls.append(message)
    return "You said " + message

demo = gr.ChatInterface(echo, validator=check)
demo.render()
"""


def test_a_message_the_validator_rejects_is_not_sent_and_goes_back_into_the_box():
    at = page(VALIDATED)
    send(at, "hi")
    assert bubbles(at) == [] and at.session_state["calls"] == []
    assert [e.value for e in at.error] == ["Write at least three characters."]
    box = at.chat_input[0].proto
    assert (box.set_value, box.value) == (True, "hi")  # the person's words go back into the box, to correct
    send(at, "hello")
    assert bubbles(at) == [("user", "hello"), ("assistant", "You said hello")]
    assert at.session_state["calls"] == ["hello"] and not at.error


def test_the_validator_holds_when_the_chat_is_called_as_a_function():
    import stface as gr

    demo = gr.ChatInterface(lambda m, h: m, validator=lambda m: gr.validate(m != "no", "Not that."))
    with pytest.raises(gr.Error, match="Not that."):
        demo("no")
    assert demo("yes") == "yes"
    with pytest.raises(TypeError, match="validator must be a function of the message"):
        gr.ChatInterface(lambda m, h: m, validator="strict")
