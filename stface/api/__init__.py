"""Gradio's HTTP API and MCP, served beside the page by the same server (``st.App`` routes).

``api_routes(resolve)`` is what the generated Streamlit scripts hand to
``st.App``: ``resolve()`` returns the app (again on each request, so an
edited app file is served as the page shows it). The routes speak Gradio's
protocol (``stface.api.http``: gradio_client, curl) and MCP
(``stface.api.mcp``), and call the app through ``stface.api.endpoints``,
the same pipeline as the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

App = Any  # stface.app.App, not imported: it reaches the page's drawing

__all__ = ["api_routes", "serving_api"]

_serving = False


def api_routes(resolve: Callable[[], App]) -> list[Any]:
    """The Starlette routes of an app's API (Gradio's HTTP API, curl, MCP)."""
    global _serving
    routes: list[Any] = []
    for name in ("http", "mcp"):
        module = _module(name)
        if module is not None:
            routes += module.routes(resolve)
    _serving = True
    return routes


def serving_api() -> bool:
    """True when this process serves the API beside the page (``stface launch``, ``python app.py``, an export)."""
    return _serving


def _module(name: str) -> Any:
    import importlib

    try:
        return importlib.import_module(f"stface.api.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"stface.api.{name}":
            raise
        return None
