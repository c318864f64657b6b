"""Values across the API: Gradio's JSON in, the Python values an endpoint takes; payloads out, Gradio's JSON.

Inputs arrive as Gradio 6 sends them (``gradio_client``, curl): text and
numbers as they are, files as FileData dicts, a Dataframe as ``{"headers",
"data"}``, a Gallery as ``[{"image": FileData, "caption"}]``. Every file
reference goes through ``stface.api.files`` (only uploads and files this
server handed out are let through) and becomes a local path, which the
component converts as if ``demo(...)`` had been called with it.

Outputs are each output payload as Gradio's JSON
(``stface.flagging.values.gradio_value``) with every local file swapped for
a handle and its download URL.

Example:
    >>> import stface as gr
    >>> from stface.api.files import FileStore
    >>> python_values([gr.Textbox(), gr.Number()], ["Ada", 3], FileStore(), owner=None)
    ['Ada', 3]
    >>> outputs_json([gr.Label()], [gr.Label().postprocess({"cat": 0.9})], FileStore(), owner=None, root="http://x")
    [{'label': 'cat', 'confidences': [{'label': 'cat', 'confidence': 0.9}]}]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from stface.api.files import FileRefused, FileStore, is_file_data
from stface.api.schemas import api_type
from stface.components.base import Component
from stface.paths import FilePolicy

__all__ = ["outputs_json", "python_value", "python_values"]


def python_values(
    components: Sequence[Component], values: Sequence[Any], files: FileStore, owner: str | None, root: str | None = None
) -> list[Any]:
    """One Python value per input component from the JSON a request sent (files as checked local paths)."""
    return [python_value(c, v, files, owner, root) for c, v in zip(components, values)]


def python_value(component: Component, value: Any, files: FileStore, owner: str | None, root: str | None = None) -> Any:
    """The Python value ``component`` takes for one JSON value (see the module docstring)."""
    if value is None or not api_type(component).is_file:
        return value
    local = _files_to_paths(value, files, owner, root, component)
    kind = type(component).__mro__
    names = {k.__name__ for k in kind}
    if "Gallery" in names and isinstance(local, list):
        return [_gallery_item(item) for item in local]
    if "ImageSlider" in names and isinstance(local, list):
        return tuple(local)
    if "AnnotatedImage" in names and isinstance(local, dict):
        masks = [(m.get("image"), m.get("label")) for m in local.get("annotations") or [] if isinstance(m, dict)]
        return local.get("image"), masks
    return local


def _gallery_item(item: Any) -> Any:
    if isinstance(item, dict):
        return item.get("image") or item.get("video"), item.get("caption")
    return item


#: Keys of Gradio's structured file values whose strings name files (a caption, a label or a text never do).
_FILE_KEYS = frozenset({"image", "video", "files", "file", "path", "background", "layers", "composite"})


def _files_to_paths(
    value: Any, files: FileStore, owner: str | None, root: str | None, component: Component, file_here: bool = True
) -> Any:
    if is_file_data(value):
        try:
            return files.input_path(value, owner, root)
        except FileRefused as exc:
            raise FileRefused(f"{component.display_label}: {exc.message}") from None
    if isinstance(value, str):  # a bare path or URL where a file belongs (checked, and refused), or plain text
        return files.input_path(value, owner, root) if file_here else value
    if isinstance(value, dict):
        return {k: _files_to_paths(v, files, owner, root, component, k in _FILE_KEYS) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_files_to_paths(v, files, owner, root, component, file_here) for v in value]
    return value


def outputs_json(
    components: Sequence[Component],
    payloads: Sequence[Any],
    files: FileStore,
    owner: str | None,
    root: str,
    policy: FilePolicy | None = None,
) -> list[Any]:
    """Gradio's JSON for each output payload, every local file handed out as a URL under ``root``."""
    from stface.flagging.values import gradio_value

    shown = []
    for component, payload in zip(components, payloads):
        value = gradio_value(component, payload)
        if api_type(component, "output").is_file or _is_chat(component):
            value = _hand_out(value, files, owner, root, policy)
        shown.append(value)
    return shown


def reply_json(reply: Any, files: FileStore, owner: str | None, root: str, policy: FilePolicy | None = None) -> Any:
    """A chat endpoint's reply (text, or message dicts whose files become URLs)."""
    from stface.flagging.values import _plain

    return _hand_out(_plain(reply), files, owner, root, policy)


def _is_chat(component: Component) -> bool:
    return any(k.__name__ == "Chatbot" for k in type(component).__mro__)


def _hand_out(value: Any, files: FileStore, owner: str | None, root: str, policy: FilePolicy | None) -> Any:
    if isinstance(value, dict) and isinstance(value.get("path"), str) and is_file_data(value):
        path = value["path"]
        if path.startswith(("http://", "https://")):
            return value  # a URL fn returned: passed on, never fetched
        handle = files.hand_out(path, owner, policy)
        return {**value, "path": handle, "url": files.url(handle, root), "meta": {"_type": "gradio.FileData"}}
    if isinstance(value, dict):
        return {k: _hand_out(v, files, owner, root, policy) for k, v in value.items()}
    if isinstance(value, list):
        return [_hand_out(v, files, owner, root, policy) for v in value]
    return value
