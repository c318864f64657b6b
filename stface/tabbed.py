"""TabbedInterface: several interfaces, one per tab."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from stface import _interface_setup as setup
from stface.app import App
from stface.runtime.options import LaunchOptions

__all__ = ["TabbedInterface"]


class TabbedInterface(App):
    """Show interfaces in tabs; launch, render and embed it like an Interface.

    Example:
        >>> import stface as gr
        >>> hello = gr.Interface(lambda n: "Hello " + n, "text", "text")
        >>> bye = gr.Interface(lambda n: "Bye " + n, "text", "text")
        >>> gr.TabbedInterface([hello, bye], ["Hello", "Bye"]).tab_names
        ['Hello', 'Bye']
    """

    def __init__(
        self,
        interface_list: Sequence[App],
        tab_names: Sequence[str] | None = None,
        title: str | None = None,
        theme: Any = None,
        css: str | None = None,
        css_paths: Any = None,
        **_: Any,
    ) -> None:
        self.interfaces = list(interface_list)
        super().__init__()
        if not self.interfaces or not all(isinstance(i, App) and not isinstance(i, TabbedInterface) for i in self.interfaces):
            raise TypeError("TabbedInterface takes a list of stface Interfaces or ChatInterfaces.")
        names = list(tab_names) if tab_names is not None else [f"Tab {i + 1}" for i in range(len(self.interfaces))]
        if len(names) != len(self.interfaces):
            raise ValueError(f"TabbedInterface got {len(self.interfaces)} interfaces but {len(names)} tab names.")
        self.tab_names, self.title = names, title
        self.app_dir = setup.app_dir(None) or self.interfaces[0].app_dir  # the file that builds the tabs
        self.set_style(theme, css, css_paths)

    @property
    def launch_options(self) -> LaunchOptions:
        return self._launch_options

    @launch_options.setter
    def launch_options(self, options: LaunchOptions) -> None:
        """The tabs share the app's launch options (file policy, errors, auth), on the page and in the API."""
        self._launch_options = options
        for app in getattr(self, "interfaces", ()):
            app.launch_options = options

    def render(self, *, key: str | None = None, fragment: bool = False) -> None:
        """Draw the tabs into the current Streamlit script (``fragment`` applies to each tab's app)."""
        from stface.runtime.page import render_tabs

        render_tabs(self, key=key or "tabbed", fragment=fragment)

    def __repr__(self) -> str:
        return f"TabbedInterface({', '.join(self.tab_names)})"
