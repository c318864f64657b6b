"""``launch(auth=...)``: a login form in front of the interface.

Nothing of the interface (not even its title) is drawn before a person
logs in. Credentials are compared in constant time, against every pair.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from stface.components._html import neutralise_script_links
from stface.credentials import check_credentials  # the API's /login uses the same rule

__all__ = ["check_credentials", "login_gate", "logged_in_user"]

_USER = "stface-auth-user"


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
