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


def api_routes(resolve: Callable[[], App], base_url: str = "") -> list[Any]:
    """The Starlette routes of an app's API: Gradio's HTTP API and curl (``http``), and MCP (``mcp``).

    ``base_url`` is the path the app is served under (Streamlit's ``server.baseUrlPath``), if any.
    """
    global _serving
    from stface.api import http, mcp

    _serving = True
    return [*http.routes(resolve, base_url), *mcp.routes(resolve, base_url)]


def serving_api() -> bool:
    """True when this process serves the API beside the page (``stface launch``, ``python app.py``, an export)."""
    return _serving
