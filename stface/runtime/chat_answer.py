"""The answer being made in a ChatInterface: fn's stream into an assistant bubble, across reruns.

Every update is stored in the conversation at once, so Stop (the chat
input's stop button, which ends the run) keeps what was said so far. A
click elsewhere while fn streams (an additional input, a Like) makes
Streamlit start its next run beside this one: the answer pauses between
two updates and that run goes on with it in the same bubble
(:mod:`stface.runtime.interrupts`), unless the conversation changed
meanwhile (Clear, Undo, Retry, another message).
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any

import streamlit as st

from stface.chat_history import ChatMessage
from stface.concurrency import gate_for
from stface.errors import Error
from stface.messages import notifying_to
from stface.request import requested
from stface.runtime.chat_saved import save_conversation
from stface.runtime.fn_context import Toasts, this_request
from stface.runtime.interrupts import Held, Updates
from stface.runtime.session import ChatKeys, ChatState
from stface.runtime.widgets.chatbot import draw_messages

if TYPE_CHECKING:
    from stface.chat import ChatInterface

__all__ = ["answer", "error_text"]

_LOG = logging.getLogger("stface")
_GENERIC_ERROR = "Something went wrong while answering. Please try again."


class _Answer(Updates):
    """The answer being made to one message: fn's updates, and where they go in the conversation.

    A click while fn streams pauses it between two updates and the next run
    takes it up (:mod:`stface.runtime.interrupts`), unless the conversation
    changed meanwhile (Clear, Undo, Retry, another message): then it ends.
    """

    def __init__(self, chat: ChatInterface, state: ChatState, extras: list[Any]) -> None:
        before = state.history[: state.turn_from]
        super().__init__(chat.respond(state.pending, before, extras, checked=state.checked))
        self.message, self.start = state.pending, state.answer_from
        self.written: list[ChatMessage] = []

    def current(self, state: ChatState) -> bool:
        """Whether the conversation is still the one this answer is being written into."""
        history = state.history
        return (state.pending is self.message and state.answer_from == self.start
                and len(history) == self.start + len(self.written)
                and all(a is b for a, b in zip(history[self.start:], self.written)))  # fmt: skip

    def write(self, state: ChatState, answer: list[ChatMessage]) -> None:
        state.history[self.start:] = answer
        self.written = list(answer)


def answer(chat: ChatInterface, keys: ChatKeys, state: ChatState, extras: list[Any], under: Any) -> None:
    """Stream fn's answer into an assistant bubble; the history holds every update at once.

    A click elsewhere while fn streams pauses the answer for the next run,
    which goes on with it; Stop (the chat input's) ends it, keeping what was
    said.
    """
    gate = gate_for(chat.key, chat.concurrency, chat.queue_max_size)
    slot, toasts, held = st.empty(), Toasts(), Held()
    reply: _Answer | None = None
    asked, paused, failed = state.pending, False, False

    def bindings() -> tuple[contextlib.AbstractContextManager[Any], ...]:
        return notifying_to(toasts.add), requested(this_request)

    def draw(messages: list[ChatMessage]) -> bool:
        """Show the answer so far; whether to go on (Stop ends it, a rerun pauses it here)."""
        nonlocal paused
        with held:
            toasts.show()
            with slot.container(), st.chat_message("assistant"):
                draw_messages(messages)
        if held.stopping:
            reply.close()
            return False
        if held.signal is not None:
            state.updates, paused = reply, True
            held.release()
        return True

    # The lock is held until the answer is stored: Streamlit's next run (a
    # click) may be waiting for it already, and must not answer it again.
    with state.lock:
        try:
            with gate.slot() if gate else contextlib.nullcontext():
                reply, state.updates = state.updates, None
                if reply is not None and not reply.current(state):  # the conversation changed while it was paused
                    reply.close()
                    if state.pending is reply.message:  # Clear or Undo: the message is no longer asked
                        return
                    reply = None  # another message (Retry, an option): answered below
                if state.pending is None or state.answer_from < 0:  # answered, or ended, while this run waited
                    return
                if reply is None:
                    reply = _Answer(chat, state, extras)
                elif reply.written and not draw(reply.written):  # taken up after a rerun: what was said, at once
                    return
                for messages, outputs in reply.resume(bindings):
                    if not reply.current(state):  # Clear, Undo or another message while fn streamed
                        reply.close()
                        break
                    chat.checked_files(messages)
                    reply.write(state, messages)
                    state.outputs = outputs or state.outputs
                    if not draw(messages):
                        break
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - the page keeps serving everyone else
            state.error, failed = error_text(chat, exc), True
        finally:  # also when Stop ends the run: what was said so far stays
            if reply is not None and not paused:
                reply.close()  # fn's generator ends here, in its own context
            over = reply is not None or failed  # this message's answer was made, or could not be
            if over and not paused and state.pending is (reply.message if reply is not None else asked):
                state.pending, state.checked = None, False
                with held:
                    toasts.show()
                save_conversation(chat, state)
    start = reply.start if reply is not None else len(state.history)
    if under is not None and len(state.history) > start:
        with slot.container(), st.chat_message("assistant"):
            draw_messages(state.history[start:])
            under("assistant", start, len(state.history) - 1)
    held.release()


def error_text(chat: ChatInterface, exc: BaseException) -> str | None:
    """What the person sees of fn's (or the validator's) failure: a gr.Error's message, else a generic one."""
    if isinstance(exc, Error):
        if exc.print_exception:
            _LOG.info("chat fn %s raised gr.Error", chat.__name__, exc_info=exc)
        return exc.shown if exc.visible else None
    _LOG.error("chat fn %s raised", chat.__name__, exc_info=exc)
    return f"{type(exc).__name__}: {exc}" if chat.launch_options.show_error else _GENERIC_ERROR
