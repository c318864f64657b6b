"""ChatInterface: a chat page around ``fn(message, history, *additional_inputs)``.

The conversation is a list of :class:`ChatMessage` (Gradio 5–6's message
class). fn sees it in the format it was written for:

* ``type="tuples"``: Gradio 3.x's pairs, ``[[user, bot], ...]``, files as
  ``(path,)``;
* ``type="messages"``: dicts ``{"role", "content", "metadata", "options"}``,
  files as ``{"path", "mime_type"}`` (Gradio 5–6).

Gradio 3.50 only had pairs and Gradio 6 only has messages, and neither asks
fn. When ``type`` is not given, stface reads fn (``chat_format.history_type``).

Everything here is pure: drawing is ``stface/runtime/chat_page.py``.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from stface import _interface_setup as setup
from stface._kwargs import check_gradio_kwargs
from stface.app import App
from stface.chat_format import history_type
from stface.chat_history import ChatMessage, as_message_dicts, as_pairs, history_from, messages_from
from stface.components.base import Component
from stface.components.chatbot import Chatbot
from stface.components.multimodal_textbox import MultimodalTextbox
from stface.components.registry import component_from
from stface.components.textbox import Textbox
from stface.flagging import ChatCSVLogger
from stface.helpers import check_inputs
from stface.paths import FilePolicy, servable_path, using_policy
from stface.pipeline import preprocess_all
from stface.request import with_request

__all__ = ["ChatInterface", "history_type"]

#: Gradio options with no Streamlit counterpart.
_IGNORED = frozenset(
    {
        "analytics_enabled", "autoscroll", "fill_height", "fill_width", "show_progress", "js", "head",
        "head_paths", "cache_mode", "example_icons",
        "theme_mode", "examples_label",
    }
)  # fmt: skip
_UNSET: Any = object()


class ChatInterface(App):
    """A chat page around ``fn(message, history, *additional_inputs)``.

    fn returns the answer, or yields it as it grows (each yield is the whole
    answer so far). The answer may be text, a file, a component, a
    :class:`ChatMessage` or a list of them.

    Args:
        fn: the chat function.
        multimodal: messages carry files: fn gets ``{"text": ..., "files": [paths]}``.
        type: ``"messages"`` or ``"tuples"``: the history format (see ``history_type``).
        additional_inputs: components drawn under the chat, passed after history.
        additional_inputs_accordion: the expander's label (a str), as Gradio's accordion.
        examples: messages to start from (str, ``{"text", "files"}``, or
            ``[message, *additional_values]``), with ``example_labels``.
        cache_examples: answer each example once per process.
        run_examples_on_click: an example is sent at once (else it fills the box).
        submit_btn, stop_btn: False hides them; a str labels them.
        retry_btn, undo_btn, clear_btn: Gradio 3.50's buttons (None hides one).
        save_history: keep this browser's past conversations (a "New chat" list in the sidebar).
        concurrency_limit: fn calls at once across sessions ("default": no bound).

    Example:
        >>> import stface as gr
        >>> def echo(message, history):
        ...     return f"{message} ({len(history)} before)"
        >>> chat = gr.ChatInterface(echo, type="messages")
        >>> chat("hi")
        'hi (0 before)'
    """

    def __init__(
        self,
        fn: Callable,
        *,
        multimodal: bool = False,
        type: str | None = None,
        chatbot: Any = None,
        textbox: Any = None,
        additional_inputs: Any = None,
        additional_inputs_accordion_name: str | None = None,
        additional_inputs_accordion: Any = None,
        additional_outputs: Any = None,
        editable: bool = False,
        examples: Sequence[Any] | None = None,
        example_labels: Sequence[str] | None = None,
        run_examples_on_click: bool = True,
        cache_examples: bool | None = None,
        title: str | None = None,
        description: str | None = None,
        theme: Any = None,
        css: str | None = None,
        flagging_mode: str | None = None,
        flagging_options: Sequence[str] | None = ("Like", "Dislike"),
        flagging_dir: str = ".gradio/flagged",
        autofocus: bool = True,
        submit_btn: str | bool | None = True,
        stop_btn: str | bool | None = True,
        retry_btn: str | None = _UNSET,
        undo_btn: str | None = _UNSET,
        clear_btn: str | None = _UNSET,
        concurrency_limit: int | str | None = "default",
        delete_cache: tuple[float, float] | None = None,
        api_name: str | bool | None = None,
        save_history: bool = False,
        show_api: bool = True,
        api_visibility: str = "public",
        api_description: str | None = None,
        css_paths: Any = None,
        validator: Callable[[Any], Any] | None = None,
        **gradio_kwargs: Any,
    ) -> None:
        check_gradio_kwargs("ChatInterface()", gradio_kwargs, ignored=_IGNORED,
                            known=inspect.signature(ChatInterface).parameters)  # fmt: skip
        super().__init__()
        if not callable(fn):
            raise TypeError("ChatInterface fn must be a callable: fn(message, history, *additional_inputs).")
        self.fn = with_request(fn)
        self.__name__ = getattr(fn, "__name__", "chat")
        if validator is not None and not callable(validator):
            raise TypeError("ChatInterface validator must be a function of the message that returns gr.validate(...).")
        self.validator = validator
        if chatbot is not None and not isinstance(chatbot, Chatbot):
            raise TypeError(f"ChatInterface chatbot= takes a gr.Chatbot; got {chatbot.__class__.__name__}.")
        if textbox is not None and not isinstance(textbox, (Textbox, MultimodalTextbox)):
            raise TypeError(f"ChatInterface textbox= takes a gr.Textbox or gr.MultimodalTextbox; got {textbox.__class__.__name__}.")
        self.chatbot, self.textbox = chatbot, textbox
        self.type = history_type(fn, type if type is not None else chatbot.type if chatbot else None)
        self.multimodal = bool(multimodal) or isinstance(textbox, MultimodalTextbox)
        #: The extensions a message's files may have (a MultimodalTextbox's file_types); None: any.
        self.file_types = list(textbox.upload_types) if isinstance(textbox, MultimodalTextbox) and textbox.upload_types else None
        self.avatars = chatbot.avatar_images if chatbot else (None, None)
        self.placeholder = (textbox.placeholder if textbox else None) or "Type a message..."
        self.additional_inputs: list[Component] = [component_from(c, role="input") for c in setup.as_list(additional_inputs)]
        setup.name_components(lambda *a: None, self.additional_inputs, [])
        self.accordion_label = setup.accordion_label(additional_inputs_accordion, additional_inputs_accordion_name)
        self.additional_outputs: list[Component] = [component_from(c, role="output") for c in setup.as_list(additional_outputs)]
        self.editable = bool(editable)
        self.examples = [_example_row(e) for e in examples or []]
        self.example_labels = list(example_labels) if example_labels is not None else None
        if self.example_labels is not None and len(self.example_labels) != len(self.examples):
            raise ValueError(f"example_labels has {len(self.example_labels)} labels for {len(self.examples)} examples.")
        self.run_examples_on_click = bool(run_examples_on_click)
        self.cache_examples = bool(cache_examples)
        self.title, self.description = title, description
        self.app_dir = setup.app_dir(fn)
        self.set_style(theme, css, css_paths)
        self.flagging_mode = flagging_mode or "never"
        if self.flagging_mode not in ("never", "manual"):
            raise ValueError(f"ChatInterface flagging_mode must be 'manual' or 'never'; got {flagging_mode!r}.")
        self.flagging_options = list(flagging_options or [])
        self.flagging_dir = flagging_dir
        self.flagging_callback = ChatCSVLogger(flagging_dir)
        self.autofocus = autofocus
        self.submit_btn, self.stop_btn = submit_btn, stop_btn
        self.retry_btn = "🔄  Retry" if retry_btn is _UNSET else retry_btn
        self.undo_btn = "↩️ Undo" if undo_btn is _UNSET else undo_btn
        self.clear_btn = "🗑️  Clear" if clear_btn is _UNSET else clear_btn
        self.concurrency_limit = concurrency_limit
        self.queue_concurrency: int | None = None
        self.queue_max_size: int | None = None
        self.set_api(api_name if api_name is not None else self.__name__, show_api, api_visibility, api_description)  # Gradio 6: fn's name
        self.save_history = bool(save_history)
        self.delete_cache = delete_cache
        from stface.tempfiles import Janitor

        Janitor.configure(delete_cache)

    # -- calling -------------------------------------------------------------

    @property
    def streams(self) -> bool:
        """True when fn yields its answer as it grows."""
        return inspect.isgeneratorfunction(self.fn) or inspect.isasyncgenfunction(self.fn)

    def history_for_fn(self, history: Sequence[ChatMessage]) -> list[Any]:
        """The conversation in the format fn is written for."""
        return as_pairs(history) if self.type == "tuples" else as_message_dicts(history)

    def check_message(self, message: Any) -> None:
        """Run the validator (Gradio 6) on a message as fn gets it; a rejected one is a ``gr.Error`` with its reason."""
        if self.validator is not None:
            check_inputs(self.validator, [message], ["Message"])

    def respond(self, message: Any, history: Sequence[ChatMessage], extras: Sequence[Any] = (), *,
                checked: bool = False) -> Iterator[tuple[list[ChatMessage], list[Any]]]:  # fmt: skip
        """Run fn; yield ``(answer messages so far, additional output values)`` after each update.

        ``extras`` are the additional inputs' widget payloads. The validator
        runs first, unless the message was ``checked`` already (the page
        checks it when it is sent).
        """
        if not checked:
            self.check_message(message)
        with using_policy(self.file_policy()):
            args = preprocess_all(self.additional_inputs, extras)
            result = self.fn(message, self.history_for_fn(history), *args)
            for update in _updates(result):
                yield self._split(update)

    def _split(self, update: Any) -> tuple[list[ChatMessage], list[Any]]:
        outputs: list[Any] = []
        if self.additional_outputs:
            if not isinstance(update, tuple) or len(update) != len(self.additional_outputs) + 1:
                raise TypeError(f"With additional_outputs, fn returns (response, {len(self.additional_outputs)} more value(s)).")
            update, *outputs = update
            outputs = [c.postprocess(v) for c, v in zip(self.additional_outputs, outputs)]
        return messages_from(update), outputs

    def __call__(self, message: Any, history: Any = None, *additional_inputs: Any) -> Any:
        """Send one message; return the final answer (its text, or message dicts for anything else).

        ``history`` is a list of pairs or of messages (empty by default);
        additional input values follow, as fn takes them.
        """
        if len(additional_inputs) != len(self.additional_inputs):
            raise TypeError(f"{self.__name__}() takes {len(self.additional_inputs)} additional input value(s); "
                            f"got {len(additional_inputs)}.")  # fmt: skip
        answer: list[ChatMessage] = []
        for answer, _ in self.respond(message, history_from(history), additional_inputs):
            pass
        if len(answer) == 1 and not answer[0].is_file and not answer[0].metadata and not answer[0].options:
            return answer[0].content
        return as_message_dicts(answer)

    @property
    def concurrency(self) -> int | None:
        """How many fn calls may run at once across sessions (None: no bound)."""
        if self.queue_concurrency is not None:
            return int(self.queue_concurrency)
        return self.concurrency_limit if isinstance(self.concurrency_limit, int) else None

    def queue(self, concurrency_count: int | None = 1, max_size: int | None = None, api_open: bool = True, **_: Any) -> ChatInterface:
        """Gradio's queue(): at most ``concurrency_count`` answers at once across sessions (``api_open=False``: no API)."""
        self.queue_concurrency, self.queue_max_size = concurrency_count, max_size
        self.api_open = api_open
        return self

    def file_policy(self) -> FilePolicy:
        """Which files fn's answers may name (see ``stface.paths``)."""
        options = self.launch_options
        return FilePolicy(allowed=tuple(options.allowed_paths), blocked=tuple(options.blocked_paths), app_dir=self.app_dir)

    def checked_files(self, messages: Sequence[ChatMessage]) -> None:
        """Refuse an answer that names a file outside the file policy (as outputs are)."""
        with using_policy(self.file_policy()):
            for message in messages:
                if message.is_file:
                    servable_path(message.content["path"])

    # -- pages ---------------------------------------------------------------

    @property
    def key(self) -> str:
        """A key stable across reruns and processes, prefixing session state."""
        parts = [getattr(self.fn, "__module__", ""), getattr(self.fn, "__qualname__", self.__name__), self.title or "", "chat"]
        parts += [f"{type(c).__name__}:{c.label}" for c in self.additional_inputs]
        return hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]

    def render(self, *, key: str | None = None, fragment: bool = False) -> None:
        """Draw the chat into the current Streamlit script, where called.

        Example (inside a Streamlit script)::

            chat.render()
        """
        from stface.runtime.chat_page import render_chat

        render_chat(self, key=key or self.key, fragment=fragment)

    def __repr__(self) -> str:
        return f"ChatInterface({self.__name__}, type={self.type!r})"


def _updates(result: Any) -> Iterator[Any]:
    """fn's result as a stream of updates: a generator's yields, an async one's, or the one value.

    Async fns run on an event loop of their own, in its own thread, so they
    work whether or not the caller's thread already runs a loop (a notebook).
    """
    if inspect.isawaitable(result) or inspect.isasyncgen(result):
        with _LoopThread() as loop:
            if inspect.isawaitable(result):
                result = loop.run(_awaited(result))
            if not inspect.isasyncgen(result):
                yield from _updates(result)
                return
            try:
                while True:
                    try:
                        yield loop.run(result.__anext__())
                    except StopAsyncIteration:
                        return
            finally:
                loop.run(result.aclose())
    elif inspect.isgenerator(result):
        try:
            yield from result
        finally:
            result.close()
    else:
        yield result


class _LoopThread:
    """An event loop running in a thread of its own, for the length of one answer."""

    def __enter__(self) -> _LoopThread:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="stface-chat-loop", daemon=True)
        self._thread.start()
        return self

    def run(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    def __exit__(self, *exc: Any) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()


async def _awaited(awaitable: Any) -> Any:
    return await awaitable


def _example_row(example: Any) -> list[Any]:
    return list(example) if isinstance(example, (list, tuple)) else [example]
