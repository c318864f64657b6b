"""``save_history=True``: a browser's past conversations, kept in its localStorage (as Gradio 5 keeps them).

The open conversation is saved after every answer (``save_conversation``),
written to the browser when it changed (``sync_saved``) and listed in the
sidebar under "New chat" (``draw_saved``). What the browser gives back is
the person's own data: it is checked before use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import streamlit as st

from stface.chat_history import ChatMessage, history_from
from stface.errors import Error
from stface.runtime.session import ChatKeys, ChatState, chat_state
from stface.runtime.widgets.browser_storage import browser_storage

if TYPE_CHECKING:
    from stface.chat import ChatInterface

__all__ = ["draw_saved", "save_conversation", "sync_saved"]

_MAX_SAVED = 100  # conversations kept per browser


def save_conversation(chat: ChatInterface, state: ChatState) -> None:
    """With save_history, the open conversation joins (or updates) this browser's list."""
    if not chat.save_history or not state.history:
        return
    if state.current is None:
        state.saved.insert(0, list(state.history))
        state.current = 0
        del state.saved[_MAX_SAVED:]
    else:
        state.saved[state.current] = list(state.history)


def sync_saved(chat: ChatInterface, keys: ChatKeys, state: ChatState) -> None:
    """This browser's conversations live in its localStorage (as Gradio 5 keeps them): read once, written on change."""
    storage_key = f"stface_saved_conversations_{chat.key}"
    if not state.loaded:
        stored = browser_storage(storage_key, key=keys.button("storage"))
        if stored is not None:  # the browser has answered (maybe with nothing)
            state.saved[:] = state.saved + _conversations(chat, stored)
            state.loaded, state.written = True, None
            st.rerun()  # the sidebar, drawn above, lists them
        return
    now = _stored_form(state.saved)
    browser_storage(storage_key, key=keys.button("storage"), loaded=True, write=now if now != state.written else None)
    state.written = now


def draw_saved(chat: ChatInterface, keys: ChatKeys, state: ChatState) -> None:
    """The sidebar: New chat, then this browser's conversations, newest first."""
    with st.sidebar:
        st.button("New chat", key=keys.button("new-chat"), type="primary", on_click=_new_chat, args=(keys,), width="stretch")
        for number, conversation in enumerate(state.saved):
            st.button(_title(conversation), key=keys.button(f"saved:{number}"), on_click=_open_saved,
                      args=(keys, number), width="stretch", type="secondary" if number != state.current else "primary")  # fmt: skip


def _stored_form(saved: list[list[ChatMessage]]) -> list[list[dict[str, Any]]]:
    return [[{"role": m.role, "content": m.content, "metadata": dict(m.metadata)} for m in c] for c in saved]


def _conversations(chat: ChatInterface, stored: Any) -> list[list[ChatMessage]]:
    """What the browser held, checked: it is the person's own data, and may have been edited."""
    conversations = []
    for conversation in stored if isinstance(stored, list) else []:
        try:
            messages = history_from(conversation)
            chat.checked_files(messages)  # a stored path outside the file policy drops the conversation
        except (TypeError, ValueError, KeyError, OSError, Error):
            continue
        if messages:
            conversations.append(messages)
    return conversations[:_MAX_SAVED]


def _title(conversation: list[ChatMessage]) -> str:
    first = next((m for m in conversation if m.role == "user" and not m.is_file), None)
    text = first.text if first else "Conversation"
    prefix = "📎 " if conversation and conversation[0].is_file else ""
    return prefix + (text[:40] + "..." if len(text) > 40 else text)


def _new_chat(keys: ChatKeys) -> None:
    state = chat_state(keys)
    state.history.clear()
    state.current, state.error, state.editing = None, None, None


def _open_saved(keys: ChatKeys, number: int) -> None:
    state = chat_state(keys)
    state.history[:] = state.saved[number]
    state.current, state.error, state.editing = number, None, None
