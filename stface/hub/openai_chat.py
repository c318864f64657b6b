"""What ``stface.load_chat`` builds a ChatInterface from: a chat model behind an OpenAI-compatible server.

``chat_parts`` returns the ChatInterface's arguments (fn, multimodal,
textbox, type); ``stface.load_chat`` (in ``stface.interface``) builds it, so
this module never imports the ChatInterface class.

fn sends the whole conversation on every turn, as Gradio 6's ``load_chat``
does: files become text (text files, appended under ``## name``) or base64
``image_url`` parts (images). Unlike Gradio 6.31, whose ``system_message``
raises on the first turn and is dropped after it, the system message leads
every request. The server's refusals (a wrong model name, a bad token, a
server that is down) become a :class:`stface.Error` that names the server,
shown in the chat, not a traceback.
"""

from __future__ import annotations

import base64
import mimetypes
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from stface.components.multimodal_textbox import MultimodalTextbox
from stface.errors import Error

__all__ = ["IMAGE_FILE_EXTENSIONS", "TEXT_FILE_EXTENSIONS", "chat_parts"]

#: Files sent as text, as Gradio 6 lists them.
TEXT_FILE_EXTENSIONS = (
    ".doc", ".docx", ".rtf", ".epub", ".odt", ".odp", ".pptx", ".txt", ".md", ".py", ".ipynb", ".js", ".jsx",
    ".html", ".css", ".java", ".cs", ".php", ".c", ".cc", ".cpp", ".cxx", ".cts", ".h", ".hh", ".hpp", ".rs",
    ".R", ".Rmd", ".swift", ".go", ".rb", ".kt", ".kts", ".ts", ".tsx", ".m", ".mm", ".mts", ".scala", ".dart",
    ".lua", ".pl", ".pm", ".t", ".sh", ".bash", ".zsh", ".bat", ".coffee", ".csv", ".log", ".ini", ".cfg",
    ".config", ".json", ".proto", ".yaml", ".yml", ".toml", ".sql",
)  # fmt: skip
#: Files sent as images.
IMAGE_FILE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp")
#: Seconds a request (or, streamed, the gap between two chunks) may take, and further tries after a failure.
TIMEOUT_S = 60.0
MAX_RETRIES = 2
_TEXT = tuple(e.lower() for e in TEXT_FILE_EXTENSIONS)


def _openai() -> Any:
    try:
        import openai
    except ImportError as exc:
        raise ImportError(
            'load_chat talks to the server through the `openai` package: pip install "stface[openai]"'
        ) from exc
    return openai


def _extensions(file_types: Any) -> list[str]:
    kinds = [] if file_types is None else [file_types] if isinstance(file_types, str) else list(file_types)
    extensions: list[str] = []
    for kind in kinds:
        if kind == "text_encoded":
            extensions += TEXT_FILE_EXTENSIONS
        elif kind == "image":
            extensions += IMAGE_FILE_EXTENSIONS
        else:
            raise ValueError(
                f"Invalid file type: {kind!r}. Must be 'text_encoded' or 'image' (or None for no uploads)."
            )
    return extensions


def _text_part(path: str) -> dict[str, str]:
    contents = Path(path).read_text(encoding="utf-8", errors="replace")
    return {"type": "text", "text": f"\n## {Path(path).name}\n{contents}"}


def _image_part(path: str) -> dict[str, Any]:
    mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
    data = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    return {"type": "image_url", "image_url": {"url": f"data:{mime};base64,{data}"}}


def _file_part(path: str) -> dict[str, Any]:
    if path.lower().endswith(_TEXT):
        return _text_part(path)
    if path.lower().endswith(IMAGE_FILE_EXTENSIONS):
        return _image_part(path)
    raise Error(f"Cannot send {Path(path).name} to the chat model: load_chat sends text files "
                f"({', '.join(TEXT_FILE_EXTENSIONS[:4])} ...) as text and images ({', '.join(IMAGE_FILE_EXTENSIONS)}).")  # fmt: skip


def conversation(system_message: str | None, history: list[dict[str, Any]], message: Any) -> list[dict[str, Any]]:
    """The OpenAI ``messages`` for one turn: system message, history, then the new message.

    Example:
        >>> conversation("Be brief.", [{"role": "user", "content": "Hi"}], "Bye")  # doctest: +NORMALIZE_WHITESPACE
        [{'role': 'system', 'content': 'Be brief.'},
         {'role': 'user', 'content': [{'type': 'text', 'text': 'Hi'}]},
         {'role': 'user', 'content': [{'type': 'text', 'text': 'Bye'}]}]
    """
    messages: list[dict[str, Any]] = [{"role": "system", "content": system_message}] if system_message else []
    for item in history:
        content = item["content"]
        if isinstance(content, dict) and "path" in content:
            part = _file_part(str(content["path"]))
        else:
            part = {"type": "text", "text": content if isinstance(content, str) else str(content)}
        messages.append({"role": item["role"], "content": [part]})
    text, files = (message, []) if isinstance(message, str) else (message.get("text") or "", message.get("files") or [])
    texts = [str(f) for f in files if str(f).lower().endswith(_TEXT)]
    for image in (str(f) for f in files if not str(f).lower().endswith(_TEXT)):
        messages.append({"role": "user", "content": [_file_part(image)]})
    if text or texts:
        text += "\n".join(_text_part(f)["text"] for f in texts)
        messages.append({"role": "user", "content": [{"type": "text", "text": text}]})
    return messages


def _refusal(exc: Exception, base_url: str, model: str) -> Error:
    """The openai package's exception -> what the person sees in the chat."""
    openai = _openai()
    if isinstance(exc, openai.APITimeoutError):
        return Error(f"The chat server at {base_url} did not answer within {TIMEOUT_S:g} s "
                     f"(tried {MAX_RETRIES + 1} times).", title="Chat server error")  # fmt: skip
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__ or exc
        return Error(f"Could not reach the chat server at {base_url} ({type(cause).__name__}: {cause}). "
                     "Is it running, and is base_url right?", title="Chat server error")  # fmt: skip
    if isinstance(exc, openai.APIStatusError):
        body = exc.body
        if isinstance(body, dict):
            detail = body.get("detail") or body.get("message") or (body.get("error") or {})
            detail = detail.get("message", detail) if isinstance(detail, dict) else detail
        else:
            detail = body or exc.response.text or exc.response.reason_phrase
        hint = {401: " Check the token.", 403: " Check the token.",
                404: f" Check base_url (it usually ends in /v1) and the model name {model!r}."}.get(exc.status_code, "")  # fmt: skip
        return Error(
            f"The chat server at {base_url} answered {exc.status_code}: {detail}.{hint}", title="Chat server error"
        )
    body = getattr(exc, "body", None)  # a stream's error event: its text, or {"message": ...}
    detail = body if isinstance(body, str) and body else body.get("message") if isinstance(body, dict) else None
    return Error(f"The chat server at {base_url} failed while answering: {detail or exc}", title="Chat server error")


def chat_parts(
    base_url: str,
    model: str,
    token: str | None = None,
    *,
    file_types: Any = "text_encoded",
    system_message: str | None = None,
    streaming: bool = True,
) -> dict[str, Any]:
    """The arguments of a ChatInterface that chats with ``model`` on an OpenAI-compatible server.

    Example::

        parts = chat_parts("http://127.0.0.1:8000/v1/", "my-model", file_types=None)
        sorted(parts)  # ['fn', 'multimodal', 'textbox', 'type']
    """
    openai = _openai()
    extensions = _extensions(file_types)
    # openai's own defaults would wait ten minutes; retries (connection errors, 408, 409, 429, 5xx) back off.
    client = openai.OpenAI(api_key=token or "***", base_url=base_url, timeout=TIMEOUT_S, max_retries=MAX_RETRIES)

    def open_api(message: Any, history: list[dict[str, Any]]) -> str | None:
        messages = conversation(system_message, history, message)
        try:
            return client.chat.completions.create(model=model, messages=messages).choices[0].message.content  # type: ignore[arg-type]
        except openai.APIError as exc:
            raise _refusal(exc, base_url, model) from None

    def open_api_stream(message: Any, history: list[dict[str, Any]]) -> Iterator[str]:
        messages = conversation(system_message, history, message)
        response = ""
        try:
            with client.chat.completions.create(model=model, messages=messages, stream=True) as chunks:  # type: ignore[arg-type]
                for chunk in chunks:
                    if chunk.choices and chunk.choices[0].delta.content is not None:
                        response += chunk.choices[0].delta.content
                        yield response
        except openai.APIError as exc:
            raise _refusal(exc, base_url, model) from None

    fn = open_api_stream if streaming else open_api
    textbox = MultimodalTextbox(file_types=extensions) if extensions else None
    return {"fn": fn, "multimodal": bool(extensions), "textbox": textbox, "type": "messages"}
