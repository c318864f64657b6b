"""What an app offers MCP clients: its tools, resources and prompts, named and described as Gradio 6 does.

Each visible endpoint (``stface.api.endpoints``) is one entry. Its kind comes
from ``gr.mcp`` marks on fn (``stface.mcp``): a tool unless fn is marked as a
resource or a prompt. Following Gradio 6's ``gradio/mcp.py``:

* a tool is named after fn (``fn.__name__``, made of letters, digits and
  ``_``; ``_1``, ``_2`` ... when names repeat; the Space's name in front on a
  Hugging Face Space); ``gr.mcp.tool(name=...)`` overrides it. A fn without
  a usable name (a lambda) is named after its endpoint (its ``api_name``);
* its description is fn's docstring up to ``Args:`` (``api_description=``
  or ``gr.mcp.tool(description=...)`` override it), and each parameter's
  description is its line under ``Args:``;
* its input schema holds each input's JSON schema from Gradio's API info
  (``stface.api.schemas``), where a file becomes a string: a URL.

No Streamlit and no MCP SDK here: the entries are plain data.

Example:
    >>> import stface as gr
    >>> def shout(text):
    ...     '''Shout a text.
    ...
    ...     Args:
    ...         text: what to shout
    ...     '''
    ...     return text.upper()
    >>> (tool,) = catalog(gr.Interface(shout, gr.Textbox(), "text"))
    >>> tool.kind, tool.name, tool.description
    ('tool', 'shout', 'Shout a text.')
    >>> tool.schema["properties"]["text"]
    {'type': 'string', 'description': 'what to shout'}
"""

from __future__ import annotations

import inspect
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from stface.api.endpoints import Endpoint, endpoints
from stface.api.schemas import api_type

__all__ = ["FILE_FORMAT", "Entry", "catalog", "describe_fn", "file_schema"]

#: The ``format`` of a file parameter in a tool's input schema (Gradio calls it "Gradio File Input").
FILE_FORMAT = "Gradio File Input - a URL of a file this server returned, or a base64 data: URL"
FILE_NOTE = (
    " A file input takes a URL this server returned (its /gradio_api/file= URLs) or a base64 data: URL;"
    " other URLs and paths are refused."
)
App = Any


@dataclass
class Entry:
    """One tool, resource or prompt of an app."""

    kind: str  # "tool", "resource" or "prompt"
    name: str
    endpoint: Endpoint
    description: str
    schema: dict[str, Any] = field(default_factory=dict)  # the tool's input schema
    arguments: dict[str, str] = field(default_factory=dict)  # parameter name -> its description
    uri_template: str | None = None  # resources
    mime_type: str | None = None  # resources
    meta: dict[str, Any] | None = None  # gr.mcp.tool(_meta=...)
    structured: bool = False  # gr.mcp.tool(structured_output=True)

    @property
    def has_files(self) -> bool:
        return FILE_FORMAT in repr(self.schema)


def catalog(app: App) -> list[Entry]:
    """The MCP entries of ``app``: one per visible endpoint, in the endpoints' order."""
    entries: list[Entry] = []
    taken: set[str] = set()
    prefix = _space_prefix()
    for endpoint in endpoints(app):
        if not (endpoint.open and endpoint.visible):
            continue
        fn = getattr(endpoint.app, "fn", None)
        kind = getattr(fn, "_mcp_type", "tool")
        summary, arguments, returns = describe_fn(fn)
        marked_description = getattr(fn, "_mcp_description", None)
        if kind == "resource":
            entries.append(_resource(endpoint, fn, marked_description or summary, arguments))
            continue
        if kind == "prompt":
            name = getattr(fn, "_mcp_name", None) or _fn_name(fn) or endpoint.api_name
            entries.append(Entry("prompt", name, endpoint, marked_description or summary, arguments=arguments))
            continue
        name = _unique(prefix + (getattr(fn, "_mcp_name", None) or _fn_name(fn) or endpoint.api_name), taken)
        taken.add(name)
        schema = input_schema(endpoint, arguments)
        description = _tool_description(endpoint, marked_description, summary, returns, FILE_FORMAT in repr(schema))
        entries.append(
            Entry(
                "tool",
                name,
                endpoint,
                description,
                schema=schema,
                arguments=arguments,
                meta=getattr(fn, "_mcp_meta", None),
                structured=bool(getattr(fn, "_mcp_structured_output", False)),
            )
        )
    return entries


def describe_fn(fn: Callable | None) -> tuple[str, dict[str, str], list[str]]:
    """(description, {parameter: description}, return lines) from fn's docstring, as Gradio reads it.

    The description is every line before ``Args:`` / ``Parameters:`` /
    ``Arguments:`` / ``Returns:``; under ``Args:``, ``name: text`` lines
    describe parameters; the lines after ``Returns:`` describe the result.
    """
    if fn is None:
        return "", {}, []
    try:
        arguments = {name: "" for name in inspect.signature(fn).parameters}
    except (TypeError, ValueError):
        arguments = {}
    lines = [line.strip() for line in (inspect.getdoc(fn) or "").strip().splitlines()]
    heads = ("Args:", "Parameters:", "Arguments:")
    ends = [i for i, line in enumerate(lines) if line.startswith((*heads, "Returns:"))]
    first_end = ends[0] if ends else len(lines)
    description = " ".join(line for line in lines[:first_end] if line)
    args_at = next((i for i, line in enumerate(lines) if line.startswith(heads)), len(lines))
    returns_at = next((i for i, line in enumerate(lines) if line.startswith("Returns:")), len(lines))
    for line in lines[args_at + 1 : returns_at if returns_at > args_at else len(lines)]:
        name, colon, text = line.partition(":")
        name = name.split(" ")[0].strip()
        if colon and name in arguments:
            arguments[name] = text.strip()
    returns = [line for line in lines[returns_at + 1 :] if line]
    return description, {k: v for k, v in arguments.items() if v}, returns


def input_schema(endpoint: Endpoint, arguments: dict[str, str]) -> dict[str, Any]:
    """The tool's JSON schema: one property per input, files as URL strings."""
    properties: dict[str, Any] = {}
    required: list[str] = []
    for parameter in endpoint.parameters:
        schema = file_schema(api_type(parameter.component).schema)
        if parameter.name in arguments:
            schema["description"] = arguments[parameter.name]
        if parameter.has_default and parameter.default not in (None, "", [], {}) and _is_json(parameter.default):
            schema["default"] = parameter.default
        properties[parameter.name] = schema
        if not parameter.has_default:
            required.append(parameter.name)
    schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return schema


def file_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` made self-contained (``$ref`` inlined) with each FileData in it a string: a URL."""
    defs = schema.get("$defs", {}) if isinstance(schema, dict) else {}
    return _simplify(schema, defs, frozenset())


def _simplify(node: Any, defs: dict[str, Any], seen: frozenset[str]) -> Any:
    if isinstance(node, list):
        return [_simplify(item, defs, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if _is_file_node(node, defs):
        return {"type": "string", "format": FILE_FORMAT}
    if "$ref" in node:
        name = str(node["$ref"]).rsplit("/", 1)[-1]
        if name in seen or name not in defs:  # a recursive definition: any value
            return {}
        rest = {k: v for k, v in node.items() if k != "$ref"}
        return _simplify({**defs[name], **rest}, defs, seen | {name})
    return {
        key: _simplify(value, defs, seen)
        for key, value in node.items()
        if key != "$defs" and not (key == "additional_description" and value is None)
    }


def _is_file_node(node: dict[str, Any], defs: dict[str, Any]) -> bool:
    if "$ref" in node:
        node = defs.get(str(node["$ref"]).rsplit("/", 1)[-1], {})
    properties = node.get("properties", {}) if isinstance(node, dict) else {}
    return "path" in properties and "meta" in properties


def _tool_description(endpoint: Endpoint, marked: str | None, summary: str, returns: list[str], files: bool) -> str:
    if marked:
        return marked
    given = getattr(endpoint.app, "api_description", None)
    if given is False:
        return ""
    description = given if isinstance(given, str) else summary
    if files:
        description += FILE_NOTE
    if returns and not isinstance(given, str):
        description += ("" if description.endswith(".") else ".") + " Returns: " + ", ".join(returns)
    return description.strip()


def _resource(endpoint: Endpoint, fn: Any, description: str, arguments: dict[str, str]) -> Entry:
    template = fn._mcp_uri_template
    return Entry(
        "resource",
        _fn_name(fn) or endpoint.api_name,
        endpoint,
        description,
        arguments=arguments,
        uri_template=template,
        mime_type=getattr(fn, "_mcp_mime_type", None) or "text/plain",
    )


def _fn_name(fn: Any) -> str:
    name = getattr(fn, "__name__", None) or getattr(type(fn), "__name__", "")
    name = re.sub(r"[^a-zA-Z0-9]", "_", str(name))[:120]
    return name if re.search(r"[a-zA-Z0-9]", name) and name != "_lambda_" else ""


def _unique(name: str, taken: set[str]) -> str:
    name = re.sub(r"[^a-zA-Z0-9_-]", "_", name)[:120]
    base, number = name, 1
    while name in taken:
        name, number = f"{base}_{number}", number + 1
    return name


def _space_prefix() -> str:
    """Gradio names tools ``<space>_<fn>`` on a Hugging Face Space (``SPACE_ID``)."""
    space = os.environ.get("SPACE_ID", "")
    return re.sub(r"[^a-zA-Z0-9]", "_", space.split("/")[-1]) + "_" if space else ""


def _is_json(value: Any) -> bool:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return True
    if isinstance(value, (list, tuple)):
        return all(_is_json(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_json(v) for k, v in value.items())
    return False
