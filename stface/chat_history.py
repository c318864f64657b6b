"""Chat conversations as data: messages, and the two history formats Gradio has had.

A conversation is a list of :class:`ChatMessage` (Gradio 5–6's message
class). fn code sees it either as Gradio 3's pairs (``as_pairs``) or as
message dicts (``as_message_dicts``); ``history_from`` reads both back.
Pure: used by ``gr.Chatbot`` and ``gr.ChatInterface`` alike.
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict

from stface.components.base import Component

__all__ = [
    "ChatHistory",
    "ChatMessage",
    "MessageDict",
    "MetadataDict",
    "OptionDict",
    "as_message_dicts",
    "as_pairs",
    "file_content",
    "history_from",
    "messages_from",
]

Role = Literal["user", "assistant", "system"]


class MetadataDict(TypedDict, total=False):
    """A message's metadata: a titled "thought" (``status`` pending or done), nested by ``id`` / ``parent_id``."""

    title: str
    id: int | str
    parent_id: int | str
    log: str
    duration: float
    status: Literal["pending", "done"]


class OptionDict(TypedDict, total=False):
    """A choice shown under the last answer; clicking it sends ``value`` as the person's message."""

    value: str
    label: str


class MessageDict(TypedDict, total=False):
    """A message as a dict, OpenAI-style, with Gradio's ``metadata`` and ``options``.

    Example:
        >>> import stface as gr
        >>> message: gr.MessageDict = {"role": "user", "content": "Hello"}
        >>> message["role"]
        'user'
    """

    role: Role
    content: Any
    metadata: MetadataDict
    options: list[OptionDict]


@dataclass
class ChatMessage:
    """One message of a conversation (Gradio 5–6's ``gr.ChatMessage``).

    ``content`` is text (Markdown), a file (``{"path": ...}``, a path in a
    tuple as Gradio 3 wrote it) or a component holding a value
    (``gr.Image(value=...)``). A ``metadata`` title makes it a "thought": a
    collapsible box, with a spinner while ``status`` is ``"pending"``.

    Example:
        >>> import stface as gr
        >>> gr.ChatMessage("Let me think", metadata={"title": "Thinking", "status": "pending"}).role
        'assistant'
    """

    content: Any
    role: Role = "assistant"
    metadata: MetadataDict = field(default_factory=dict)  # type: ignore[assignment]
    options: list[OptionDict] = field(default_factory=list)

    @property
    def is_file(self) -> bool:
        return isinstance(self.content, dict) and "path" in self.content

    @property
    def text(self) -> str:
        """The message's text ("" for a file)."""
        return "" if self.is_file else str(self.content or "")


def file_content(path: Any, alt_text: str | None = None) -> dict[str, Any]:
    """A file as message content: ``{"path", "mime_type", "alt_text"}``."""
    path = os.fspath(path)
    content: dict[str, Any] = {"path": path, "mime_type": mimetypes.guess_type(path)[0] or "application/octet-stream"}
    if alt_text:
        content["alt_text"] = alt_text
    return content


def _content(value: Any) -> Any:
    """Any accepted content -> text or a file dict."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict):
        if "path" in value:
            return file_content(value["path"], value.get("alt_text"))
        if "file" in value and isinstance(value["file"], dict):  # Gradio 6's {"type": "file", "file": {...}}
            return file_content(value["file"]["path"], value.get("alt_text"))
        if value.get("type") == "text":
            return str(value.get("text", ""))
    if isinstance(value, tuple) and value and isinstance(value[0], (str, os.PathLike)) and len(value) <= 2:
        return file_content(value[0], value[1] if len(value) == 2 else None)  # Gradio 3's (path, alt)
    if isinstance(value, list):  # Gradio 6's list of parts
        parts = [_content(part) for part in value]
        texts = [part for part in parts if isinstance(part, str)]
        return "".join(texts) if texts or not parts else parts[0]
    if isinstance(value, os.PathLike):
        return file_content(value)
    if isinstance(value, Component):
        return _component_content(value)
    return str(value)


def _component_content(component: Component) -> Any:
    """``gr.Image(value=...)`` and friends in a message -> a file of their value."""
    from stface.components._codecs import encode_png, encode_wav
    from stface.components.audio import Audio
    from stface.components.image import Image
    from stface.paths import save_bytes

    value = component.value
    if isinstance(value, (str, os.PathLike)):
        return file_content(value)
    if isinstance(component, Image):
        return file_content(save_bytes(encode_png(component.postprocess(value)), "image.png"))
    if isinstance(component, Audio):
        return file_content(save_bytes(encode_wav(component.postprocess(value)), "audio.wav"))
    return str(value)


def messages_from(value: Any, role: Role = "assistant") -> list[ChatMessage]:
    """What fn returned or yielded -> messages (the role is ``role``, as Gradio forces it).

    Example:
        >>> [m.content for m in messages_from(["Hi", {"content": "there"}])]
        ['Hi', 'there']
    """
    if value is None:
        return []
    if isinstance(value, ChatMessage):
        return _message(value.content, role, value.metadata, value.options)
    if isinstance(value, dict) and "content" in value:
        return _message(value["content"], role, value.get("metadata"), value.get("options"))
    if isinstance(value, dict) and ("text" in value or "files" in value):  # a multimodal {"text", "files"}
        files = [ChatMessage(file_content(f["path"] if isinstance(f, dict) else f), role) for f in value.get("files") or []]
        return files + ([ChatMessage(value["text"], role)] if value.get("text") else [])
    if isinstance(value, list):
        return [message for item in value for message in messages_from(item, role)]
    return [ChatMessage(_content(value), role)]


def _message(content: Any, role: Role, metadata: Any, options: Any) -> list[ChatMessage]:
    """One message; Gradio 6's multimodal turn (a list of parts with files) becomes a message per file, then the text."""
    metadata, options = dict(metadata or {}), list(options or [])
    parts = [_content(part) for part in content] if isinstance(content, list) else []
    if len(parts) > 1 and any(isinstance(part, dict) for part in parts):
        text = "".join(part for part in parts if isinstance(part, str))
        messages = [ChatMessage(part, role) for part in parts if isinstance(part, dict)]
        messages += [ChatMessage(text, role)] if text else []
        messages[-1].metadata, messages[-1].options = metadata, options
        return messages
    return [ChatMessage(_content(parts if isinstance(content, list) else content), role, metadata, options)]


def history_from(value: Any) -> list[ChatMessage]:
    """A history in either format (pairs, or message dicts / ChatMessages) -> messages.

    Example:
        >>> [(m.role, m.content) for m in history_from([["Hi", "Hello"]])]
        [('user', 'Hi'), ('assistant', 'Hello')]
    """
    history: list[ChatMessage] = []
    for item in value or []:
        if isinstance(item, ChatMessage) or (isinstance(item, dict) and "role" in item):
            role = item.role if isinstance(item, ChatMessage) else item["role"]
            history += messages_from(item, role)
        elif isinstance(item, (list, tuple)) and len(item) == 2:
            for role, part in (("user", item[0]), ("assistant", item[1])):
                if part is not None:
                    history.append(ChatMessage(_content(part), role))  # type: ignore[arg-type]
        else:
            raise TypeError(
                f"A chat history holds [user, bot] pairs or {{'role': ..., 'content': ...}} messages; got {item!r}."
            )
    return history


def as_pairs(history: Sequence[ChatMessage]) -> list[list[Any]]:
    """Messages -> Gradio 3's ``[[user, bot], ...]`` (each user message opens a pair)."""
    pairs: list[list[Any]] = []
    for message in history:
        value = _pair_value(message)
        if message.role == "user" or not pairs or pairs[-1][1] is not None:
            pairs.append([value, None] if message.role == "user" else [None, value])
        else:
            pairs[-1][1] = value
    return pairs


def _pair_value(message: ChatMessage) -> Any:
    if message.is_file:
        alt = message.content.get("alt_text")
        return (message.content["path"], alt) if alt else (message.content["path"],)
    return message.content


def as_message_dicts(history: Sequence[ChatMessage]) -> list[MessageDict]:
    """Messages -> dicts, OpenAI-style, with Gradio's ``metadata`` and ``options``."""
    return [
        {"role": m.role, "content": dict(m.content) if m.is_file else m.content, "metadata": dict(m.metadata),
         "options": list(m.options)}  # fmt: skip
        for m in history
    ]


class ChatHistory(list):
    """A conversation (a list of :class:`ChatMessage`) that remembers the format fn used for it."""

    def __init__(self, messages: Sequence[ChatMessage] = (), shape: Literal["tuples", "messages"] = "messages") -> None:
        super().__init__(messages)
        self.shape = shape
