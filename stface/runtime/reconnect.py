"""Telling the person when their page lost its server session and carries on in a new one.

Streamlit keeps each browser session in the server process that serves its
WebSocket. When that process dies (a replica behind a proxy, a restart) or
lets the session expire, Streamlit's page reconnects on its own, and the
proxy may hand it to another replica. The page then talks to a brand-new
session: what the old one held (results, inputs, uploads, a login) is gone,
yet the page still shows the old results until something reruns it.

How it is detected: when Streamlit's page reconnects it sends the id of the
session it had as the third entry of its WebSocket's
``Sec-WebSocket-Protocol`` header (``streamlit, <xsrf token>, <session
id>``), which the script sees in ``st.context.headers``. The server resumes
that session when it still holds it (and its state, stface's mark included,
is all there); otherwise it starts a new one. A fresh page load names no
session and asks for a first run at once. So a session whose *first* run
comes from a page that names a session carries on for a lost one. (The name
is usually the lost session's; it is the new session's own when the page
reconnected twice before anything ran.)

How it is shown: the page reruns only when the browser asks, and on
reconnecting it asks only if a run was under way. A small invisible
component therefore watches the page's connection state and asks for a rerun
when the connection comes back; that run, in the new session, empties the
old results and shows the notice above the interface, until the person's
next action.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import Any

import streamlit as st

from stface.runtime.session import PAGE_CONNECTION, PAGE_MOVED

__all__ = ["MOVED_MESSAGE", "previous_session_id", "reconnect_notice"]

MOVED_MESSAGE = (
    "**This page is now connected to another server session.** The server it was talking to stopped, "
    "restarted or ended the session, so what the page showed before is gone: results, entered inputs, "
    "uploaded files (and a login). Enter your inputs and submit again."
)

# Streamlit's page marks its root with its connection state (CONNECTED, PINGING_SERVER, CONNECTING, ...).
# Streamlit calls the function again on every rerun (new data): one watcher per page, kept on window, which
# always triggers through the newest call's setTriggerValue; a reconnection asks for a rerun, in whatever
# session the server gave the page. Sent with every rerun, so kept short (in lines: Streamlit takes a
# one-line string for a file's path).
_JS = (
    "export default function(c){\n"
    "const w=window.__stfaceConnectionWatch||(window.__stfaceConnectionWatch={lost:false});\n"
    "w.trigger=c.setTriggerValue;if(w.observer)return;\n"
    "const a=document.querySelector(\"[data-testid='stApp']\");if(!a)return;\n"
    "const k='data-test-connection-state';\n"
    "w.observer=new MutationObserver(()=>{const s=a.getAttribute(k);\n"
    "if(s&&s!=='CONNECTED'){w.lost=true}else if(s==='CONNECTED'&&w.lost){w.lost=false;w.trigger('reconnected',true)}});\n"
    "w.observer.observe(a,{attributes:true,attributeFilter:[k]})}\n"
)

_component: Any = None
_NOTICE_KEY = "stface-page-moved"
_NOTICE_SECONDS = 3.0  # a run ending this soon after the notice came is the reconnection's, not the person's


def previous_session_id(protocols: str | None) -> str | None:
    """The session a reconnecting Streamlit page had, from its ``Sec-WebSocket-Protocol`` header (else None).

    Example:
        >>> previous_session_id("streamlit, PLACEHOLDER_AUTH_TOKEN, 6f1c2d8e-0b7a")
        '6f1c2d8e-0b7a'
        >>> previous_session_id("streamlit, PLACEHOLDER_AUTH_TOKEN") is None  # a fresh page load
        True
    """
    entries = [entry.strip() for entry in (protocols or "").split(",")]
    return entries[2] if len(entries) >= 3 and entries[2] else None


@contextlib.contextmanager
def reconnect_notice() -> Iterator[None]:
    """Draw the page inside this block; in a session that took over from a lost one, say so above it.

    The notice shows from the session's first run until the person's next
    action: a run that starts more than a few seconds after the notice was
    first drawn (the runs the reconnection itself causes, Streamlit's own
    and the watcher's, come at once). In other runs its place stays, empty.
    Outside a browser's WebSocket (AppTest, a script run without a page) it
    draws nothing.

    Example::

        with reconnect_notice():
            interface.render()
    """
    session = st.session_state
    if PAGE_MOVED not in session:  # this session's first run in a browser, or no browser at all
        protocols = st.context.headers.get("Sec-WebSocket-Protocol")
        if protocols is None:
            yield
            return
        session[PAGE_MOVED] = "new" if previous_session_id(protocols) else "no"  # see the module docstring
    state, now = session[PAGE_MOVED], time.monotonic()
    # In every run, shown or not: an element that came and went above the page would move all of
    # it, and Streamlit shows a moved page twice (the old copy faded) until the run ends. An empty
    # container draws nothing and leaves no gap.
    notice = st.container(key=_NOTICE_KEY)
    if state == "new" or (isinstance(state, float) and now - state < _NOTICE_SECONDS):
        notice.info(MOVED_MESSAGE, icon=":material/sync_problem:")
        if state == "new":
            session[PAGE_MOVED] = now
    elif isinstance(state, float):
        session[PAGE_MOVED] = "seen"
    yield
    _watch_connection()  # after the page, so that its empty element adds no gap above it


def _watch_connection() -> None:
    global _component
    if _component is None:
        _component = st.components.v2.component("stface.connection_watch", js=_JS)
    _component(key=PAGE_CONNECTION, data={}, on_reconnected_change=lambda: None, height=0)
