"""Drawing a ChatInterface with Streamlit's chat elements.

A message's life, all of it in :class:`~stface.runtime.session.ChatState`:

    chat input / retry / example / option ─▶ ChatState.pending (a callback)
    rerun ─▶ the person's message joins the history ─▶ the conversation is drawn
          ─▶ fn streams the answer into an assistant bubble; every update is
             stored in the history at once, so Stop (the chat input's stop
             button, which ends the run) keeps what was said so far.

As with Interface, nothing is computed in a callback: a run cut short by
another rerun loses no click. The answer's stream is in
:mod:`stface.runtime.chat_answer`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import streamlit as st

from stface.chat_history import ChatMessage, messages_from
from stface.components._html import escape, neutralise_script_links
from stface.i18n import translate
from stface.paths import save_bytes
from stface.runtime.chat_answer import answer, error_text
from stface.runtime.chat_controls import under_bubble
from stface.runtime.chat_saved import draw_saved, save_conversation, sync_saved
from stface.runtime.language import browser_language
from stface.runtime.session import ChatKeys, ChatState, chat_state, session_files
from stface.runtime.widgets import show_html, widget_for
from stface.runtime.widgets.chatbot import draw_conversation

if TYPE_CHECKING:
    from stface.chat import ChatInterface

__all__ = ["render_chat"]



def render_chat(chat: ChatInterface, *, key: str, fragment: bool = False) -> None:
    """Draw the chat where called (as a Streamlit fragment with ``fragment=True``)."""
    draw = st.fragment(_render) if fragment else _render
    draw(chat, ChatKeys(f"stface-{key}"))


def _render(chat: ChatInterface, keys: ChatKeys) -> None:
    with session_files(), browser_language(chat):
        state = chat_state(keys)
        # Drawn first, pinned to the bottom by Streamlit: a run that Stop ends still has it.
        st.chat_input(
            translate(chat.placeholder),
            key=keys.message,
            accept_file="multiple" if chat.multimodal else False,
            file_type=chat.file_types if chat.multimodal else None,
            submit_mode="stop" if chat.streams and chat.stop_btn is not False else "disable",
            on_submit=_submitted,
            args=(chat, keys),
        )
        if chat.css:
            show_html("<style>" + chat.css.replace("</", "<\\/") + "</style>")
        if chat.title:
            show_html(f'<h1 class="stface-title" style="text-align:center">{escape(translate(chat.title))}</h1>')
        if chat.description:
            st.markdown(neutralise_script_links(translate(chat.description)))
        extras = _draw_additional_inputs(chat, keys)
        if state.pending is not None and state.answer_from < 0:  # the person's message joins the conversation
            state.pending = _prepared(chat, state.pending)
            state.turn_from = len(state.history)
            state.history += _user_messages(state.pending)
            state.answer_from = len(state.history)
        under = under_bubble(chat, keys, state)
        # An answer on its way (maybe made by the run before this one, still going) is drawn by _answer.
        answering = state.pending is not None and state.answer_from >= 0
        draw_conversation(state.history[: state.answer_from] if answering else state.history, chat.avatars, after=under)
        if not state.history and chat.examples:
            _draw_examples(chat, keys)
        if state.pending is not None:
            answer(chat, keys, state, extras, under)
        if chat.save_history:  # after the answer, which saves the conversation: the list shows it at once
            draw_saved(chat, keys, state)
        if state.error:
            st.error(state.error, icon=":material/error:")
        _draw_options(keys, state)
        if state.history:
            _draw_buttons(chat, keys, state)
        if chat.save_history:
            sync_saved(chat, keys, state)
        if chat.additional_outputs and state.outputs is not None:
            for index, (component, value) in enumerate(zip(chat.additional_outputs, state.outputs)):
                widget_for(component).output(value, keys.extra_output(index))


def _draw_additional_inputs(chat: ChatInterface, keys: ChatKeys) -> list[Any]:
    """The additional inputs, in an expander (Gradio's accordion), closed; their payloads."""
    if not chat.additional_inputs:
        return []
    session, payloads = st.session_state, []
    with st.expander(translate(chat.accordion_label), expanded=False):
        for index, component in enumerate(chat.additional_inputs):
            widget = widget_for(component)
            if keys.extra(index).value not in session:
                widget.store(session, keys.extra(index), component.initial_payload())
            payloads.append(widget.input(keys.extra(index)) if component.visible else session[keys.extra(index).value])
    return payloads


def _user_messages(message: Any) -> list[ChatMessage]:
    return messages_from(message, "user")


def _submitted(chat: ChatInterface, keys: ChatKeys) -> None:
    """Chat input callback: the message (text, maybe files) waits for the run, once the validator accepts it.

    A message the validator rejects is not sent: its reason shows, and its
    text goes back into the box to be corrected.
    """
    value = st.session_state.get(keys.message)
    if value is None:
        return
    text = value if isinstance(value, str) else value.text
    files = [] if isinstance(value, str) else list(value.files or [])
    state = chat_state(keys)
    message = text if not files else {"text": text, "uploads": files}
    state.answer_from, state.error, state.checked = -1, None, False
    if chat.validator is not None:
        message = _prepared(chat, message)
        try:
            chat.check_message(message)
        except Exception as exc:  # noqa: BLE001 - the app's validator: its failure is shown, the page keeps serving
            state.error = error_text(chat, exc)
            st.session_state[keys.message] = text
            return
        state.checked = True
    state.pending = message


def _prepared(chat: ChatInterface, message: Any) -> Any:
    """Uploaded files saved (owned by this session); fn's message as Gradio gives it."""
    if isinstance(message, dict) and "uploads" in message:
        paths = [save_bytes(f.getvalue(), f.name) for f in message["uploads"]]
        message = {"text": message["text"], "files": paths}
    if chat.multimodal and isinstance(message, str):
        return {"text": message, "files": []}
    if not chat.multimodal and isinstance(message, dict):
        return message.get("text", "")
    return message


def _draw_examples(chat: ChatInterface, keys: ChatKeys) -> None:
    labels = chat.example_labels or [_example_text(row[0]) for row in chat.examples]
    columns = st.columns(min(len(labels), 4))
    for number, label in enumerate(labels):
        with columns[number % len(columns)]:
            st.button(label, key=keys.example(number), on_click=_example, args=(chat, keys, number), width="stretch")


def _example_text(message: Any) -> str:
    if isinstance(message, dict):
        files = message.get("files") or []
        return ("📎 " if files else "") + str(message.get("text", ""))
    return str(message)


def _example(chat: ChatInterface, keys: ChatKeys, number: int) -> None:
    """Example callback: its additional values fill the inputs; its message is sent (or put in the box)."""
    row = chat.examples[number]
    session, state = st.session_state, chat_state(keys)
    for index, (component, value) in enumerate(zip(chat.additional_inputs, row[1:])):
        if value is not None:
            widget_for(component).store(session, keys.extra(index), value)
    message = row[0]
    if not chat.run_examples_on_click and not chat.cache_examples:
        session[keys.message] = str(message.get("text", "")) if isinstance(message, dict) else str(message)
        return
    state.history.clear()
    state.error = None
    if chat.cache_examples:
        state.history += _user_messages(message)
        try:
            state.history += cached_answer(chat, number)
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - as in _answer: the page keeps serving
            state.error = error_text(chat, exc)
        save_conversation(chat, state)
        return
    state.pending, state.answer_from = message, -1


_cache: dict[tuple[Any, ...], list[ChatMessage]] = {}


def cached_answer(chat: ChatInterface, number: int) -> list[ChatMessage]:
    """An example's answer, computed once per process (``cache_examples=True``)."""
    row = chat.examples[number]
    key = (chat.key, getattr(chat.fn, "__code__", None), repr(row))  # pages of one app share chat.key
    if key not in _cache:
        extras = [c.initial_payload() if v is None else v for c, v in zip(chat.additional_inputs, row[1:])]
        extras += [c.initial_payload() for c in chat.additional_inputs[len(extras) :]]
        answer: list[ChatMessage] = []
        for answer, _ in chat.respond(row[0], [], extras):
            pass
        _cache[key] = answer
    return list(_cache[key])


def _draw_options(keys: ChatKeys, state: ChatState) -> None:
    """The last answer's options, as buttons: a click sends the option's value."""
    if not state.history or state.history[-1].role != "assistant" or state.pending is not None:
        return
    options = state.history[-1].options
    if options:
        with st.container(horizontal=True):
            for number, option in enumerate(options):
                st.button(option.get("label") or option["value"], key=keys.option(number), on_click=_option,
                          args=(keys, option["value"]))  # fmt: skip


def _option(keys: ChatKeys, value: str) -> None:
    state = chat_state(keys)
    state.pending, state.answer_from, state.error = value, -1, None


def _draw_buttons(chat: ChatInterface, keys: ChatKeys, state: ChatState) -> None:
    with st.container(horizontal=True):
        for name, label, action in (("retry", chat.retry_btn, _retry), ("undo", chat.undo_btn, _undo),
                                    ("clear", chat.clear_btn, _clear)):  # fmt: skip
            if label:
                st.button(translate(label), key=keys.button(name), on_click=action, args=(chat, keys), type="tertiary")


def _pop_last_turn(state: ChatState) -> list[ChatMessage]:
    """Remove the last answer and the person's message before it; return that message's parts."""
    history = state.history
    while history and history[-1].role != "user":
        history.pop()
    turn: list[ChatMessage] = []
    while history and history[-1].role == "user":
        turn.insert(0, history.pop())
    return turn


def _turn_message(chat: ChatInterface, turn: list[ChatMessage]) -> Any:
    text = "".join(m.text for m in turn if not m.is_file)
    files = [m.content["path"] for m in turn if m.is_file]
    return {"text": text, "files": files} if chat.multimodal or files else text


def _retry(chat: ChatInterface, keys: ChatKeys) -> None:
    """Retry: the last answer goes, and fn answers the same message again."""
    state = chat_state(keys)
    turn = _pop_last_turn(state)
    if turn:
        state.pending, state.answer_from, state.error = _turn_message(chat, turn), -1, None


def _undo(chat: ChatInterface, keys: ChatKeys) -> None:
    """Undo: the last exchange goes, and the person's message is back in the box."""
    state = chat_state(keys)
    turn = _pop_last_turn(state)
    state.error, state.editing = None, None  # an open editor would land on another message
    if turn:
        st.session_state[keys.message] = "".join(m.text for m in turn if not m.is_file)
    save_conversation(chat, state)


def _clear(chat: ChatInterface, keys: ChatKeys) -> None:
    state = chat_state(keys)
    state.history.clear()
    state.error, state.outputs, state.editing = None, None, None
    if chat.save_history and state.current is not None:
        del state.saved[state.current]
        state.current = None
