"""``gr.load``, Gradio 6's ``gr.load_chat`` and ``gr.load_openapi``: apps built around what already exists.

The conversions (models, Spaces, requests, inputs, errors) live in
``stface.hub``; this module only builds the Interface, the ChatInterface and
the TabbedInterface from them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from stface.chat import ChatInterface
from stface.interface import Interface
from stface.tabbed import TabbedInterface

__all__ = ["load", "load_chat", "load_openapi"]

FileKind = Literal["text_encoded", "image"]


def load_chat(
    base_url: str,
    model: str,
    token: str | None = None,
    *,
    file_types: FileKind | list[FileKind] | None = "text_encoded",
    system_message: str | None = None,
    streaming: bool = True,
    **kwargs: Any,
) -> ChatInterface:
    """A ChatInterface that chats with ``model`` on an OpenAI-compatible server (Ollama, vLLM, ``transformers serve``...).

    Needs the ``openai`` package (``pip install "stface[openai]"``).

    Args:
        base_url: the server's OpenAI API root, e.g. ``"http://localhost:11434/v1/"``.
        model: the model's name on that server.
        token: the API key (any placeholder for a local server).
        file_types: ``"text_encoded"`` (text files, appended to the message),
            ``"image"`` (sent as images), both in a list, or None for no uploads.
        system_message: sent first in every request.
        streaming: show the answer as it arrives, token by token.
        kwargs: ChatInterface options (``title=``, ``examples=`` ...).

    The server's refusals (a wrong model name, a bad token, a server that is
    down) are shown in the chat as a ``gr.Error`` that names the server.

    Example::

        import stface as gr
        gr.load_chat("http://localhost:11434/v1/", model="llama3.2", token="ollama",
                     system_message="You are a helpful assistant.").launch()
    """
    from stface.hub.openai_chat import chat_parts

    parts = chat_parts(
        base_url, model, token, file_types=file_types, system_message=system_message, streaming=streaming
    )
    if kwargs.get("textbox") is not None:
        parts.pop("textbox")
    parts.update(kwargs)
    return ChatInterface(parts.pop("fn"), **parts)


def load_openapi(
    openapi_spec: str | Path | dict[str, Any],
    base_url: str,
    *,
    paths: str | Sequence[str] | None = None,
    exclude_paths: str | Sequence[str] | None = None,
    methods: str | Sequence[str] | None = None,
    auth_token: str | None = None,
    **interface_kwargs: Any,
) -> TabbedInterface:
    """One Interface per operation of an OpenAPI 3 document, in tabs; each calls the API with httpx.

    Needs the ``httpx`` package (``pip install "stface[openapi]"``).

    Args:
        openapi_spec: the document: a URL (``http://HOST/openapi.json``), a JSON file, or a dict.
        base_url: where the API answers, e.g. ``"http://127.0.0.1:8000"``.
        paths: regular expressions (``re.match``); only the paths one matches are kept.
        exclude_paths: regular expressions of paths to leave out (before ``paths``).
        methods: the HTTP methods to keep, e.g. ``["get"]``.
        auth_token: sent as ``Authorization: Bearer <token>``.
        interface_kwargs: options for every Interface (``flagging_mode=`` ...).

    A tab is named by the operation's ``operationId`` (else ``"METHOD /path"``);
    its inputs are the path, query and header parameters, then the request
    body (one input per property of a JSON object body). Its output is the
    answer's JSON; a non-2xx answer is ``{"__status__": "error",
    "status_code", "message"}``, as in Gradio.

    Example::

        import stface as gr
        demo = gr.load_openapi("http://127.0.0.1:8000/openapi.json", "http://127.0.0.1:8000", methods=["get"])
        demo.interfaces[0](42)   # calls the first GET operation with 42
    """
    from stface.hub.openapi import openapi_parts

    title, tabs = openapi_parts(openapi_spec, base_url, paths=paths, exclude_paths=exclude_paths, methods=methods,
                                auth_token=auth_token)  # fmt: skip
    interfaces = [Interface(**{**parts, **interface_kwargs}) for _, parts in tabs]
    return TabbedInterface(interfaces, [name for name, _ in tabs], title=title)


def load(name: str, **kwargs: Any) -> Interface:
    """Build an Interface for a Hugging Face model, a Space or a Gradio app URL.

    Models run locally through a transformers pipeline (built once per
    process and shared by every session), or through the Inference API with
    ``src="api"`` or when transformers is not installed. Spaces and app URLs
    are called through ``gradio_client``. Keyword arguments customise the
    interface (``inputs=``, ``title=`` ...). ``api_key`` and ``hf_token``
    (Gradio's names) are accepted for ``token``.

    Example::

        io = stface.load("huggingface/gpt2", inputs=stface.Textbox(lines=5, label="Input Text"))
        io("It was the best of times")
    """
    return Interface.load(name, **kwargs)
