"""The functions generated scripts call on every Streamlit rerun."""

from __future__ import annotations

import os

import streamlit as st

from stface.runtime.launcher import registered
from stface.runtime.loader import load_app

__all__ = ["run_app", "run_registered"]


def _page(interface) -> None:
    st.set_page_config(page_title=interface.title or "stface", layout="wide")


def run_registered(interface_id: str) -> None:
    """Draw an interface that ``launch()`` registered in this process."""
    interface = registered(interface_id)
    _page(interface)
    interface.render()


def run_app(path: str | os.PathLike, name: str | None = None) -> None:
    """Draw the interface of an app file, imported once per process."""
    interface = load_app(path, name).interface
    _page(interface)
    interface.render()
