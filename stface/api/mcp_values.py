"""Values between MCP and an endpoint: arguments in (files as URLs), results out (text, images, URLs).

A file argument is a URL this server handed out (its ``/gradio_api/file=``
URLs) or a base64 ``data:`` URL, saved as an upload of the caller; it
becomes a FileData dict naming that file, which ``stface.api.convert`` (the
HTTP API's conversion) checks with ``stface.api.files`` and turns into a
local path. Nothing is fetched, and a bare path or any other URL is refused.
A file result is an absolute URL of this server's file route; a picture also
comes back as MCP image content.

Example:
    >>> from stface.api.mcp_catalog import FILE_FORMAT
    >>> schema = {"type": "array", "items": {"type": "string", "format": FILE_FORMAT}}
    >>> files_in(["a", "b"], schema, str.upper)
    ['A', 'B']
    >>> urls([{"path": "tok/x.png", "url": "http://app/gradio_api/file=tok/x.png"}, "a caption"])
    ['http://app/gradio_api/file=tok/x.png', 'a caption']
"""

from __future__ import annotations

import base64
import binascii
import json
import mimetypes
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import mcp_types as types

from stface.api.files import DEFAULT_MAX_UPLOAD, FileRefused, is_file_data, store
from stface.api.mcp_catalog import FILE_FORMAT, Entry
from stface.errors import Error
from stface.request import Request

__all__ = ["Caller", "arguments", "content", "files_in", "match", "prompt_messages", "resource_contents", "urls"]

_MIME = re.compile(r"^[\w.+-]+/[\w.+-]+$")
App = Any


@dataclass
class Caller:
    """Who is calling, read off the HTTP request by ``stface.api.mcp`` (after the login check)."""

    root: str  # the app's URL, for file URLs
    request: Request  # gr.Request for fn
    owner: str | None = None  # the files' owner: the caller's API session cookie, if it has one (as curl has not)


# -- arguments in ----------------------------------------------------------------------------------


def arguments(entry: Entry, given: dict[str, Any], caller: Caller, app: App) -> dict[str, Any]:
    """Each parameter's JSON value (defaults filled in), with file arguments as FileData of checked files.

    Resources and prompts get strings (MCP's rule): they become numbers or
    booleans where the input takes one.
    """
    names = [p.name for p in entry.endpoint.parameters]
    unknown = sorted(set(given) - set(names))
    if unknown:
        listed = ", ".join(names) or "none"
        raise Error(f"{entry.name} has no argument {', '.join(map(repr, unknown))}; its arguments are: {listed}.")
    values: dict[str, Any] = {}
    limit = getattr(getattr(app, "launch_options", None), "max_file_bytes", None) or DEFAULT_MAX_UPLOAD
    for parameter in entry.endpoint.parameters:
        if parameter.name not in given:
            if not parameter.has_default:
                raise Error(f"{entry.name} needs the argument {parameter.name!r}.")
            values[parameter.name] = parameter.default
            continue
        if entry.kind != "tool":
            values[parameter.name] = _typed(given[parameter.name], parameter)
            continue
        schema = entry.schema.get("properties", {}).get(parameter.name, {})
        values[parameter.name] = files_in(given[parameter.name], schema, lambda v: _file_data(v, caller, limit))
    return values


def files_in(value: Any, schema: dict[str, Any], load: Callable[[Any], Any]) -> Any:
    """``value`` with ``load`` applied to each file the schema places in it (a URL string)."""
    if value is None:
        return None
    if schema.get("format") == FILE_FORMAT:
        return load(value)
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [files_in(item, schema["items"], load) for item in value]
    if isinstance(value, dict) and isinstance(schema.get("properties"), dict):
        return {k: files_in(v, schema["properties"].get(k, {}), load) for k, v in value.items()}
    for branch in [*schema.get("anyOf", []), *schema.get("oneOf", [])]:
        if branch.get("format") == FILE_FORMAT and (isinstance(value, str) or is_file_data(value)):
            return load(value)
        required, known = set(branch.get("required", [])), set(branch.get("properties", {}))
        fits_object = isinstance(value, dict) and required <= set(value) <= known
        if fits_object or (isinstance(value, list) and "items" in branch):
            return files_in(value, branch, load)
    return value


def _file_data(value: Any, caller: Caller, limit: int) -> dict[str, Any]:
    """A file argument as a FileData dict naming a file the store knows (a data: URL is saved as an upload)."""
    reference = (value.get("url") or value.get("path")) if isinstance(value, dict) else value
    if not isinstance(reference, str) or not reference:
        raise FileRefused(f"A file argument must be a URL string; got {type(value).__name__}.")
    if reference.startswith("data:"):
        reference = _save_data_url(reference, caller, limit)
    return {"path": reference, "meta": {"_type": "gradio.FileData"}}


def _save_data_url(url: str, caller: Caller, limit: int) -> str:
    """Write a base64 ``data:`` URL as an upload of the caller; its handle."""
    header, comma, encoded = url.partition(",")
    kind = header[len("data:") :].split(";")[0].strip() or "application/octet-stream"
    if not comma or not header.endswith(";base64") or not _MIME.match(kind):
        raise FileRefused("A data: URL file argument must be base64: data:<type>;base64,<data>.")
    if len(encoded) * 3 // 4 > limit + 3:
        raise FileRefused(f"The file is larger than this app takes ({limit:,} bytes).")
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise FileRefused("The data: URL holds no valid base64.") from None
    path = store.new_upload_path(caller.owner, "file" + (mimetypes.guess_extension(kind) or ""))
    path.write_bytes(data)
    return store.add_upload(path, caller.owner)


def _typed(value: Any, parameter: Any) -> Any:
    """A string argument as its input's type (integer, number, boolean)."""
    if not isinstance(value, str):
        return value
    from stface.api.schemas import api_type

    kind = api_type(parameter.component).schema.get("type")
    try:
        if kind == "integer":
            return int(value)
        if kind == "number":
            return float(value)
    except ValueError:
        raise Error(f"The argument {parameter.name!r} must be a number; got {value!r}.") from None
    if kind == "boolean":
        return value.strip().lower() in ("1", "true", "yes", "on")
    return value


def match(template: str, uri: str) -> dict[str, str] | None:
    """The ``{placeholders}`` of a resource's URI template that make ``uri``, or None."""
    names = re.findall(r"\{(\w+)\}", template)
    pattern = re.escape(template)
    for name in names:
        pattern = pattern.replace(re.escape("{" + name + "}"), f"(?P<{name}>[^/]+)")
    found = re.fullmatch(pattern, uri)
    return None if found is None else {k: urllib.parse.unquote(v) for k, v in found.groupdict().items()}


# -- results out -----------------------------------------------------------------------------------


def content(outputs: list[Any], caller: Caller) -> tuple[list[Any], list[Any]]:
    """MCP content for each output (text; a file's URL, a picture also as an image); and the plain values."""
    found: list[Any] = []
    plain = [urls(value) for value in outputs]
    for value, shown in zip(outputs, plain):
        if is_file_data(value) and isinstance(value.get("url"), str):
            picture = _picture(value, caller)
            if picture is not None:
                found += [picture, types.TextContent(type="text", text=f"Image URL: {value['url']}")]
                continue
        text = shown if isinstance(shown, str) else json.dumps(shown, ensure_ascii=False, default=str)
        found.append(types.TextContent(type="text", text=text))
    return found, plain


def urls(value: Any) -> Any:
    """Gradio's JSON with each FileData replaced by its URL (no server handle or path in what MCP returns)."""
    if is_file_data(value):
        return value.get("url") or value.get("path")
    if isinstance(value, dict):
        return {k: urls(v) for k, v in value.items()}
    if isinstance(value, list):
        return [urls(v) for v in value]
    return value


def _picture(value: dict[str, Any], caller: Caller) -> Any:
    kind = value.get("mime_type") or mimetypes.guess_type(str(value.get("orig_name") or value["url"]))[0] or ""
    if not kind.startswith("image/"):
        return None
    found = store.download(str(value.get("path", "")), caller.owner)
    if found is None:
        return None
    data = base64.b64encode(found[0].read_bytes()).decode("ascii")
    return types.ImageContent(type="image", data=data, mime_type=kind)


def resource_contents(uri: str, mime_type: str | None, value: Any, caller: Caller) -> Any:
    """A resource's value: text for text types; otherwise bytes (a file's, or base64 fn returned, as Gradio)."""
    mime = mime_type or "text/plain"
    if mime.startswith("text/") or mime == "application/json":
        text = value if isinstance(value, str) else json.dumps(urls(value), ensure_ascii=False, default=str)
        return types.TextResourceContents(uri=uri, mime_type=mime, text=text)
    if is_file_data(value):
        found = store.download(str(value.get("path", "")), caller.owner)
        blob = base64.b64encode(found[0].read_bytes()).decode("ascii") if found else ""
    elif isinstance(value, (bytes, bytearray)):
        blob = base64.b64encode(value).decode("ascii")
    else:
        blob = str(value)
    return types.BlobResourceContents(uri=uri, mime_type=mime, blob=blob)


def prompt_messages(value: Any) -> list[Any]:
    """A prompt's messages: fn's text as one user message, or fn's ``[{"role", "content"}]`` list."""
    if isinstance(value, list) and value and all(isinstance(m, dict) and "role" in m for m in value):
        return [
            types.PromptMessage(
                role="assistant" if m["role"] == "assistant" else "user",
                content=types.TextContent(type="text", text=str(m.get("content", ""))),
            )
            for m in value
        ]
    text = value if isinstance(value, str) else json.dumps(urls(value), ensure_ascii=False, default=str)
    return [types.PromptMessage(role="user", content=types.TextContent(type="text", text=text))]
