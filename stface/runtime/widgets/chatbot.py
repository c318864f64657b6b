"""Drawing a conversation with Streamlit's chat elements (gr.Chatbot, and ChatInterface's history).

Consecutive messages of one role share a bubble, as in Gradio. Text is
Markdown without HTML (Streamlit escapes it; ``javascript:`` links are
disarmed), so neither app text nor model text can run script. Files show
inline: images, audio and video play, anything else downloads. A message
with a ``metadata`` title is a "thought": a status box, spinning while
pending, holding the messages whose ``parent_id`` names it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import streamlit as st

from stface.chat_history import ChatHistory, ChatMessage
from stface.components._html import neutralise_script_links
from stface.components.chatbot import Chatbot
from stface.i18n import translate
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws

__all__ = ["ChatbotWidget", "draw_conversation", "draw_messages"]

#: Download buttons' keys: unique in a run even when a streamed answer redraws a file many times.
_file_keys = itertools.count()


def draw_conversation(
    history: Sequence[ChatMessage],
    avatars: tuple[Any, Any] = (None, None),
    after: Callable[[str, int, int], None] | None = None,
) -> None:
    """The whole conversation, one chat bubble per run of same-role messages.

    ``after(role, first, last)`` draws under each bubble's messages (edit,
    like), given the bubble's first and last index in ``history``.
    """
    for role, first, messages in _groups(history):
        with st.chat_message(role, avatar=avatars[0] if role == "user" else avatars[1]):
            draw_messages(messages)
            if after is not None:
                after(role, first, first + len(messages) - 1)


def draw_messages(messages: Sequence[ChatMessage]) -> None:
    """Messages inside one bubble, thoughts nested by ``parent_id``."""
    parents = {m.metadata.get("id") for m in messages if m.metadata.get("id") is not None and m.metadata.get("title")}
    children: dict[Any, list[ChatMessage]] = {}
    top: list[ChatMessage] = []
    for message in messages:
        parent = message.metadata.get("parent_id")
        (children.setdefault(parent, []) if parent in parents else top).append(message)
    for message in top:
        _draw_one(message, children)


def _groups(history: Sequence[ChatMessage]) -> list[tuple[str, int, list[ChatMessage]]]:
    groups: list[tuple[str, int, list[ChatMessage]]] = []
    for index, message in enumerate(history):
        if message.role == "system":
            continue  # Gradio does not show system messages
        if groups and groups[-1][0] == message.role and groups[-1][1] + len(groups[-1][2]) == index:
            groups[-1][2].append(message)
        else:
            groups.append((message.role, index, [message]))
    return groups


def _draw_one(message: ChatMessage, children: dict[Any, list[ChatMessage]]) -> None:
    title = message.metadata.get("title")
    if not title:
        _draw_content(message)
        return
    pending = message.metadata.get("status") == "pending" or (message.metadata.get("status") != "done" and not message.content)
    label = str(title) + _duration(message.metadata.get("duration"))
    status = st.status(label, state="running" if pending else "complete", expanded=pending)
    with status.container():  # not `with status`: leaving it would mark a pending thought complete
        if message.content:
            _draw_content(message)
        if message.metadata.get("log"):
            st.caption(str(message.metadata["log"]))
        for child in children.get(message.metadata.get("id"), []):
            _draw_one(child, children)


def _duration(seconds: Any) -> str:
    if not isinstance(seconds, (int, float)):
        return ""
    if float(seconds).is_integer():
        return f" ({int(seconds)}s)"
    return f" ({seconds:.1f}s)" if seconds >= 0.1 else f" ({seconds * 1000:.1f}ms)"


def _draw_content(message: ChatMessage) -> None:
    if not message.is_file:
        st.markdown(neutralise_script_links(message.text))
        return
    path, mime = message.content["path"], message.content.get("mime_type", "")
    try:
        if mime.startswith("image/"):
            st.image(path, caption=message.content.get("alt_text"), width=320)
        elif mime.startswith("audio/"):
            st.audio(path)
        elif mime.startswith("video/"):
            st.video(path)
        else:
            name = Path(path).name
            st.download_button(f"📎 {name}", data=Path(path).read_bytes(), file_name=name, on_click="ignore",
                               key=f"stface-file:{next(_file_keys)}")  # fmt: skip
    except OSError:
        st.caption(f"({Path(path).name} is no longer available)")


@draws(Chatbot)
class ChatbotWidget(Widget[Chatbot]):
    """As an output: the conversation. As an input: the same, read-only (fn changes it)."""

    def input(self, keys: WidgetKeys, *, on_change: Any = None) -> ChatHistory:
        payload = st.session_state.get(keys.value)
        self._draw(payload if isinstance(payload, ChatHistory) else self.component.initial_payload())
        return st.session_state.get(keys.value)

    def output(self, payload: ChatHistory, keys: WidgetKeys) -> None:
        self._draw(payload)

    def _draw(self, history: ChatHistory) -> None:
        chatbot = self.component
        self.caption()
        height = chatbot.height if isinstance(chatbot.height, int) else 400
        with st.container(height=height if history else "content", border=True):
            if not history:
                st.caption(neutralise_script_links(translate(chatbot.placeholder) or "No messages yet."))
            draw_conversation(history, chatbot.avatar_images)
