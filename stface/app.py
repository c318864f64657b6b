"""App: what every servable stface object shares (Interface, ChatInterface, TabbedInterface).

An app can be drawn into a Streamlit script (``render``), served
(``launch``) and stopped (``close``); the loader, the launcher and
TabbedInterface work on any App.
"""

from __future__ import annotations

from typing import Any

from stface.runtime.options import LaunchOptions

__all__ = ["App", "close_all"]


class App:
    """Base of Interface, ChatInterface and TabbedInterface."""

    title: str | None = None
    theme: Any = None
    css: str | None = None
    #: The folder of the app's file: css ``file=`` references and relative ``css_paths`` are found from it.
    app_dir: str | None = None
    _style_source: tuple[Any, str | None, Any] = (None, None, None)

    api_name: str | bool | None = None
    show_api: bool = True
    api_visibility: str = "public"
    api_description: str | None = None
    api_open: bool = True

    def __init__(self) -> None:
        self.launch_options = LaunchOptions()

    def set_style(self, theme: Any = None, css: str | None = None, css_paths: Any = None) -> None:
        """The theme and css the app was built with (css: a string or a .css path; css_paths: files added after it)."""
        from stface.css import prepare_css

        self._style_source = (theme, css, css_paths)
        self.theme, self.css = theme, prepare_css(css, self.app_dir, css_paths)

    def use_launch_style(self, options: LaunchOptions) -> None:
        """Gradio 6 moved ``theme``, ``css`` and ``css_paths`` to ``launch()``: each given there replaces the built one."""
        if options.theme is None and options.css is None and options.css_paths is None:
            return
        theme, css, css_paths = self._style_source
        self.set_style(options.theme if options.theme is not None else theme, options.css if options.css is not None else css,
                       options.css_paths if options.css_paths is not None else css_paths)  # fmt: skip

    def set_api(self, api_name: str | bool | None, show_api: bool, visibility: str, description: str | None) -> None:
        """The app's endpoint in Gradio's API (see ``stface.api.endpoints``), checked."""
        if visibility not in ("public", "undocumented", "private"):
            raise ValueError(f"api_visibility must be 'public', 'undocumented' or 'private'; got {visibility!r}.")
        if api_name is not None and not isinstance(api_name, (str, bool)):
            raise TypeError(f"api_name must be a string (or False for no endpoint); got {type(api_name).__name__}.")
        self.api_name, self.show_api, self.api_visibility = api_name, bool(show_api), visibility
        self.api_description = description

    def render(self, *, key: str | None = None, fragment: bool = False) -> None:
        """Draw the app into the current Streamlit script, where called."""
        raise NotImplementedError

    def launch(self, **options: Any) -> Any:
        """Serve the app as a Streamlit app (see ``stface.runtime.launcher``).

        From ``python app.py`` this starts a Streamlit server on 127.0.0.1
        (port 7860, or the next free one) and blocks until it stops, unless
        ``prevent_thread_lock=True``. Under ``streamlit run`` it draws the
        app in place. Options follow Gradio: ``server_name``,
        ``server_port``, ``show_error``, ``inbrowser``, ``quiet``, ``share`` ...

        Example::

            demo.launch(server_port=8080)
        """
        from stface.runtime.launcher import launch

        return launch(self, **options)

    def close(self) -> None:
        """Stop a server started with ``launch(prevent_thread_lock=True)``."""
        from stface.runtime.launcher import close

        close(self)


def close_all(verbose: bool = True) -> None:
    """Stop every server started by ``launch(prevent_thread_lock=True)`` in this process (Gradio's ``gr.close_all``).

    Example::

        demo.launch(prevent_thread_lock=True)
        ...
        gr.close_all()
    """
    from stface.runtime.launcher import close_all as close_servers

    closed = close_servers()
    if verbose and closed:
        print(f"Closing server{'s' if len(closed) > 1 else ''} running on: {', '.join(closed)}")
