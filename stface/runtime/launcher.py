"""``Interface.launch``: what it does depends on where it is called.

* While ``stface launch`` / an exported entrypoint imports the app, it only
  records the interface and its options (see ``loader``).
* Inside a Streamlit script run (``streamlit run app.py``, Community Cloud,
  AppTest) it draws the interface in place.
* Otherwise (``python app.py``) it registers the interface in this process,
  writes a two-line script that fetches it, and starts a Streamlit server.
"""

from __future__ import annotations

import contextlib
import contextvars
import sys
import uuid
from typing import TYPE_CHECKING, Any, NamedTuple

from stface._context import bound
from stface.runtime.options import LaunchOptions
from stface.themes import theme_options

if TYPE_CHECKING:
    from stface.app import App
    from stface.runtime.server import BackgroundServer

__all__ = ["LaunchResult", "capturing_launches", "close", "close_all", "in_script_run", "launch", "registered"]

_captured: contextvars.ContextVar[list | None] = contextvars.ContextVar("stface_captured", default=None)
_registry: dict[str, App] = {}
_servers: dict[int, BackgroundServer] = {}
_urls: dict[int, str] = {}

SHARE_MESSAGE = (
    "stface does not create public share links (share=True). The app is served on {url}. "
    "To put it online, run `stface export app.py` and deploy the folder to Streamlit Community Cloud, "
    "or pass server_name='0.0.0.0' to serve on your network deliberately."
)


class LaunchResult(NamedTuple):
    """What ``launch(prevent_thread_lock=True)`` returns: Gradio's ``(app, local_url, share_url)`` tuple.

    ``app`` is the running server (``app.stop()`` stops it, as ``demo.close()``
    does); ``share_url`` is always None (stface makes no share links).
    """

    app: BackgroundServer
    local_url: str
    share_url: None = None


def capturing_launches() -> contextlib.AbstractContextManager[list]:
    """While active, ``launch()`` records its interface (in the yielded list) instead of serving."""
    return bound(_captured, [])


def in_script_run() -> bool:
    """True when called from a Streamlit script run (a real server or AppTest)."""
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    return get_script_run_ctx(suppress_warning=True) is not None


def registered(interface_id: str) -> App:
    return _registry[interface_id]


def launch(interface: App, **kwargs: Any) -> LaunchResult | None:
    options = LaunchOptions.from_kwargs(**kwargs)
    interface.launch_options = options
    interface.use_launch_style(options)
    captured = _captured.get()
    if captured is not None:
        captured.append(interface)
        return None
    if in_script_run():
        from stface.runtime.auth import login_gate
        from stface.runtime.reconnect import reconnect_notice

        with reconnect_notice():
            if login_gate(options.auth, options.auth_message):
                interface.render()
        _say_once_the_api_is_not_served()
        return None
    return _serve(interface, options)


_said: list[bool] = []


def _say_once_the_api_is_not_served() -> None:
    """Under a bare ``streamlit run app.py`` nothing serves Gradio's API: tell the developer, once per process."""
    from stface.api import serving_api
    from stface.runtime.api_page import NOT_SERVED

    if not serving_api() and not _said:
        _said.append(True)
        print(f"stface: {NOT_SERVED}", file=sys.stderr)


def _serve(interface: App, options: LaunchOptions) -> LaunchResult | None:
    from stface.runtime import scripts, server

    if _servers:  # Streamlit runs one server per process
        raise RuntimeError(
            f"An stface app is already served from this process (on {', '.join(_urls.values())}); Streamlit runs one "
            "server per process. Stop it first with demo.close() or gr.close_all(), or serve several interfaces "
            "together with gr.TabbedInterface([...])."
        )
    if options.serves_mcp:  # fail now, naming the extra, rather than on the first MCP call
        from stface.api.mcp import require_mcp

        require_mcp()
    interface_id = uuid.uuid4().hex
    _registry[interface_id] = interface
    script = scripts.write_temp_script(scripts.registered_script(interface_id))
    flags = server.streamlit_options(options) | theme_options(interface.theme)
    url = f"http://{flags['browser.serverAddress']}:{flags['server.port']}"
    if options.share:
        print(SHARE_MESSAGE.format(url=url), file=sys.stderr)
    if not options.quiet:
        print(f"Running on local URL:  {url}", file=sys.stderr)
    inline = options.inline if options.inline is not None else _in_notebook()
    if options.prevent_thread_lock or inline:
        background = server.BackgroundServer(script, flags)
        background.start()
        _servers[id(interface)] = background
        _urls[id(interface)] = url
        if inline:
            _show_inline(url)
        return LaunchResult(background, url)
    server.serve_forever(script, flags)
    return None


def _in_notebook() -> bool:
    """True inside Jupyter (an IPython kernel), where launch() shows the app inline."""
    shell = sys.modules.get("IPython") and getattr(sys.modules["IPython"], "get_ipython", lambda: None)()
    return type(shell).__name__ == "ZMQInteractiveShell"


def _show_inline(url: str, height: int = 720) -> None:
    try:
        from IPython.display import IFrame, display
    except ImportError:
        print(f"Open {url} in a browser (IPython is not available to show it inline).", file=sys.stderr)
        return
    display(IFrame(src=url, width="100%", height=height))


def close(interface: App) -> None:
    _close(id(interface))


def close_all() -> list[str]:
    """Stop every background server of this process; the URLs they served."""
    return [url for key in list(_servers) if (url := _close(key))]


def _close(key: int) -> str | None:
    background, url = _servers.pop(key, None), _urls.pop(key, None)
    if background is None:
        return None
    background.stop()
    return url
