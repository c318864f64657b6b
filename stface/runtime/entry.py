"""The functions generated scripts call on every Streamlit rerun."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from stface.runtime.api_page import use_via_api
from stface.runtime.auth import login_gate
from stface.runtime.heap import settle
from stface.runtime.launcher import registered
from stface.runtime.loader import load_app
from stface.runtime.reconnect import reconnect_notice

if TYPE_CHECKING:
    from stface.app import App

__all__ = ["app_resolver", "registered_resolver", "run_app", "run_registered"]


def _page(interface) -> None:
    st.set_page_config(page_title=interface.title or "stface", layout="wide")


def _render(interface) -> None:
    options = interface.launch_options
    with reconnect_notice():  # a page whose server session was lost (a replica died) says so
        if login_gate(options.auth, options.auth_message):
            _page(interface)
            interface.render()
            use_via_api(interface)  # the snippets that call this app from code (nothing with show_api=False)
        else:
            st.set_page_config(page_title="Login")  # not even the title before login
    settle()  # Streamlit's collection after this run walks only what runs made (runtime/heap.py)


def run_registered(interface_id: str) -> None:
    """Draw an interface that ``launch()`` registered in this process."""
    _render(registered(interface_id))


def run_app(path: str | os.PathLike, name: str | None = None, *, show_source: bool = False) -> None:
    """Draw the interface of an app file, imported once per process.

    ``show_source`` adds an expander with the file's code (the gallery uses it).
    """
    interface = load_app(path, name).interface
    _render(interface)
    if show_source:
        with st.expander(f"Source: {Path(path).name}"):
            st.code(Path(path).read_text(encoding="utf-8"), language="python")


def registered_resolver(interface_id: str) -> Callable[[], App]:
    """For the API: the app ``launch()`` registered in this process."""
    return lambda: registered(interface_id)


def app_resolver(path: str | os.PathLike, name: str | None = None) -> Callable[[], App]:
    """For the API: the app of a file, as the page sees it (an edited file is loaded again)."""
    return lambda: load_app(path, name).interface  # type: ignore[return-value]
