"""A value kept in this browser's localStorage, across reloads and server restarts.

One small ``st.components.v2`` component, with no visible element: on its
first mount it reports what the browser holds under ``storage_key``; when
Python passes a new value it writes it. What comes back is the person's own
data, so callers validate it before use.
"""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

__all__ = ["browser_storage"]

_JS = """
export default function(component) {
  const { data, setStateValue } = component;
  if (!data || !data.key) return;
  if (typeof data.write === "string") {
    try { window.localStorage.setItem(data.key, data.write); } catch (e) { /* storage full or blocked */ }
  } else if (!data.loaded) {
    let stored = null;
    try { stored = window.localStorage.getItem(data.key); } catch (e) { stored = null; }
    if (stored !== null && data.max && stored.length > data.max) stored = null;  // not sent: too long
    setStateValue("stored", stored === null ? "" : stored);
  }
}
"""
_component: Any = None


def browser_storage(
    storage_key: str, *, key: str, write: Any = None, loaded: bool = False, max_chars: int | None = None
) -> Any:
    """What the browser holds under ``storage_key`` (decoded JSON; None until it has answered).

    ``write`` (any JSON value) replaces the stored value. ``loaded`` says the
    caller has what the browser held, so it is not read again. A stored text
    longer than ``max_chars`` reads as nothing stored ("").
    """
    global _component
    if _component is None:
        _component = st.components.v2.component("stface.browser_storage", js=_JS)
    data = {"key": storage_key, "loaded": loaded, "write": None if write is None else json.dumps(write), "max": max_chars}
    result = _component(key=key, data=data, default={"stored": None}, on_stored_change=lambda: None, height=0)
    stored = result.get("stored") if hasattr(result, "get") else None
    if not stored or (max_chars is not None and len(stored) > max_chars):
        return None if stored is None else ""
    try:
        value = json.loads(stored)
    except ValueError:
        return ""
    return "" if value is None else value  # a stored null is nothing stored, not "no answer yet"
