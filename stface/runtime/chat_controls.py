"""What stands under a chat's bubbles: Edit under the person's messages
(``editable=True``), Like/Dislike and other flags under answers
(``flagging_mode="manual"``, written by ``ChatInterface.flagging_callback``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import streamlit as st

from stface.runtime.session import ChatKeys, ChatState, chat_state

if TYPE_CHECKING:
    from stface.chat import ChatInterface

__all__ = ["under_bubble"]

_LOG = logging.getLogger("stface")


def under_bubble(chat: ChatInterface, keys: ChatKeys, state: ChatState):
    """Edit under the person's messages (``editable``), Like/Dislike under answers (``flagging_mode="manual"``)."""
    if not chat.editable and chat.flagging_mode != "manual":
        return None

    def draw(role: str, first: int, last: int) -> None:
        if role == "user" and chat.editable:
            _draw_edit(chat, keys, state, first, last)
        elif role == "assistant" and chat.flagging_mode == "manual":
            _draw_flags(chat, keys, state, last)

    return draw


def _draw_edit(chat: ChatInterface, keys: ChatKeys, state: ChatState, first: int, last: int) -> None:
    if state.editing != first:
        st.button("✏️", key=keys.button(f"edit:{first}"), help="Edit", type="tertiary", on_click=_start_edit,
                  args=(keys, first))  # fmt: skip
        return
    text = "".join(m.text for m in state.history[first : last + 1] if not m.is_file)
    st.text_area("Edit your message", value=text, key=keys.button("edit-text"), label_visibility="collapsed")
    with st.container(horizontal=True):
        st.button("Send", key=keys.button("edit-send"), type="primary", on_click=_send_edit, args=(chat, keys, first, last))
        st.button("Cancel", key=keys.button("edit-cancel"), on_click=_start_edit, args=(keys, None))


def _start_edit(keys: ChatKeys, first: int | None) -> None:
    chat_state(keys).editing = first


def _send_edit(chat: ChatInterface, keys: ChatKeys, first: int, last: int) -> None:
    """The edited message replaces that turn and all after it; fn answers it again (Gradio's edit)."""
    state = chat_state(keys)
    files = [m.content["path"] for m in state.history[first : last + 1] if m.is_file]
    text = st.session_state.get(keys.button("edit-text"), "")
    del state.history[first:]
    state.editing, state.error = None, None
    state.pending = {"text": text, "files": files} if files or chat.multimodal else text
    state.answer_from = -1


def _draw_flags(chat: ChatInterface, keys: ChatKeys, state: ChatState, index: int) -> None:
    options = chat.flagging_options
    with st.container(horizontal=True):
        if "Like" in options or "Dislike" in options:
            st.feedback("thumbs", key=keys.flag(index, "thumbs"), on_change=_thumbs, args=(chat, keys, index))
        for option in (o for o in options if o not in ("Like", "Dislike")):
            st.button(f"🚩 {option}", key=keys.flag(index, option), type="tertiary", on_click=_flag,
                      args=(chat, keys, index, option))  # fmt: skip


def _thumbs(chat: ChatInterface, keys: ChatKeys, index: int) -> None:
    choice = st.session_state.get(keys.flag(index, "thumbs"))
    if choice is not None:
        _flag(chat, keys, index, "Like" if choice == 1 else "Dislike")


def _flag(chat: ChatInterface, keys: ChatKeys, index: int, option: str) -> None:
    from stface.runtime.auth import logged_in_user

    state = chat_state(keys)
    try:
        chat.flagging_callback.flag(state.history, index, option, username=logged_in_user())
        st.toast("Thank you for the feedback!")
    except OSError:
        _LOG.exception("flagging failed")
        st.toast("Could not save the feedback; please try again.")
