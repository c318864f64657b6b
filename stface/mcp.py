"""``gr.mcp``: Gradio 6's decorators that mark a function as an MCP tool, resource or prompt.

They only record how the function is to be offered to MCP clients (on the
function itself, under the attribute names Gradio uses), so an app written
for Gradio runs unchanged. The marks are read by stface's MCP server, which
serves each Interface as a tool.

Example:
    >>> import stface as gr
    >>> @gr.mcp.resource("greeting://{name}", mime_type="text/plain")
    ... def greeting(name: str) -> str:
    ...     return f"Hello {name}"
    >>> greeting._mcp_type, greeting._mcp_uri_template
    ('resource', 'greeting://{name}')
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["prompt", "resource", "tool"]

F = TypeVar("F", bound=Callable[..., Any])


def resource(uri_template: str, description: str | None = None, mime_type: str | None = None) -> Callable[[F], F]:
    """Mark fn as an MCP resource read at ``uri_template`` (its ``{placeholders}`` are fn's parameters)."""
    if not isinstance(uri_template, str) or "://" not in uri_template:
        raise ValueError(f"gr.mcp.resource needs a URI template such as 'data://{{name}}', got {uri_template!r}.")

    def decorator(fn: F) -> F:
        fn._mcp_type = "resource"  # type: ignore[attr-defined]
        fn._mcp_uri_template = uri_template  # type: ignore[attr-defined]
        fn._mcp_description = description  # type: ignore[attr-defined]
        fn._mcp_mime_type = mime_type or "text/plain"  # type: ignore[attr-defined]
        return fn

    return decorator


def prompt(name: str | None = None, description: str | None = None) -> Callable[[F], F]:
    """Mark fn as an MCP prompt (named ``name``, or fn's name)."""

    def decorator(fn: F) -> F:
        fn._mcp_type = "prompt"  # type: ignore[attr-defined]
        fn._mcp_name = name or fn.__name__  # type: ignore[attr-defined]
        fn._mcp_description = description  # type: ignore[attr-defined]
        return fn

    return decorator


def tool(
    name: str | None = None,
    description: str | None = None,
    structured_output: bool = False,
    _meta: dict[str, Any] | None = None,
) -> Callable[[F], F]:
    """Mark fn as an MCP tool with its own name, description or structured output (every Interface is one)."""

    def decorator(fn: F) -> F:
        fn._mcp_type = "tool"  # type: ignore[attr-defined]
        fn._mcp_name = name  # type: ignore[attr-defined]
        fn._mcp_structured_output = structured_output  # type: ignore[attr-defined]
        fn._mcp_description = description  # type: ignore[attr-defined]
        fn._mcp_meta = _meta  # type: ignore[attr-defined]
        return fn

    return decorator
