"""Chatbot: a conversation as an Interface output (and input), in either history format."""

from __future__ import annotations

from typing import Any

from stface._kwargs import retired_value
from stface.chat_history import ChatHistory, as_message_dicts, as_pairs, history_from
from stface.components.base import Component

__all__ = ["Chatbot"]


class Chatbot(Component[ChatHistory]):
    """A conversation: fn returns the history, the page shows it as chat bubbles.

    fn may return Gradio 3's pairs (``[[user, bot], ...]``) or Gradio 5–6's
    messages (``[{"role": ..., "content": ...}]`` or ``gr.ChatMessage``).
    As an input, fn gets the history back in the format it returned last
    (``type`` decides for a history that has never been returned).
    Markdown in messages is shown as Markdown; HTML and scripts never run.

    Args:
        type: ``"tuples"`` or ``"messages"``: the format of an input history
            fn has not returned yet (Gradio 3–5 default to tuples, Gradio 6 has only messages).
        placeholder: Markdown shown while the conversation is empty.
        height: the conversation's height in pixels (it scrolls).
        avatar_images: ``(user, assistant)`` avatars: image paths, URLs or emoji.

    Example:
        >>> import stface as gr
        >>> box = gr.Chatbot()
        >>> [m.role for m in box.postprocess([["Hi", "Hello"]])]
        ['user', 'assistant']
        >>> box.preprocess(box.postprocess([["Hi", "Hello"]]))
        [['Hi', 'Hello']]
    """

    gradio_ignored = frozenset({"latex_delimiters", "rtl", "show_share_button", "show_copy_button", "show_copy_all_button",
                                "sanitize_html", "render_markdown", "bubble_full_width", "line_breaks", "layout",
                                "resizable", "resizeable", "max_height", "min_height", "editable", "feedback_options",
                                "feedback_value", "allow_file_downloads", "group_consecutive_messages", "allow_tags",
                                "reasoning_tags", "like_user_message", "examples", "watermark", "color_map"})  # fmt: skip

    def __init__(
        self,
        value: Any = None,
        *,
        type: str | None = None,
        placeholder: str | None = None,
        height: int | str | None = None,
        avatar_images: tuple[Any, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        if type is not None:
            type = retired_value("Chatbot()", "type", type, {})
            if type not in ("tuples", "messages"):
                raise ValueError(f"Chatbot type must be 'messages' or 'tuples'; got {type!r}.")
        self.type = type
        self.placeholder = placeholder
        self.height = height
        self.avatar_images = tuple(avatar_images) if avatar_images else (None, None)

    def postprocess(self, value: Any) -> ChatHistory:
        """Pairs, message dicts or ChatMessages -> the conversation (remembering the format)."""
        if isinstance(value, ChatHistory):
            return value
        items = list(value or [])
        pairs = bool(items) and all(isinstance(i, (list, tuple)) for i in items)
        shape = "tuples" if pairs else "messages" if items else (self.type or "tuples")
        return ChatHistory(history_from(items), shape)

    def preprocess(self, payload: Any) -> list[Any]:
        """The conversation -> fn's history, in the format fn gave it (or ``type``)."""
        history = payload if isinstance(payload, ChatHistory) else self.postprocess(payload)
        return as_pairs(history) if history.shape == "tuples" else as_message_dicts(history)

    def initial_payload(self) -> ChatHistory:
        return self.postprocess(super().initial_payload())

    def as_python(self, payload: ChatHistory) -> list[Any]:
        return self.preprocess(payload)
