"""Starting a Streamlit server for a generated script.

Every generated script defines ``app = st.App(...)``: the page plus
Gradio's API routes. Streamlit's own ``bootstrap.run_asgi_app`` serves it
when the server may own the main thread (``python app.py``, ``stface
launch``); it installs the Ctrl-C handler. ``launch(prevent_thread_lock=True)``
runs the same app under uvicorn on a daemon thread instead, since signal
handlers only work on the main thread.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path
from typing import Any

from streamlit.web import bootstrap

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
    """Run the server on this (main) thread until Ctrl-C or SIGTERM.

    The generated script defines ``app = st.App(...)``: Streamlit serves it
    as ``streamlit run`` would (uvicorn), page and API routes together.
    """
    _configure(script, flags)
    bootstrap.run_asgi_app(script, f"{Path(script).stem}:app", [], flags)


def _configure(script: str, flags: dict[str, Any]) -> None:
    from streamlit import config

    config._main_script_path = os.path.abspath(script)  # as `streamlit run` sets it, before the options
    bootstrap.load_config_options(flags)


class BackgroundServer:
    """The same server on a daemon thread, for ``prevent_thread_lock=True`` (uvicorn, as Streamlit runs st.App)."""

    def __init__(self, script: str, flags: dict[str, Any]) -> None:
        import uvicorn
        from streamlit.web.server.starlette.starlette_server import _get_uvicorn_config_kwargs

        self.flags = flags
        _configure(script, flags)
        bootstrap._prepare_asgi_app_run_context(script, [], flags)
        app = _import_app(script)
        config = uvicorn.Config(app, host=flags["server.address"], port=int(flags["server.port"]), **_get_uvicorn_config_kwargs())
        config.log_level = "warning"
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="stface-server", daemon=True)

    def start(self, timeout: float = 60) -> None:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"The Streamlit server did not start on port {self.flags['server.port']}.")
            time.sleep(0.05)

    def stop(self) -> None:
        if self._thread.is_alive():
            self._server.should_exit = True
            self._thread.join(timeout=10)
        from streamlit.runtime import Runtime

        if not self._thread.is_alive():
            Runtime._instance = None  # Streamlit keeps one Runtime per process: a later launch() may start another


def _import_app(script: str) -> Any:
    """The ``app`` a generated script defines (imported as a module, as uvicorn imports it)."""
    import importlib.util
    import sys

    name = Path(script).stem
    spec = importlib.util.spec_from_file_location(name, script)
    if spec is None or spec.loader is None:
        raise ImportError(f"Cannot import the generated script {script}.")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module.app
