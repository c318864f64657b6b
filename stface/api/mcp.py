"""MCP beside the page: ``launch(mcp_server=True)`` serves each API endpoint as an MCP tool.

Gradio's URL, ``<app>/gradio_api/mcp/`` (also without the slash, and with
``/http``), speaks MCP's streamable HTTP through the official ``mcp`` SDK
(``pip install "stface[mcp]"``); ``/gradio_api/mcp/schema`` lists the tools
as JSON, as Gradio's does. The tools, resources and prompts are the app's
endpoints (``stface.api.mcp_catalog``), called through the page's pipeline
(``stface.api.mcp_calls``).

* MCP answers only when it is on: ``launch(mcp_server=True)`` or the
  environment variable ``GRADIO_MCP_SERVER=True``; otherwise these URLs
  answer 404, saying how to turn it on.
* With ``launch(auth=...)``, nothing is answered before login: HTTP Basic
  credentials, or the login cookie of Gradio's ``/login`` route; otherwise
  401.
* The SDK's session manager needs a running task group, which an app
  normally starts in its lifespan. st.App's lifespan is Streamlit's, so the
  mount starts its own: on the first request, in a task of the server's
  event loop, which ends with the loop (a new loop gets a new manager).

Example (an app file, served with ``python app.py`` or ``stface launch app.py``)::

    import stface as gr

    def letters(word: str) -> int:
        '''Count the letters of a word.

        Args:
            word: the word to count
        '''
        return len(word)

    gr.Interface(letters, "text", "number").launch(mcp_server=True)
    # MCP clients connect to http://127.0.0.1:7860/gradio_api/mcp/
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import html
import json
import logging
import weakref
from collections.abc import Callable
from typing import Any

from starlette.requests import Request as HttpRequest
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Scope, Send

from stface.request import Request

__all__ = ["MCP_PATH", "require_mcp", "routes"]

MCP_PATH = "/gradio_api/mcp"
_USER_KEY = "stface.mcp.user"
_LOG = logging.getLogger("stface.api.mcp")
_OFF = (
    "MCP is not on for this app. Serve it with demo.launch(mcp_server=True), "
    "or set the environment variable GRADIO_MCP_SERVER=True before starting it."
)
App = Any


def require_mcp() -> None:
    """Raise ``ImportError`` (naming the extra to install) unless the ``mcp`` SDK is importable."""
    try:
        import mcp.server.streamable_http_manager  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            'MCP (launch(mcp_server=True) / GRADIO_MCP_SERVER) needs the mcp package: pip install "stface[mcp]"'
        ) from exc


def routes(resolve: Callable[[], App], base_url: str = "") -> list[BaseRoute]:
    """The Starlette routes of an app's MCP server (``resolve()`` returns the app, again on each request).

    ``base_url`` is the path the app is served under (Streamlit's ``server.baseUrlPath``), if any.
    """
    base = "/" + base_url.strip("/") if base_url.strip("/") else ""
    door = _Door(resolve, base)
    mcp = base + MCP_PATH
    paths = [mcp, f"{mcp}/", f"{mcp}/http", f"{mcp}/http/", f"{mcp}/schema"]
    return [Route(path, endpoint=door, name=f"stface-mcp{i}") for i, path in enumerate(paths)]


class _Door:
    """The ASGI app behind every MCP URL: on/off, login, then the SDK's streamable HTTP."""

    def __init__(self, resolve: Callable[[], App], base: str = "") -> None:
        self.resolve, self.base = resolve, base
        self._server: Any = None
        self._managers: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, tuple[Any, asyncio.Event, Any]] = (
            weakref.WeakKeyDictionary()
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = self._refusal(scope)
        if response is None and scope["path"].rstrip("/").endswith("/schema"):
            response = JSONResponse(self._schema())
        if response is None and _is_browser(scope):
            response = HTMLResponse(
                _landing_page(_root(HttpRequest(scope), self._options(), self.base) + MCP_PATH + "/")
            )
        if response is not None:
            await response(scope, receive, send)
            return
        manager = await self._manager()
        await manager.handle_request(scope, receive, send)

    def _options(self) -> Any:
        return getattr(self.resolve(), "launch_options", None)

    def _refusal(self, scope: Scope) -> Response | None:
        """The answer when MCP may not serve this request (off, no SDK, not logged in); None to go on."""
        try:
            options = self._options()
        except Exception:  # noqa: BLE001 - the app failed to load: the page says why
            _LOG.exception("MCP could not load the app")
            return PlainTextResponse("The app could not be loaded; see the server's log.", status_code=503)
        if options is None or not options.serves_mcp:
            return PlainTextResponse(_OFF, status_code=404)
        try:
            require_mcp()
        except ImportError as exc:
            _LOG.error("%s", exc)
            return PlainTextResponse(str(exc), status_code=501)
        if options.auth is None:
            return None
        user = _logged_in(HttpRequest(scope), options.auth)
        if user is None:
            return PlainTextResponse(
                "Login required: send HTTP Basic credentials (Authorization: Basic ...) or log in at /login first.",
                status_code=401,
                headers={"WWW-Authenticate": 'Basic realm="stface", charset="UTF-8"'},
            )
        scope[_USER_KEY] = user
        return None

    def _schema(self) -> list[dict[str, Any]]:
        """Gradio's ``/gradio_api/mcp/schema``: each entry's name, description, input schema and kind."""
        from stface.api.mcp_catalog import catalog

        return [
            {
                "name": e.name,
                "description": e.description,
                "inputSchema": e.schema,
                "meta": {"file_data_present": e.has_files, "mcp_type": e.kind, "endpoint_name": e.endpoint.api_name},
            }
            for e in catalog(self.resolve())
        ]

    async def _manager(self) -> Any:
        """The SDK's session manager of this event loop, started (in its own task) on first use."""
        loop = asyncio.get_running_loop()
        running = self._managers.get(loop)
        if running is None or running[2].done():
            from mcp.server.streamable_http_manager import StreamableHTTPSessionManager

            from stface.api.files import DEFAULT_MAX_UPLOAD

            if self._server is None:
                from stface.api.mcp_calls import build_server

                title = getattr(self.resolve(), "title", None)
                self._server = build_server(self.resolve, self._caller, str(title or "stface app"))
            limit = getattr(self._options(), "max_file_bytes", None) or DEFAULT_MAX_UPLOAD
            manager = StreamableHTTPSessionManager(
                app=self._server, stateless=True, max_request_body_size=limit * 4 // 3 + 1024 * 1024
            )
            ready = asyncio.Event()
            running = (manager, ready, loop.create_task(_serve(manager, ready), name="stface-mcp"))
            self._managers[loop] = running
        manager, ready, task = running
        await ready.wait()
        if task.done():
            raise RuntimeError("The MCP session manager stopped; see the server's log.")
        return manager

    def _caller(self, http: HttpRequest | None) -> Any:
        """Who calls (for the handlers): the app's URL, gr.Request, the files' owner."""
        from stface.api.access import Access
        from stface.api.mcp_values import Caller

        if http is None:
            return Caller(root=self.base, request=Request())
        hidden = ("content-length", "cookie", "authorization")
        request = Request(
            headers={k: v for k, v in http.headers.items() if k.lower() not in hidden},
            client_host=http.client.host if http.client else None,
            query_params=dict(http.query_params),
            username=http.scope.get(_USER_KEY),
        )
        return Caller(root=_root(http, self._options(), self.base), request=request, owner=Access.owner(http))


async def _serve(manager: Any, ready: asyncio.Event) -> None:
    """Run the session manager until the loop ends (its task is cancelled then)."""
    try:
        async with manager.run():
            ready.set()
            await asyncio.Event().wait()
    except Exception:
        _LOG.exception("The MCP session manager failed")
        raise
    finally:
        ready.set()


def _logged_in(request: HttpRequest, auth: Any) -> str | None:
    """The user named by valid HTTP Basic credentials or by the HTTP API's login cookie, else None."""
    from stface.credentials import check_credentials

    header = request.headers.get("authorization", "")
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() == "basic" and encoded:
        try:
            user, colon, password = base64.b64decode(encoded.strip(), validate=True).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return user if colon and check_credentials(auth, user, password) else None
    from stface.api import access

    shared = getattr(access, "access", None)  # the process's logins (Gradio's /login cookie)
    return shared.user(request) if shared is not None else None


def _root(request: HttpRequest, options: Any, base: str) -> str:
    """The app's URL as the caller reached it (proxies' X-Forwarded-* honoured), for file URLs."""
    root_path = str(getattr(options, "root_path", None) or "")
    if root_path.startswith(("http://", "https://")):
        return root_path.rstrip("/")
    headers = request.headers
    scheme = headers.get("x-forwarded-proto", request.url.scheme).split(",")[0].strip() or "http"
    host = (headers.get("x-forwarded-host") or headers.get("host") or request.url.netloc).split(",")[0].strip()
    return f"{scheme}://{host}{root_path.rstrip('/') or base}"


def _is_browser(scope: Scope) -> bool:
    """A plain GET (a person following the link), not an MCP client's event stream."""
    if scope.get("method") != "GET":
        return False
    accept = dict(scope.get("headers") or []).get(b"accept", b"")
    return b"text/event-stream" not in accept


def _landing_page(url: str) -> str:
    config = json.dumps({"mcpServers": {"stface": {"url": url}}}, indent=2)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>MCP server</title></head>"
        "<body style='font-family:sans-serif;max-width:44rem;margin:3rem auto'>"
        "<h1>MCP server</h1><p>This is the Model Context Protocol endpoint of an stface app (streamable HTTP). "
        "Connect an MCP client to it rather than opening it in a browser.</p>"
        f"<p>Server URL: <code>{html.escape(url)}</code></p><p>Client configuration:</p>"
        f"<pre>{html.escape(config)}</pre></body></html>"
    )
