"""``launch(auth=...)``: a login form in front of the interface.

Nothing of the interface (not even its title) is drawn before a person
logs in. Credentials are compared in constant time, against every pair.
"""

from __future__ import annotations

import hmac
from typing import Any

import streamlit as st

from stface.components._html import neutralise_script_links

__all__ = ["check_credentials", "login_gate", "logged_in_user"]

_USER = "stface-auth-user"


def check_credentials(auth: Any, username: str, password: str) -> bool:
    """``auth`` is a (user, password) pair, a list of pairs, or a callable."""
    if callable(auth):
        return bool(auth(username, password))
    pairs = [auth] if isinstance(auth, tuple) else list(auth)
    matched = False
    for expected_user, expected_password in pairs:
        user_ok = hmac.compare_digest(str(expected_user).encode(), username.encode())
        password_ok = hmac.compare_digest(str(expected_password).encode(), password.encode())
        matched |= user_ok and password_ok
    return matched


def logged_in_user() -> str:
    return st.session_state.get(_USER, "")


def login_gate(auth: Any, message: str | None = None) -> bool:
    """True when the person may see the app; otherwise draws the login form."""
    if auth is None or st.session_state.get(_USER):
        return True
    with st.form("stface-login"):
        st.subheader("Login")
        if message:
            st.markdown(neutralise_script_links(message))
        username = st.text_input("Username")
        password = st.text_input("Password", type="password")
        submitted = st.form_submit_button("Login", type="primary")
    if submitted:
        if check_credentials(auth, username, password):
            st.session_state[_USER] = username
            st.rerun()
        st.error("Incorrect username or password.")
    return False
