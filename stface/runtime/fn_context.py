"""What fn can reach while the page runs it: its request (``gr.Request``) and the toasts it shows."""

from __future__ import annotations

import threading

import streamlit as st

from stface.components._html import neutralise_script_links
from stface.messages import Message
from stface.request import OAuthProfile, OAuthToken, Request

__all__ = ["Toasts", "this_request"]


def this_request() -> Request:
    """The request of this script run, as ``gr.Request`` describes it (Streamlit's ``st.context``)."""
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    from stface.runtime.auth import logged_in_user

    ctx = get_script_run_ctx()
    return Request(
        headers=dict(st.context.headers),
        client_host=st.context.ip_address,
        query_params=st.query_params.to_dict(),
        session_hash=ctx.session_id if ctx is not None else None,
        username=logged_in_user() or None,
        oauth_profile=_profile(),
        oauth_token=_token(),
    )


def _profile() -> OAuthProfile | None:
    """The person logged in with ``st.login`` (None when nobody is, or login is not configured)."""
    try:
        user = st.user
        if not user.is_logged_in:
            return None
        return OAuthProfile({key: user.get(key) for key in user.to_dict()})
    except Exception:  # noqa: BLE001 - no auth configured, or an older Streamlit
        return None


def _token() -> OAuthToken | None:
    try:
        tokens = st.user.tokens if st.user.is_logged_in else None
        access = tokens.get("access") if tokens else None
    except Exception:  # noqa: BLE001 - tokens are only there with expose_tokens configured
        return None
    return OAuthToken(token=access) if access else None


class Toasts:
    """Messages fn shows (gr.Info, gr.Warning, gr.Success), gathered from any thread, shown by the script as toasts."""

    _ICONS = {"info": ":material/info:", "warning": ":material/warning:", "success": ":material/check_circle:"}

    def __init__(self) -> None:
        self._waiting: list[Message] = []
        self._lock = threading.Lock()

    def add(self, message: Message) -> None:
        with self._lock:
            self._waiting.append(message)

    def show(self) -> None:
        with self._lock:
            waiting, self._waiting = self._waiting, []
        for message in waiting:
            text = f"**{message.title}**: {message.message}" if message.title else message.message
            st.toast(neutralise_script_links(text), icon=self._ICONS.get(message.kind),
                     duration="infinite" if message.duration is None else max(1, int(message.duration)))  # fmt: skip
