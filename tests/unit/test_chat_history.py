"""Chat data without a page: messages, both history formats, the format guess, calling a ChatInterface, gr.Chatbot.

Gradio 3.50 gave fn ``[[user, bot], ...]`` pairs; Gradio 5's ``type="messages"``
and Gradio 6 give ``{"role", "content"}`` dicts. What Gradio does is quoted
from /tmp/chat_research.md (Gradio 3.50.2, 5.49.1 and 6.31 sources).
"""

from __future__ import annotations

import asyncio
import textwrap
import warnings
from pathlib import Path

import pytest

import stface as gr
from stface._kwargs import StfaceCompatibilityWarning
from stface.chat import history_type
from stface.chat_history import (
    ChatHistory,
    ChatMessage,
    as_message_dicts,
    as_pairs,
    file_content,
    history_from,
    messages_from,
)


def _quiet(call):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StfaceCompatibilityWarning)
        return call()


def _roles_and_contents(messages):
    return [(m.role, m.content) for m in messages]


# -- messages_from: what fn returned or yielded ------------------------------------------------


def test_a_string_is_one_assistant_message():
    assert _roles_and_contents(messages_from("Hello **there**")) == [("assistant", "Hello **there**")]
    assert _roles_and_contents(messages_from("", "user")) == [("user", "")]


def test_none_is_no_message():
    assert messages_from(None) == []


def test_a_chat_message_keeps_metadata_and_options_but_its_role_is_forced():
    message = gr.ChatMessage("Looking it up", role="user", metadata={"title": "Search", "id": 1, "status": "pending"},
                             options=[{"value": "yes", "label": "Yes!"}, {"value": "no"}])  # fmt: skip
    (got,) = messages_from(message)
    assert got.role == "assistant"  # Gradio forces the answer's role
    assert got.content == "Looking it up"
    assert got.metadata == {"title": "Search", "id": 1, "status": "pending"}
    assert got.options == [{"value": "yes", "label": "Yes!"}, {"value": "no"}]
    got.metadata["title"] = "changed"
    got.options.clear()
    assert message.metadata["title"] == "Search" and len(message.options) == 2  # copies, not the fn's objects


def test_a_dict_with_content_is_one_message_whatever_role_it_claims():
    (got,) = messages_from({"role": "user", "content": "hi", "metadata": {"title": "T"}, "options": [{"value": "a"}]})
    assert (got.role, got.content, got.metadata, got.options) == ("assistant", "hi", {"title": "T"}, [{"value": "a"}])
    (got,) = messages_from({"content": "plain", "metadata": None, "options": None})
    assert (got.metadata, got.options) == ({}, [])


def test_a_multimodal_dict_becomes_files_then_text():
    got = messages_from({"text": "look", "files": ["/tmp/cat.png", {"path": "/tmp/dog.jpg"}]}, "user")
    assert [m.role for m in got] == ["user"] * 3
    assert [m.content["path"] for m in got[:2]] == ["/tmp/cat.png", "/tmp/dog.jpg"]
    assert [m.content["mime_type"] for m in got[:2]] == ["image/png", "image/jpeg"]
    assert got[2].content == "look"
    assert [m.content for m in messages_from({"text": "", "files": []})] == []
    assert [m.content for m in messages_from({"text": "only text"})] == ["only text"]


def test_a_list_is_several_messages_in_order():
    got = messages_from(["one", {"content": "two"}, gr.ChatMessage("three"), None, ("/tmp/a.wav",)])
    assert [m.content if isinstance(m.content, str) else m.content["path"] for m in got] == [
        "one", "two", "three", "/tmp/a.wav"]  # fmt: skip
    assert {m.role for m in got} == {"assistant"}


def test_gradio_3_file_tuples_with_and_without_alt_text():
    (plain,) = messages_from(("/tmp/photo.png",))
    assert plain.content == {"path": "/tmp/photo.png", "mime_type": "image/png"}
    assert plain.is_file and plain.text == ""
    (alt,) = messages_from(("/tmp/photo.png", "a cat"))
    assert alt.content == {"path": "/tmp/photo.png", "mime_type": "image/png", "alt_text": "a cat"}
    (other,) = messages_from(Path("/tmp/report.xyz-unknown"))
    assert other.content["mime_type"] == "application/octet-stream"


def test_file_dicts_gradio_5_and_6_spellings():
    (five,) = messages_from({"content": {"path": "/tmp/song.mp3", "alt_text": "tune"}})
    assert five.content == {"path": "/tmp/song.mp3", "mime_type": "audio/mpeg", "alt_text": "tune"}
    (six,) = messages_from({"content": {"type": "file", "file": {"path": "/tmp/clip.mp4"}, "alt_text": None}})
    assert six.content == {"path": "/tmp/clip.mp4", "mime_type": "video/mp4"}


def test_gradio_6_parts_lists():
    (text,) = messages_from({"role": "assistant", "content": [{"type": "text", "text": "hi"}, {"type": "text", "text": "!"}]})
    assert text.content == "hi!"
    (file,) = messages_from({"role": "user", "content": [{"type": "file", "file": {"path": "/tmp/x.png"}}]})
    assert file.content["path"] == "/tmp/x.png"
    assert messages_from({"content": []})[0].content == ""


def test_gradio_6_multimodal_turn_keeps_its_files():
    """Gradio 6 stores a multimodal turn as ONE message: [file parts..., text]; no part may be lost."""
    message = {"role": "user", "metadata": None, "options": None, "content": [
        {"type": "file", "file": {"path": "/tmp/x.png", "mime_type": "image/png"}, "alt_text": None},
        {"path": "/tmp/y.wav"},
        {"type": "text", "text": "what is this?"}]}  # fmt: skip
    got = messages_from(message, "user")
    assert [m.content["path"] for m in got if m.is_file] == ["/tmp/x.png", "/tmp/y.wav"]
    assert [m.content for m in got if not m.is_file] == ["what is this?"]
    assert [m.role for m in got] == ["user"] * 3


def test_components_in_messages_become_files(tmp_path):
    import numpy as np

    (image,) = messages_from(gr.Image(value=np.zeros((4, 4, 3), dtype=np.uint8)))
    assert image.is_file and image.content["mime_type"] == "image/png" and Path(image.content["path"]).is_file()
    picture = tmp_path / "p.jpg"
    picture.write_bytes(b"\xff\xd8")
    (by_path,) = messages_from(gr.Image(value=str(picture)))
    assert by_path.content["path"] == str(picture)


def test_other_values_are_shown_as_text():
    assert messages_from(42)[0].content == "42"
    assert messages_from(3.5)[0].content == "3.5"


def test_file_content_helper():
    assert file_content("/x/a.txt") == {"path": "/x/a.txt", "mime_type": "text/plain"}
    assert file_content(Path("/x/b.png"), "alt") == {"path": "/x/b.png", "mime_type": "image/png", "alt_text": "alt"}


# -- history_from: both formats back to messages -----------------------------------------------


def test_history_from_pairs():
    got = history_from([["Hi", "Hello"], ("How are you?", None), [None, "Still here"], [("/tmp/a.png",), "nice"]])
    assert [(m.role, m.text) for m in got] == [("user", "Hi"), ("assistant", "Hello"), ("user", "How are you?"),
                                               ("assistant", "Still here"), ("user", ""), ("assistant", "nice")]  # fmt: skip
    assert got[4].content["path"] == "/tmp/a.png"


def test_history_from_messages_keeps_roles_metadata_and_options():
    got = history_from([
        {"role": "system", "content": "be brief"},
        {"role": "user", "content": "hi"},
        gr.ChatMessage("tool", metadata={"title": "Tool", "id": "t"}),
        {"role": "assistant", "content": "done", "options": [{"value": "more"}]},
    ])  # fmt: skip
    assert [(m.role, m.content) for m in got] == [("system", "be brief"), ("user", "hi"), ("assistant", "tool"),
                                                  ("assistant", "done")]  # fmt: skip
    assert got[2].metadata == {"title": "Tool", "id": "t"}
    assert got[3].options == [{"value": "more"}]


def test_history_from_empty():
    assert history_from(None) == [] and history_from([]) == []


@pytest.mark.parametrize("junk", [["just a string"], [["a", "b", "c"]], [42], [{"content": "no role"}], [("only",)]])
def test_history_from_junk_is_a_type_error(junk):
    with pytest.raises(TypeError, match="pairs or"):
        history_from(junk)


# -- as_pairs / as_message_dicts ------------------------------------------------------------


def _msgs(*items):
    return [ChatMessage(content, role) for role, content in items]


def test_as_pairs_follows_gradio_5_messages_to_tuples():
    # Gradio 5: each user message opens a pair; an assistant message fills an empty slot, else opens (None, x).
    history = _msgs(("assistant", "welcome"), ("user", "a"), ("assistant", "A"), ("assistant", "A2"), ("user", "b"),
                    ("user", "c"), ("assistant", "C"))  # fmt: skip
    assert as_pairs(history) == [[None, "welcome"], ["a", "A"], [None, "A2"], ["b", None], ["c", "C"]]


def test_as_pairs_gives_files_as_gradio_3_tuples():
    history = messages_from({"text": "what is it", "files": ["/tmp/a.png"]}, "user")
    history += [ChatMessage(file_content("/tmp/b.wav", "answer audio"))]
    assert as_pairs(history) == [[("/tmp/a.png",), None], ["what is it", ("/tmp/b.wav", "answer audio")]]


def test_as_pairs_round_trips_pairs():
    pairs = [["hi", "hello"], ["how", "fine"], [("/tmp/a.png",), "an image"]]
    assert as_pairs(history_from(pairs)) == pairs


def test_as_message_dicts():
    history = _msgs(("user", "hi")) + [ChatMessage("hm", metadata={"title": "Thinking"}, options=[{"value": "x"}]),
                                      ChatMessage(file_content("/tmp/a.png"))]  # fmt: skip
    assert as_message_dicts(history) == [
        {"role": "user", "content": "hi", "metadata": {}, "options": []},
        {"role": "assistant", "content": "hm", "metadata": {"title": "Thinking"}, "options": [{"value": "x"}]},
        {"role": "assistant", "content": {"path": "/tmp/a.png", "mime_type": "image/png"}, "metadata": {}, "options": []},
    ]
    dicts = as_message_dicts(history)
    dicts[2]["content"]["path"] = "changed"
    dicts[1]["metadata"]["title"] = "changed"
    assert history[2].content["path"] == "/tmp/a.png" and history[1].metadata["title"] == "Thinking"
    assert history_from(as_message_dicts(history)) == history  # and back


def test_chat_message_defaults():
    message = gr.ChatMessage("hi")
    assert (message.role, message.metadata, message.options) == ("assistant", {}, [])
    assert gr.ChatMessage("x").metadata is not gr.ChatMessage("y").metadata
    typed: gr.MessageDict = {"role": "user", "content": "typed"}
    assert history_from([typed])[0].content == "typed"


# -- history_type: which format fn was written for ---------------------------------------------

TUPLE_SOURCES = {
    "3.x loop over pairs": """
        def predict(message, history):
            history_openai_format = []
            for human, assistant in history:
                history_openai_format.append({"role": "user", "content": human})
                history_openai_format.append({"role": "assistant", "content": assistant})
            history_openai_format.append({"role": "user", "content": message})
            return message
    """,
    "enumerate over pairs": """
        def predict(message, history):
            for i, (u, b) in enumerate(history):
                print(i, u, b)
            return message
    """,
    "last pair's user text": """
        def predict(message, chat_history):
            if chat_history:
                return "You said " + chat_history[-1][0]
            return message
    """,
    "history plus a new pair": """
        def predict(message, history):
            history_transformer_format = history + [[message, ""]]
            return str(len(history_transformer_format))
    """,
    "turn[0] of a loop variable": """
        def predict(message, history):
            text = ""
            for turn in history:
                text += turn[0] + "\\n" + turn[1]
            return text
    """,
    "enumerate, then turn[1]": """
        def predict(message, history):
            for i, turn in enumerate(history):
                print(i, turn[1])
            return message
    """,
    "sliced history in a comprehension": """
        def predict(message, history):
            return " ".join(u for u, _ in history[-5:])
    """,
    "reversed pairs": """
        def predict(message, history):
            for user, bot in reversed(history):
                return user
            return message
    """,
    "generator fn": """
        def predict(message, history):
            for user_msg, bot_msg in history:
                yield user_msg
    """,
    "async fn": """
        async def predict(message, history):
            return [b for (u, b) in history]
    """,
}

MESSAGE_SOURCES = {
    "6.x roles": """
        def predict(message, history):
            for msg in history:
                if msg["role"] == "user":
                    print(msg["content"])
            return message
    """,
    "6.x append a dict": """
        def predict(message, history):
            history.append({"role": "user", "content": message})
            return str(len(history))
    """,
    "passing history through": """
        def predict(message, history):
            return client.chat(messages=history + [{"role": "user", "content": message}])
    """,
    "system prompt first": """
        def predict(message, history, system_prompt):
            messages = [{"role": "system", "content": system_prompt}] + history
            if history and history[0]["role"] == "system":
                pass
            return messages[-1]["content"]
    """,
    "enumerate messages": """
        def predict(message, history):
            for i, msg in enumerate(history):
                print(i, msg["content"])
            return message
    """,
    "history ignored": """
        def predict(message, history):
            return message[::-1]
    """,
    "last message's content": """
        def predict(message, history):
            return history[-1]["content"] if history else message
    """,
}


def _fn_from(source):
    namespace = {"client": None}
    exec(compile(textwrap.dedent(source), "<chat-fn>", "exec"), namespace)  # no source for inspect: see below
    return namespace["predict"]


def _fn_with_source(source, tmp_path, name):
    path = tmp_path / f"{name}.py"
    path.write_text("client = None\n" + textwrap.dedent(source))
    namespace: dict = {}
    exec(compile(path.read_text(), str(path), "exec"), namespace)
    return namespace["predict"]


@pytest.mark.parametrize("name", list(TUPLE_SOURCES))
def test_fns_written_for_pairs_get_tuples(name, tmp_path):
    fn = _fn_with_source(TUPLE_SOURCES[name], tmp_path, f"t{abs(hash(name))}")
    assert history_type(fn) == "tuples"


@pytest.mark.parametrize("name", list(MESSAGE_SOURCES))
def test_fns_written_for_messages_get_messages(name, tmp_path):
    fn = _fn_with_source(MESSAGE_SOURCES[name], tmp_path, f"m{abs(hash(name))}")
    assert history_type(fn) == "messages"


def test_fns_defined_in_this_file():
    def pairs(message, history):
        return [user for user, bot in history]

    def messages(message, history):
        return [m["content"] for m in history]

    def method_like(message, history, temperature=0.5):
        return history[-1][1]

    class Bot:
        def respond(self, message, history):
            for user, bot in history:
                return bot

    assert history_type(pairs) == "tuples"
    assert history_type(messages) == "messages"
    assert history_type(method_like) == "tuples"
    assert history_type(Bot().respond) == "tuples"  # bound methods: self is not the history


def test_lambdas_builtins_and_callables_without_source_get_messages():
    assert history_type(lambda message, history: message.upper()) == "messages"
    assert history_type(print) == "messages"
    assert history_type(_fn_from(TUPLE_SOURCES["3.x loop over pairs"])) == "messages"  # no source to read

    class Callable:
        def __call__(self, message, history):
            for user, bot in history:
                return bot

    assert history_type(Callable()) == "messages"
    import functools

    assert history_type(functools.partial(lambda m, h, x: m, x=1)) == "messages"


def test_a_fn_with_one_parameter_gets_messages():
    def only_message(message):
        for a, b in message:
            return a

    assert history_type(only_message) == "messages"


def test_explicit_type_wins_and_a_bad_type_raises():
    def pairs(message, history):
        return [user for user, bot in history]

    assert history_type(pairs, "messages") == "messages"
    assert history_type(lambda m, h: m, "tuples") == "tuples"
    with pytest.raises(ValueError, match="'messages' or 'tuples'"):
        history_type(pairs, "pairs")
    with pytest.raises(ValueError):
        gr.ChatInterface(pairs, type="openai")
    assert gr.ChatInterface(pairs, type="messages").type == "messages"
    assert gr.ChatInterface(pairs).type == "tuples"


def test_the_chatbots_type_is_used_when_the_interface_has_none():
    def ignores(message, history):
        return message

    assert gr.ChatInterface(ignores, chatbot=gr.Chatbot(type="tuples")).type == "tuples"
    assert gr.ChatInterface(ignores, chatbot=gr.Chatbot(type="tuples"), type="messages").type == "messages"


# -- ChatInterface.__call__ ---------------------------------------------------------------


def test_call_a_string_fn():
    def echo(message, history):
        return f"{message} after {len(history)}"

    chat = gr.ChatInterface(echo)
    assert chat("hi") == "hi after 0"
    assert chat("hi", [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]) == "hi after 2"


def test_call_a_generator_returns_the_final_answer():
    calls = []

    def stream(message, history):
        text = ""
        for char in message:
            text += char
            calls.append(text)
            yield text

    assert gr.ChatInterface(stream)("abc") == "abc"
    assert calls == ["a", "ab", "abc"]


def test_call_a_generator_that_yields_nothing():
    def nothing(message, history):
        return
        yield

    assert gr.ChatInterface(nothing)("x") == []


def test_call_an_async_fn_and_an_async_generator():
    async def shout(message, history):
        await asyncio.sleep(0)
        return message.upper()

    async def spell(message, history):
        for i in range(len(message)):
            await asyncio.sleep(0)
            yield message[: i + 1]

    assert gr.ChatInterface(shout)("hey") == "HEY"
    assert gr.ChatInterface(spell)("hey") == "hey"


def test_the_generator_is_closed_when_the_answer_ends():
    closed = []

    def stream(message, history):
        try:
            yield "a"
            yield "ab"
        finally:
            closed.append(True)

    chat = gr.ChatInterface(stream)
    updates = chat.respond("x", [])
    next(updates)
    updates.close()  # Stop: the run ends mid-answer
    assert closed == [True]


def test_additional_inputs_come_after_history_in_order():
    def with_settings(message, history, system, temperature, mode):
        return f"{system}|{temperature}|{mode}|{message}"

    chat = gr.ChatInterface(with_settings, additional_inputs=[
        gr.Textbox(label="System"), gr.Slider(0, 2, label="Temperature"), gr.Radio(["fast", "slow"], label="Mode")])  # fmt: skip
    assert chat("hi", [], "be nice", 0.7, "slow") == "be nice|0.7|slow|hi"
    with pytest.raises(TypeError, match="takes 3 additional input value"):
        chat("hi", [], "be nice")
    with pytest.raises(TypeError, match="got 4"):
        chat("hi", [], "a", 1, "fast", "extra")


def test_additional_inputs_as_shortcut_strings_are_labelled_after_nothing_odd():
    chat = gr.ChatInterface(lambda m, h, extra: f"{m}{extra}", additional_inputs="text")
    assert len(chat.additional_inputs) == 1 and isinstance(chat.additional_inputs[0], gr.Textbox)
    assert chat("a", None, "b") == "ab"


@pytest.mark.parametrize("history", [
    [["hi", "hello"], ["how are you", "fine"]],
    [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"},
     {"role": "user", "content": "how are you"}, {"role": "assistant", "content": "fine"}],
])  # fmt: skip
def test_history_given_in_either_format_reaches_fn_in_its_own(history):
    seen = {}

    def pairs(message, history):
        seen["pairs"] = history
        return "ok"

    def messages(message, history):
        seen["messages"] = history
        return "ok"

    gr.ChatInterface(pairs, type="tuples")("next", history)
    gr.ChatInterface(messages, type="messages")("next", history)
    assert seen["pairs"] == [["hi", "hello"], ["how are you", "fine"]]
    assert [(m["role"], m["content"]) for m in seen["messages"]] == [
        ("user", "hi"), ("assistant", "hello"), ("user", "how are you"), ("assistant", "fine")]  # fmt: skip


def test_chat_message_answers_come_back_as_message_dicts():
    def thinking(message, history):
        return [gr.ChatMessage("checked the docs", metadata={"title": "Tool", "status": "done"}), "The answer"]

    assert gr.ChatInterface(thinking)("q") == [
        {"role": "assistant", "content": "checked the docs", "metadata": {"title": "Tool", "status": "done"}, "options": []},
        {"role": "assistant", "content": "The answer", "metadata": {}, "options": []},
    ]
    titled = gr.ChatInterface(lambda m, h: gr.ChatMessage("x", metadata={"title": "T"}))("q")
    assert titled == [{"role": "assistant", "content": "x", "metadata": {"title": "T"}, "options": []}]
    plain = gr.ChatInterface(lambda m, h: gr.ChatMessage("just text"))("q")
    assert plain == "just text"


def test_an_answer_with_options_keeps_them():
    def choose(message, history):
        return gr.ChatMessage("Pick one", options=[{"value": "red"}, {"value": "blue", "label": "Blue"}])

    assert gr.ChatInterface(choose)("q") == [
        {"role": "assistant", "content": "Pick one", "metadata": {}, "options": [{"value": "red"}, {"value": "blue", "label": "Blue"}]}]


def test_a_file_answer_comes_back_as_a_message_dict():
    answer = gr.ChatInterface(lambda m, h: {"path": "/tmp/out.png"})("q")
    assert answer == [{"role": "assistant", "content": {"path": "/tmp/out.png", "mime_type": "image/png"},
                       "metadata": {}, "options": []}]  # fmt: skip


def test_multimodal_message_reaches_fn_as_given():
    seen = []

    def look(message, history):
        seen.append((message, history))
        return f"{len(message['files'])} file(s): {message['text']}"

    chat = gr.ChatInterface(look, multimodal=True)
    assert chat({"text": "what", "files": ["/tmp/a.png"]}) == "1 file(s): what"
    history = [{"role": "user", "content": {"path": "/tmp/a.png"}}, {"role": "user", "content": "what"},
               {"role": "assistant", "content": "1 file(s): what"}]  # fmt: skip
    chat({"text": "again", "files": []}, history)
    assert seen[1][1][0]["content"]["path"] == "/tmp/a.png"


def test_additional_outputs_are_split_from_the_answer():
    def with_out(message, history):
        return message.upper(), f"len={len(message)}"

    chat = gr.ChatInterface(with_out, additional_outputs=[gr.Textbox(label="stats")])
    ((answer, outputs),) = list(chat.respond("abc", []))
    assert [m.content for m in answer] == ["ABC"] and outputs == ["len=3"]
    bad = gr.ChatInterface(lambda m, h: "no tuple", additional_outputs=[gr.Textbox()])
    with pytest.raises(TypeError, match="additional_outputs"):
        list(bad.respond("x", []))


def test_fn_must_be_callable_and_names_follow_it():
    with pytest.raises(TypeError, match="callable"):
        gr.ChatInterface("not a function")

    def my_bot(message, history):
        return message

    chat = gr.ChatInterface(my_bot)
    assert chat.__name__ == "my_bot" and chat.api_name == "my_bot"
    assert gr.ChatInterface(my_bot, api_name="chat").api_name == "chat"
    assert "my_bot" in repr(chat)


def test_example_labels_must_match_examples():
    with pytest.raises(ValueError, match="2 labels for 1 examples"):
        gr.ChatInterface(lambda m, h: m, examples=["a"], example_labels=["x", "y"])
    chat = gr.ChatInterface(lambda m, h, s: m, examples=["a", ["b", "sys"], {"text": "c", "files": []}],
                            additional_inputs=["text"])  # fmt: skip
    assert chat.examples == [["a"], ["b", "sys"], [{"text": "c", "files": []}]]


def test_flagging_mode_and_buttons():
    with pytest.raises(ValueError, match="flagging_mode"):
        gr.ChatInterface(lambda m, h: m, flagging_mode="auto")
    chat = gr.ChatInterface(lambda m, h: m)
    assert (chat.retry_btn, chat.undo_btn, chat.clear_btn) == ("🔄  Retry", "↩️ Undo", "🗑️  Clear")
    hidden = gr.ChatInterface(lambda m, h: m, retry_btn=None, undo_btn=None, clear_btn="Wipe")
    assert (hidden.retry_btn, hidden.undo_btn, hidden.clear_btn) == (None, None, "Wipe")


def test_concurrency_limits():
    assert gr.ChatInterface(lambda m, h: m).concurrency is None
    assert gr.ChatInterface(lambda m, h: m, concurrency_limit=2).concurrency == 2
    assert gr.ChatInterface(lambda m, h: m, concurrency_limit=None).concurrency is None
    assert gr.ChatInterface(lambda m, h: m).queue(concurrency_count=3).concurrency == 3


def test_streams_only_for_generators():
    def gen(m, h):
        yield m

    async def agen(m, h):
        yield m

    assert gr.ChatInterface(gen).streams and gr.ChatInterface(agen).streams
    assert not gr.ChatInterface(lambda m, h: m).streams


def test_keys_are_stable_and_differ_between_chats():
    def a(message, history):
        return message

    def b(message, history):
        return message

    assert gr.ChatInterface(a).key == gr.ChatInterface(a).key
    assert gr.ChatInterface(a).key != gr.ChatInterface(b).key
    assert gr.ChatInterface(a, title="x").key != gr.ChatInterface(a).key


def test_answers_naming_files_outside_the_policy_are_refused(tmp_path):
    chat = gr.ChatInterface(lambda m, h: {"path": "/etc/passwd"})
    (answer, _), = list(chat.respond("x", []))
    with pytest.raises(gr.Error, match="outside the folders stface serves"):
        chat.checked_files(answer)
    mine = tmp_path / "ok.txt"
    mine.write_text("ok")
    chat.launch_options.allowed_paths = [str(tmp_path)]
    chat.checked_files(messages_from({"path": str(mine)}))


# -- gr.Chatbot -------------------------------------------------------------------------


def test_chatbot_round_trips_pairs():
    box = gr.Chatbot()
    pairs = [["Hi", "Hello"], ["Show me", ("/tmp/cat.png",)], [("/tmp/me.jpg", "me"), "Nice photo"]]
    history = box.postprocess(pairs)
    assert isinstance(history, ChatHistory) and history.shape == "tuples"
    assert box.preprocess(history) == pairs
    assert box.as_python(history) == pairs
    assert box.postprocess([("a", "b")]).shape == "tuples"  # tuples of 2, as Gradio 3 apps append them


def test_chatbot_round_trips_messages():
    box = gr.Chatbot()
    messages = [{"role": "user", "content": "Hi"}, gr.ChatMessage("Thinking", metadata={"title": "Plan"}),
                {"role": "assistant", "content": "Hello", "options": [{"value": "more"}]}]  # fmt: skip
    history = box.postprocess(messages)
    assert history.shape == "messages"
    assert box.preprocess(history) == [
        {"role": "user", "content": "Hi", "metadata": {}, "options": []},
        {"role": "assistant", "content": "Thinking", "metadata": {"title": "Plan"}, "options": []},
        {"role": "assistant", "content": "Hello", "metadata": {}, "options": [{"value": "more"}]},
    ]
    assert box.postprocess(box.preprocess(history)) == history


def test_chatbot_type_decides_only_for_an_empty_history():
    assert gr.Chatbot().postprocess(None).shape == "tuples"  # Gradio 3-5's default
    assert gr.Chatbot(type="messages").postprocess([]).shape == "messages"
    assert gr.Chatbot(type="messages").postprocess([["a", "b"]]).shape == "tuples"  # what fn returned wins
    assert gr.Chatbot(type="tuples").postprocess([{"role": "user", "content": "a"}]).shape == "messages"
    assert gr.Chatbot().preprocess(None) == [] and gr.Chatbot(type="messages").preprocess(None) == []
    with pytest.raises(ValueError, match="'messages' or 'tuples'"):
        gr.Chatbot(type="pairs")


def test_chatbot_value_and_preprocess_of_raw_values():
    box = gr.Chatbot(value=[["Welcome", "Hi! Ask me anything."]])
    assert box.preprocess(box.initial_payload()) == [["Welcome", "Hi! Ask me anything."]]
    assert box.preprocess([{"role": "user", "content": "x"}]) == [
        {"role": "user", "content": "x", "metadata": {}, "options": []}]
    history = box.postprocess([["a", "b"]])
    assert box.postprocess(history) is history


def test_chatbot_junk_is_a_type_error():
    with pytest.raises(TypeError):
        gr.Chatbot().postprocess(["not a pair"])


def test_chatbot_shortcut_and_options():
    iface = gr.Interface(lambda m, h: (h, h), ["text", "state"], ["chatbot", "state"])
    assert isinstance(iface.output_components[0], gr.Chatbot)
    box = gr.Chatbot(label="Bot", height=300, placeholder="**Ask**", avatar_images=("u.png", None))
    assert (box.label, box.height, box.placeholder, box.avatar_images) == ("Bot", 300, "**Ask**", ("u.png", None))


# -- options stface does not act on --------------------------------------------------------

CHATBOT_OPTION_CALLS = [
    ("3.50 chatbot demos", {"bubble_full_width": False, "show_copy_button": True}),
    ("3.x color_map", {"color_map": ["green", "pink"]}),
    ("6.x", {"buttons": ["copy"], "reasoning_tags": [("<t>", "</t>")]}),
    ("a typo", {"heigth": 300}),
]


@pytest.mark.parametrize("options", [o for _, o in CHATBOT_OPTION_CALLS], ids=[w for w, _ in CHATBOT_OPTION_CALLS])
def test_chatbot_options_without_effect_warn_and_the_chatbot_works(options):
    with pytest.warns(StfaceCompatibilityWarning, match="no effect in stface") as caught:
        box = gr.Chatbot(**options)
    assert box.preprocess(box.postprocess([["a", "b"]])) == [["a", "b"]]
    if "heigth" in options:
        assert "did you mean 'height'" in str(caught[0].message)


CHAT_OPTION_CALLS = [
    ("5.x layout", {"fill_height": True, "fill_width": False, "autoscroll": True, "show_progress": "full"}),
    ("5.x front end", {"js": "() => {}", "head": "<meta>", "css_paths": [], "show_api": False}),
    ("6.x", {"api_visibility": "private", "cache_mode": "lazy", "example_icons": ["a.png"], "examples_label": "Try"}),
]


@pytest.mark.parametrize("options", [o for _, o in CHAT_OPTION_CALLS], ids=[w for w, _ in CHAT_OPTION_CALLS])
def test_chat_interface_options_without_effect_warn_and_it_works(options):
    with pytest.warns(StfaceCompatibilityWarning, match="no effect in stface"):
        chat = gr.ChatInterface(lambda m, h: m[::-1], **options)
    assert chat("abc") == "cba"


def test_a_misspelt_chat_option_warns_with_a_suggestion():
    with pytest.warns(StfaceCompatibilityWarning) as caught:
        gr.ChatInterface(lambda m, h: m, additional_input=["text"], fill_heigth=True)
    message = str(caught[0].message)
    assert "additional_input (did you mean 'additional_inputs'?)" in message
    assert "fill_heigth (did you mean 'fill_height'?)" in message


def test_gradio_3_50_and_5_options_do_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error", StfaceCompatibilityWarning)
        gr.ChatInterface(lambda m, h: m, retry_btn=None, undo_btn="Back", clear_btn="Clear",
                         additional_inputs_accordion_name="Settings", submit_btn="Send", stop_btn="Stop",
                         title="T", description="D", theme="soft", css=".x{}", autofocus=False, save_history=True,
                         editable=True, flagging_mode="manual", concurrency_limit=2, delete_cache=(60, 60))  # fmt: skip
        gr.Chatbot(value=[], label="Chat", height=400, type="messages", placeholder="x", avatar_images=(None, None))


def test_async_fns_answer_even_when_the_caller_already_runs_an_event_loop():
    import asyncio

    import stface as gr

    async def answer(message, history):
        await asyncio.sleep(0)
        return "async " + message

    async def grow(message, history):
        for n in range(3):
            await asyncio.sleep(0)
            yield message * (n + 1)

    async def in_a_notebook():  # a running loop in this thread, as in Jupyter
        return gr.ChatInterface(answer, type="messages")("hi"), gr.ChatInterface(grow, type="messages")("ab")

    from concurrent.futures import ThreadPoolExecutor

    # A thread of its own: under the whole suite, this thread may already run Playwright's loop.
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, in_a_notebook()).result() == ("async hi", "ababab")
