"""BrowserState on the page: read once from this browser's localStorage, written when a call changes it.

Like State, it has no widget of its own: the page passes the session's value
(``RunState.state``) to fn. :func:`load_browser_state` runs before the inputs:
until the browser has said what it holds, a Submit waits (the browser's
answer reruns the page, and the run goes ahead with the stored value).
:func:`save_browser_state` runs after fn and writes the new value, signed.
Where no browser runs the page (AppTest), nothing waits and nothing is kept.

Reading and writing share one placeholder made first, in every run: the
reader is drawn only until the browser has answered, and an element that
came and went at the top would move everything below it, which Streamlit
redraws as a new tree beside the old one until the run ends. The
placeholder's container is hidden by the page's CSS, so it leaves no gap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import streamlit as st

from stface.components.browser_state import MAX_CHARS, BrowserState
from stface.runtime.session import Keys, RunState, WidgetKeys
from stface.runtime.widgets.base import draws
from stface.runtime.widgets.browser_storage import browser_storage
from stface.runtime.widgets.state import StateWidget

if TYPE_CHECKING:
    from stface.interface import Interface

__all__ = ["BrowserStateWidget", "load_browser_state", "save_browser_state"]

#: The stored text may be JSON-escaped several times over (non-ASCII as \\uXXXX): a bound, not the check.
_RAW_LIMIT = 6 * MAX_CHARS + 1024


@draws(BrowserState)
class BrowserStateWidget(StateWidget):
    """Nothing to draw: the value lives in the session and in the browser."""


@dataclass
class _Stored:
    """What this session knows of the browser's copy (changed in place, as RunState)."""

    loaded: bool = False
    written: Any = None  # the last signed value the browser holds
    slot: Any = None  # this run's placeholder for the reader or the writer
    browser: bool = False  # a run of this session came from a browser


def load_browser_state(interface: Interface, keys: Keys, run: RunState) -> bool:
    """Once per session, put the browser's stored value (checked) into ``run.state``.

    Returns True when fn may run: the value is known, or there is no browser to ask.
    """
    found = _browser_state(interface, keys)
    if found is None:
        return True
    index, component, storage_key = found
    record = _record(keys.input(index))
    if not _has_browser(record):
        record.loaded = True
        return True
    # Where the reader, then the writer, is drawn: the same place in every run, hidden (runtime/page.py).
    record.slot = st.container(key=keys.browser_storage).empty()
    if record.loaded:
        return True
    with record.slot:
        stored = browser_storage(storage_key, key=keys.input(index).part("read"), max_chars=_RAW_LIMIT)
    if stored is None:  # the browser has not answered yet: its answer reruns the page
        return False
    run.state = component.unsealed(stored, storage_key)
    record.loaded, record.written = True, component.sealed(run.state, storage_key)
    return True


def save_browser_state(interface: Interface, keys: Keys, run: RunState) -> None:
    """Write ``run.state`` to the browser when it differs from what the browser holds."""
    found = _browser_state(interface, keys)
    if found is None:
        return
    index, component, storage_key = found
    record = _record(keys.input(index))
    if not record.loaded or record.slot is None:  # no browser, or load_browser_state did not get this far
        return
    try:
        now = component.sealed(run.state, storage_key)
    except ValueError:  # fn's value was refused by postprocess, so this is the default's: keep what is stored
        return
    changed = now != record.written
    with record.slot:
        browser_storage(storage_key, key=keys.input(index).part("write"), loaded=True, write=now if changed else None)
    record.written, record.slot = now, None


def _browser_state(interface: Interface, keys: Keys) -> tuple[int, BrowserState, str] | None:
    for index, component in enumerate(interface.input_components):
        if isinstance(component, BrowserState):
            return index, component, component.storage_key or f"stface_browser_state_{interface.key}"
    return None


def _record(keys: WidgetKeys) -> _Stored:
    session = st.session_state
    name = keys.part("browser")
    if name not in session:
        session[name] = _Stored()
    return session[name]


def _has_browser(record: _Stored) -> bool:
    """Whether a browser shows this session.

    A browser sends its context (URL, locale) with its reruns; AppTest sends
    none unless told. A run that stface starts itself (the live redraw, Stop's
    redraw: runtime/rerun.py) carries none either, so the session remembers
    that a browser has been seen.
    """
    if st.context.url is not None:
        record.browser = True
    return record.browser
