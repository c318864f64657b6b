"""The MCP server of an app (the ``mcp`` SDK's low-level ``Server``): list and call its tools, resources, prompts.

Every call runs through ``Endpoint.stream``, the page's pipeline: the same
validator, concurrency gate, file policy, ``gr.Request`` and ``gr.Progress``
(sent as MCP progress notifications when the client asks for them). Values
cross as the HTTP API's do (``stface.api.convert``): a file argument is a
URL this server handed out or a base64 ``data:`` URL (saved as an upload of
the caller); nothing is fetched, and a bare path is refused. A file result is
an absolute URL of this server's file route, and a picture also comes back
as MCP image content.

``gr.Error`` comes back as a tool error with its message; any other failure
as a generic message, unless ``launch(show_error=True)``.

Imported only when the ``mcp`` package is installed (``stface.api.mcp``).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

import anyio
import anyio.from_thread
import anyio.to_thread
import mcp_types as types
from mcp.server.lowlevel import Server
from mcp.shared.exceptions import MCPError

from stface.api import mcp_values as values
from stface.api.convert import outputs_json, python_values, reply_json
from stface.api.files import FileRefused, store
from stface.api.mcp_catalog import Entry, catalog
from stface.api.mcp_values import Caller
from stface.errors import Error

__all__ = ["build_server"]

_LOG = logging.getLogger("stface.api.mcp")
GENERIC_ERROR = "Something went wrong while running the function. Please try again."
App = Any


def build_server(resolve: Callable[[], App], caller_of: Callable[[Any], Caller], name: str = "stface") -> Server:
    """The SDK server answering for ``resolve()``'s app (resolved again on every request)."""

    def entries(kind: str) -> list[Entry]:
        return [e for e in catalog(resolve()) if e.kind == kind]

    async def list_tools(ctx: Any, params: Any) -> types.ListToolsResult:
        tools = [
            types.Tool(name=e.name, description=e.description, input_schema=e.schema, _meta=e.meta)
            for e in entries("tool")
        ]
        return types.ListToolsResult(tools=tools)

    async def call_tool(ctx: Any, params: types.CallToolRequestParams) -> types.CallToolResult:
        app = resolve()
        tool = next((e for e in entries("tool") if e.name == params.name), None)
        if tool is None:
            names = ", ".join(e.name for e in entries("tool")) or "none"
            return _tool_error(f"There is no tool named {params.name!r}; the tools are: {names}.")
        caller = caller_of(ctx.request)
        progress = _progress_sender(ctx)
        try:
            given = values.arguments(tool, dict(params.arguments or {}), caller, app)
            outputs = await anyio.to_thread.run_sync(lambda: _run(tool, given, caller, progress))
            content, plain = await anyio.to_thread.run_sync(lambda: values.content(outputs, caller))
        except Error as exc:
            return _tool_error(_shown(exc))
        except Exception as exc:  # noqa: BLE001 - fn's failure is the caller's answer, not the server's crash
            _LOG.exception("MCP tool %s raised", tool.name)
            return _tool_error(f"{type(exc).__name__}: {exc}" if _show_error(app) else GENERIC_ERROR)
        structured = {"result": plain} if tool.structured else None
        return types.CallToolResult(content=content, structured_content=structured, _meta=tool.meta)

    async def list_resources(ctx: Any, params: Any) -> types.ListResourcesResult:
        found = [
            types.Resource(uri=e.uri_template, name=e.name, description=e.description, mime_type=e.mime_type)
            for e in entries("resource")
            if "{" not in str(e.uri_template)
        ]
        return types.ListResourcesResult(resources=found)

    async def list_templates(ctx: Any, params: Any) -> types.ListResourceTemplatesResult:
        found = [
            types.ResourceTemplate(
                uri_template=e.uri_template, name=e.name, description=e.description, mime_type=e.mime_type
            )
            for e in entries("resource")
            if "{" in str(e.uri_template)
        ]
        return types.ListResourceTemplatesResult(resource_templates=found)

    async def read_resource(ctx: Any, params: types.ReadResourceRequestParams) -> types.ReadResourceResult:
        uri = str(params.uri)
        for entry in entries("resource"):
            matched = values.match(str(entry.uri_template), uri)
            if matched is not None:
                caller = caller_of(ctx.request)
                value = await _first_output(resolve(), entry, matched, caller)
                contents = await anyio.to_thread.run_sync(
                    functools.partial(values.resource_contents, uri, entry.mime_type, value, caller)
                )
                return types.ReadResourceResult(contents=[contents])
        raise MCPError(types.INVALID_PARAMS, f"No resource matches {uri!r}.")

    async def list_prompts(ctx: Any, params: Any) -> types.ListPromptsResult:
        prompts = [
            types.Prompt(
                name=e.name,
                description=e.description,
                arguments=[
                    types.PromptArgument(name=p.name, description=e.arguments.get(p.name), required=not p.has_default)
                    for p in e.endpoint.parameters
                ],
            )
            for e in entries("prompt")
        ]
        return types.ListPromptsResult(prompts=prompts)

    async def get_prompt(ctx: Any, params: types.GetPromptRequestParams) -> types.GetPromptResult:
        entry = next((e for e in entries("prompt") if e.name == params.name), None)
        if entry is None:
            raise MCPError(types.INVALID_PARAMS, f"There is no prompt named {params.name!r}.")
        value = await _first_output(resolve(), entry, dict(params.arguments or {}), caller_of(ctx.request))
        return types.GetPromptResult(description=entry.description or None, messages=values.prompt_messages(value))

    return Server(
        name,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
        on_list_resources=list_resources,
        on_list_resource_templates=list_templates,
        on_read_resource=read_resource,
        on_list_prompts=list_prompts,
        on_get_prompt=get_prompt,
    )


# -- running ---------------------------------------------------------------------------------------


def _run(entry: Entry, given: dict[str, Any], caller: Caller, progress: Callable | None) -> list[Any]:
    """Run the endpoint to its last update; Gradio's JSON for each output (files handed out as URLs)."""
    endpoint, owner, root = entry.endpoint, caller.owner, caller.root
    policy = endpoint.app.file_policy() if hasattr(endpoint.app, "file_policy") else None
    last: list[Any] | None = None
    with store.writing_for(owner):
        data = [given[p.name] for p in endpoint.parameters]
        python = python_values([p.component for p in endpoint.parameters], data, store, owner, root)
        for payloads in endpoint.stream(python, request=caller.request, progress=progress):
            last = payloads
        if last is None:
            return [None] * len(endpoint.outputs)
        if endpoint.is_chat:
            reply = reply_json(last[0], store, owner, root, policy)
            return [reply, *outputs_json(endpoint.outputs[1:], last[1:], store, owner, root, policy)]
        return outputs_json(endpoint.outputs, last, store, owner, root, policy)


async def _first_output(app: App, entry: Entry, given: dict[str, Any], caller: Caller) -> Any:
    """A resource's or prompt's value: the first output of its endpoint, called with string arguments."""
    try:
        checked = values.arguments(entry, given, caller, app)
        outputs = await anyio.to_thread.run_sync(lambda: _run(entry, checked, caller, None))
    except Error as exc:
        raise MCPError(types.INVALID_PARAMS, _shown(exc)) from None
    except Exception as exc:  # noqa: BLE001
        _LOG.exception("MCP %s %s raised", entry.kind, entry.name)
        raise MCPError(types.INTERNAL_ERROR, f"{type(exc).__name__}: {exc}" if _show_error(app) else GENERIC_ERROR)
    return outputs[0] if outputs else None


def _progress_sender(ctx: Any) -> Callable[[float | None, str | None], None] | None:
    """gr.Progress updates as MCP progress notifications (only when the client sent a progress token)."""
    meta = getattr(ctx, "meta", None) or {}
    token = meta.get("progress_token") if isinstance(meta, dict) else getattr(meta, "progress_token", None)
    if token is None:
        return None

    def send(fraction: float | None, desc: str | None) -> None:
        try:
            anyio.from_thread.run(ctx.session.report_progress, float(fraction or 0.0), 1.0, desc)
        except Exception:  # noqa: BLE001 - a client gone away must not fail fn
            _LOG.debug("MCP progress notification not sent", exc_info=True)

    return send


def _tool_error(message: str) -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(type="text", text=message)], is_error=True)


def _shown(exc: Error) -> str:
    if getattr(exc, "print_exception", False) and not isinstance(exc, FileRefused):
        _LOG.info("fn raised gr.Error", exc_info=exc)
    return exc.shown if getattr(exc, "visible", True) else "Error"


def _show_error(app: App) -> bool:
    return bool(getattr(getattr(app, "launch_options", None), "show_error", False))
