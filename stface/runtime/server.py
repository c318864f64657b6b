"""Starting a Streamlit server for a generated script.

Streamlit's own ``bootstrap.run`` is used when the server may own the main
thread (``python app.py``, ``stface launch``); it installs the Ctrl-C handler.
``launch(prevent_thread_lock=True)`` runs the same Server on an event loop in
a daemon thread instead, since signal handlers only work on the main thread.
"""

from __future__ import annotations

import asyncio
import os
import socket
import threading
from typing import Any

from streamlit.web import bootstrap
from streamlit.web.server import Server

from stface.runtime.options import LaunchOptions

__all__ = ["BackgroundServer", "free_port", "serve_forever", "streamlit_options"]

DEFAULT_PORT = 7860


def free_port(host: str = "127.0.0.1", start: int = DEFAULT_PORT, tries: int = 100) -> int:
    """The first port from ``start`` that nothing listens on, as Gradio picks one."""
    for port in range(start, start + tries):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((host, port))
            except OSError:
                continue
            return port
    raise OSError(f"No free port in {start}..{start + tries - 1} on {host}; pass server_port=... to choose one.")


def watch_app_folder(folder: str) -> None:
    """Reload when the app's Python modules change, and only then.

    Streamlit watches modules whose files sit in a folder on PYTHONPATH.
    (Its ``folderWatchList`` would instead rerun every session whenever any
    file in the folder changes: a flagged sample, a log line, an upload.)
    """
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if folder not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([folder, *paths])


def streamlit_options(options: LaunchOptions, *, watch_folder: str | None = None) -> dict[str, Any]:
    """Streamlit config for a launch: loopback, no telemetry, errors hidden.

    XSRF and CORS protection stay at Streamlit's defaults (on), and static
    file serving stays off. With ``watch_folder``, edits to the app's
    modules rerun the page (see ``watch_app_folder``).
    """
    port = options.port or free_port(options.host)
    flags: dict[str, Any] = {
        "server.address": options.host,
        "server.port": port,
        "server.headless": not options.inbrowser,
        "browser.gatherUsageStats": False,
        "browser.serverAddress": options.host,
        "browser.serverPort": port,
        "client.showErrorDetails": "full" if options.show_error else "none",
        "client.toolbarMode": "minimal",
        "server.fileWatcherType": "auto" if watch_folder else "none",
        "server.runOnSave": bool(watch_folder),
        "global.showWarningOnDirectExecution": False,
    }
    if watch_folder:
        watch_app_folder(watch_folder)
    if options.max_upload_mb is not None:
        flags["server.maxUploadSize"] = options.max_upload_mb
    if options.ssl_certfile and options.ssl_keyfile:
        flags["server.sslCertFile"] = options.ssl_certfile
        flags["server.sslKeyFile"] = options.ssl_keyfile
    if options.root_path:
        flags["server.baseUrlPath"] = options.root_path.strip("/")
    return flags


def serve_forever(script: str, flags: dict[str, Any]) -> None:
    """Run the server on this (main) thread until Ctrl-C or SIGTERM."""
    bootstrap.load_config_options(flags)
    bootstrap.run(script, False, [], flags)


class BackgroundServer:
    """A Streamlit server on a daemon thread, for ``prevent_thread_lock=True``."""

    def __init__(self, script: str, flags: dict[str, Any]) -> None:
        self.flags = flags
        bootstrap.load_config_options(flags)
        self._server = Server(script, False)
        self._loop = asyncio.new_event_loop()
        self._started = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="stface-server", daemon=True)

    def start(self, timeout: float = 60) -> None:
        self._thread.start()
        if not self._started.wait(timeout) or self._error is not None:
            raise RuntimeError(f"The Streamlit server did not start: {self._error!r}")

    def _run(self) -> None:
        async def main() -> None:
            try:
                await self._server.start()
                bootstrap.prepare_streamlit_environment(self._server.main_script_path)
            except BaseException as exc:
                self._error = exc
                raise
            finally:
                self._started.set()
            await self._server.stopped

        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(main())
        except BaseException:  # noqa: BLE001 - reported through start()
            pass

    def stop(self) -> None:
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._server.stop)
            self._thread.join(timeout=10)
        from streamlit.runtime import Runtime

        if not self._thread.is_alive() and Runtime._instance is getattr(self._server, "_runtime", None):
            Runtime._instance = None  # Streamlit keeps one Runtime per process: a later launch() may start another
