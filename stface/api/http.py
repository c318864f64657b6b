"""Gradio's HTTP API for an stface app: the routes served beside the page (``st.App(..., routes=...)``).

What ``gradio_client`` 2.x and curl call, as Gradio 6 serves it:

=================================================  =============================================
``GET /config``                                    components and one dependency per endpoint
``POST /login``, ``GET /logout``                   Gradio's login form -> cookie (``auth=``)
``GET /gradio_api/info``                           endpoints, parameters, types, examples
``POST /gradio_api/upload``                        multipart files -> handles
``POST /gradio_api/queue/join``                    start a call -> ``{"event_id"}``
``GET /gradio_api/queue/data?session_hash=``       the session's messages (SSE)
``POST /gradio_api/call/<api_name>``               curl: ``{"data": [...]}`` -> ``{"event_id"}``
``POST /gradio_api/call/v2/<api_name>``            curl: ``{"<parameter>": value}`` -> ``{"event_id"}``
``GET /gradio_api/call/<api_name>/<event_id>``     ``event: generating|complete|error`` (SSE)
``POST /gradio_api/cancel``, ``/reset``            stop a call
``GET /gradio_api/heartbeat/<session_hash>``       keep-alive (SSE)
``GET /gradio_api/file=<handle>``                  a file this server handed out or received
=================================================  =============================================

With ``launch(auth=...)`` every route but ``/login`` answers 401 until the
caller logs in. Files follow ``stface.api.files``; values ``stface.api.convert``;
calls ``stface.api.queue`` (worker threads, the page's concurrency gate).

Example (a bare Starlette app; stface's generated scripts hand the routes to ``st.App``)::

    from starlette.applications import Starlette
    app = Starlette(routes=routes(lambda: demo))
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from stface.api.access import access
from stface.api.endpoints import find_endpoint
from stface.api.files import DEFAULT_MAX_UPLOAD, FileStore, media_headers, store
from stface.api.info import API_PREFIX, PREDICT_ALIAS, api_info, config, endpoint_info
from stface.api.queue import CallContext, Queue
from stface.api.uploads import UploadRefused, receive_uploads, upload_limit
from stface.request import Request as GrRequest

__all__ = ["routes"]

_LOG = logging.getLogger("stface.api")
MAX_JSON_BYTES = 64 * 1024 * 1024
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


def routes(resolve: Callable[[], Any], base_url: str = "", files: FileStore | None = None) -> list[BaseRoute]:
    """The routes of Gradio's HTTP API for the app ``resolve()`` returns (again on every request).

    ``base_url`` is the path the app is served under (Streamlit's ``server.baseUrlPath``), if any.
    """
    api = _Api(resolve, "/" + base_url.strip("/") if base_url.strip("/") else "", files or store)
    root = api.base
    table = [
        ("/config", api.config, ["GET"]), ("/login", api.login, ["POST"]), ("/logout", api.logout, ["GET"]),
        (f"{API_PREFIX}/info", api.info, ["GET"]), (f"{API_PREFIX}/upload", api.upload, ["POST"]),
        (f"{API_PREFIX}/queue/join", api.join, ["POST"]), (f"{API_PREFIX}/queue/data", api.data, ["GET"]),
        (f"{API_PREFIX}/call/v2/{{api_name}}", api.call_v2, ["POST"]),
        (f"{API_PREFIX}/call/{{api_name}}", api.call, ["POST"]),
        (f"{API_PREFIX}/call/{{api_name}}/{{event_id}}", api.call_stream, ["GET"]),
        (f"{API_PREFIX}/cancel", api.cancel, ["POST"]), (f"{API_PREFIX}/reset", api.reset, ["POST"]),
        (f"{API_PREFIX}/heartbeat/{{session_hash}}", api.heartbeat, ["GET"]),
        (f"{API_PREFIX}/file={{handle:path}}", api.file, ["GET", "HEAD"]),
    ]  # fmt: skip
    return [Route(root + path, handler, methods=methods) for path, handler, methods in table]


def _error(status: int, detail: Any) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


class _Api:
    def __init__(self, resolve: Callable[[], Any], base: str, files: FileStore) -> None:
        self.resolve, self.base, self.files = resolve, base, files
        self.access = access
        self.queue = Queue(files)

    # -- helpers ---------------------------------------------------------------------

    def _app(self) -> Any:
        try:
            return self.resolve()
        except Exception:  # noqa: BLE001 - the page shows the app's own error; the API says it is down
            _LOG.exception("The app could not be loaded for an API request")
            return None

    def root(self, request: Request) -> str:
        """The app's URL as the caller reached it (``launch(root_path="https://...")`` when given in full)."""
        given = str(getattr(getattr(self._app(), "launch_options", None), "root_path", None) or "")
        if given.startswith(("http://", "https://")):
            return given.rstrip("/")
        proto = request.headers.get("x-forwarded-proto", request.url.scheme).split(",")[0].strip() or "http"
        host = request.headers.get("x-forwarded-host") or request.headers.get("host") or request.url.netloc
        return f"{proto}://{host.split(',')[0].strip()}{self.base}"

    def _gate(self, request: Request) -> tuple[Any, Response | None]:
        """(app, None) when the request may go on; (None, the error response) otherwise."""
        app = self._app()
        if app is None:
            return None, _error(503, "The app could not be loaded; see the server's log.")
        options = getattr(app, "launch_options", None)
        if not self.access.allowed(request, getattr(options, "auth", None)):
            message = getattr(options, "auth_message", None)
            return None, _error(401, {"error": "Not authenticated", "auth_message": message})
        return app, None

    def _context(self, request: Request, app: Any, session_hash: str | None) -> CallContext:
        headers = {k: v for k, v in request.headers.items() if k.lower() != "cookie"}
        gr_request = GrRequest(headers=headers, client_host=request.client.host if request.client else None,
                               query_params=dict(request.query_params), session_hash=session_hash,
                               username=self.access.user(request))  # fmt: skip
        show_error = bool(getattr(getattr(app, "launch_options", None), "show_error", False))
        return CallContext(self.access.owner(request), self.root(request), gr_request, show_error)

    @staticmethod
    async def _json(request: Request) -> Any:
        body = await request.body()
        if len(body) > MAX_JSON_BYTES:
            raise ValueError(f"The request body is over {MAX_JSON_BYTES // (1024 * 1024)} MB; upload files instead.")
        return json.loads(body or b"null")

    def _sse(self, chunks: Any) -> StreamingResponse:
        return StreamingResponse(chunks, media_type="text/event-stream", headers=SSE_HEADERS)

    # -- config, login, info ---------------------------------------------------------------

    async def config(self, request: Request) -> Response:
        app, refused = self._gate(request)
        if refused is not None:
            return refused
        body = await run_in_threadpool(config, app, self.root(request), self.access.user(request))
        response = JSONResponse(body)
        self.access.ensure_session(request, response, request.url.scheme == "https")
        return response

    async def login(self, request: Request) -> Response:
        app = self._app()
        auth = getattr(getattr(app, "launch_options", None), "auth", None)
        if auth is None:
            return RedirectResponse(self.root(request) + "/", status_code=302)
        form = await request.form()
        username, password = str(form.get("username") or "").strip(), str(form.get("password") or "")
        token = await run_in_threadpool(self.access.log_in, auth, username, password)
        if token is None:
            return _error(400, "Incorrect credentials.")
        response = JSONResponse({"success": True})
        self.access.set_login(response, token, request.url.scheme == "https")
        self.access.ensure_session(request, response, request.url.scheme == "https")
        return response

    async def logout(self, request: Request) -> Response:
        response = RedirectResponse(self.root(request) + "/", status_code=302)
        self.access.log_out(request, response)
        return response

    async def info(self, request: Request) -> Response:
        app, refused = self._gate(request)
        if refused is not None:
            return refused
        every = request.query_params.get("all_endpoints", "").lower() in ("true", "1")
        info = await run_in_threadpool(api_info, app, every)
        if request.query_params.get("serialize", "").lower() != "false":
            from stface.api.snippets import add_snippets

            add_snippets(info, self.root(request), auth=getattr(app.launch_options, "auth", None) is not None)
        return JSONResponse(info)

    # -- files ----------------------------------------------------------------------------

    async def upload(self, request: Request) -> Response:
        app, refused = self._gate(request)
        if refused is not None:
            return refused
        limit = upload_limit(getattr(app, "launch_options", None), DEFAULT_MAX_UPLOAD)
        try:
            handles = await receive_uploads(request, self.files, self.access.owner(request), limit)
        except UploadRefused as exc:
            return Response(exc.message, status_code=exc.status, media_type="text/plain")
        return JSONResponse(handles)

    async def file(self, request: Request) -> Response:
        app, refused = self._gate(request)
        if refused is not None:
            return refused
        found = self.files.download(request.path_params["handle"], self.access.owner(request))
        if found is None:
            return _error(404, "File not found. Files are served only by the handle this server gave for them.")
        path, name = found
        media_type, headers = media_headers(name)
        return FileResponse(path, media_type=media_type, headers=headers)

    # -- calls -------------------------------------------------------------------------------

    async def join(self, request: Request) -> Response:
        app, refused = self._gate(request)
        if refused is not None:
            return refused
        try:
            body = await self._json(request)
        except ValueError as exc:
            return _error(400, str(exc) if "MB" in str(exc) else "The body is not JSON.")
        if (
            not isinstance(body, dict)
            or not isinstance(body.get("session_hash"), str)
            or len(body["session_hash"]) > 200
        ):
            return _error(400, "queue/join takes a JSON object with 'data', 'fn_index' and 'session_hash'.")
        fn_index = body.get("fn_index")
        if fn_index == PREDICT_ALIAS:
            endpoint = find_endpoint(app, api_name="predict")
        else:
            endpoint = find_endpoint(app, fn_index=fn_index) if isinstance(fn_index, int) else None
        if endpoint is None:
            return _error(404, f"No API endpoint has fn_index {fn_index!r}; see {API_PREFIX}/info.")
        data = body.get("data") if isinstance(body.get("data"), list) else []
        context = self._context(request, app, body["session_hash"])
        return JSONResponse({"event_id": self.queue.join(endpoint, data, context, session_hash=body["session_hash"])})

    async def data(self, request: Request) -> Response:
        app, refused = self._gate(request)
        if refused is not None:
            return refused
        key, owner = request.query_params.get("session_hash", ""), self.access.owner(request)
        if self.queue.find(key, owner) is None:
            return _error(404, "No call is waiting for this session_hash; join the queue first.")

        def render(message: dict[str, Any]) -> str:
            return f"data: {json.dumps(message, default=str)}\n\n"

        return self._sse(self.queue.stream(key, owner, render))

    async def _start(self, request: Request, api_name: str, data: list[Any] | dict[str, Any]) -> Response:
        app, refused = self._gate(request)
        if refused is not None:
            return refused
        endpoint = find_endpoint(app, api_name=api_name)
        if endpoint is None:
            from stface.api.info import visible_endpoints

            known = ", ".join(f"/{e.api_name}" for e in visible_endpoints(app)) or "none listed"
            return _error(404, f"Could not infer function index for API name: {api_name}. Endpoints: {known}.")
        if isinstance(data, dict):  # call/v2: values by parameter name, defaults filled in
            try:
                data = _by_name(endpoint_info(endpoint)["parameters"], data)
            except TypeError as exc:
                return _error(422, str(exc))
        event_id = self.queue.join(endpoint, data, self._context(request, app, None))
        return JSONResponse({"event_id": event_id})

    async def call(self, request: Request) -> Response:
        try:
            body = await self._json(request)
        except ValueError:
            return _error(400, 'The body must be JSON: {"data": [value, ...]}.')
        if not isinstance(body, dict) or not isinstance(body.get("data", []), list):
            return _error(400, 'The body must be {"data": [value, ...]}, one value per input.')
        return await self._start(request, request.path_params["api_name"], list(body.get("data", [])))

    async def call_v2(self, request: Request) -> Response:
        try:
            body = await self._json(request)
        except ValueError:
            return _error(400, 'The body must be JSON: {"<parameter name>": value, ...}.')
        if not isinstance(body, dict):
            return _error(400, 'The body must be {"<parameter name>": value, ...}.')
        return await self._start(request, request.path_params["api_name"], body)

    async def call_stream(self, request: Request) -> Response:
        app, refused = self._gate(request)
        if refused is not None:
            return refused
        key, owner = request.path_params["event_id"], self.access.owner(request)
        if self.queue.find(key, owner) is None:
            return self._sse(iter(['event: error\ndata: "404: Not Found"\n\n']))
        return self._sse(self.queue.stream(key, owner, _curl_event))

    async def cancel(self, request: Request) -> Response:
        app, refused = self._gate(request)
        if refused is not None:
            return refused
        try:
            body = await self._json(request)
        except ValueError:
            body = None
        if isinstance(body, dict):
            self.queue.cancel(str(body.get("session_hash") or ""), body.get("event_id"), self.access.owner(request))
        return JSONResponse({"success": True})

    async def reset(self, request: Request) -> Response:
        return await self.cancel(request)

    async def heartbeat(self, request: Request) -> Response:
        app, refused = self._gate(request)
        if refused is not None:
            return refused

        async def beats() -> Any:
            import asyncio

            for _ in range(20):  # five minutes; gradio_client reconnects when a stream ends
                yield "data: ALIVE\n\n"
                await asyncio.sleep(15)

        return self._sse(beats())


def _curl_event(message: dict[str, Any]) -> str | None:
    """A queue message as Gradio's curl protocol streams it (``event: ...`` / ``data: ...``)."""
    kind, output = message["msg"], message.get("output") or {}
    if kind == "process_completed":
        event, data = ("complete", output.get("data")) if message.get("success") else ("error", output)
    elif kind == "process_generating":
        event, data = ("generating", output.get("data")) if message.get("success", True) else ("error", output)
    elif kind == "heartbeat":
        event, data = "heartbeat", None
    else:
        return None
    return f"event: {event}\ndata: {json.dumps(data, default=str)}\n\n"


def _by_name(parameters: list[dict[str, Any]], values: dict[str, Any]) -> list[Any]:
    """Values by parameter name -> one value per parameter (gradio_client's ``construct_args``)."""
    names = [p["parameter_name"] for p in parameters]
    unknown = sorted(set(values) - set(names) - {"oauth_token"})
    if unknown:
        raise TypeError(f"Unknown parameter(s) {', '.join(unknown)}; this endpoint takes: {', '.join(names)}.")
    data = []
    for parameter in parameters:
        name = parameter["parameter_name"]
        if name in values:
            data.append(values[name])
        elif parameter.get("parameter_has_default"):
            data.append(parameter.get("parameter_default"))
        else:
            raise TypeError(f"No value provided for required parameter: {name}.")
    return data
