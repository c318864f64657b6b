"""``launch(auth=...)``'s rule, shared by the page's login form and the API's ``/login``.

``auth`` is a ``(username, password)`` pair, a list of pairs, or a callable
``auth(username, password) -> bool``, as in Gradio. Pairs are compared in
constant time, against every pair.

Example:
    >>> check_credentials([("ada", "pw"), ("bo", "x")], "ada", "pw")
    True
    >>> check_credentials(("ada", "pw"), "ada", "nope")
    False
"""

from __future__ import annotations

import hmac
from typing import Any

__all__ = ["check_credentials"]


def check_credentials(auth: Any, username: str, password: str) -> bool:
    """True when ``username`` / ``password`` pass ``auth`` (pairs, a list of pairs, or a callable)."""
    if callable(auth):
        return bool(auth(username, password))
    pairs = [auth] if isinstance(auth, tuple) else list(auth)
    matched = False
    for expected_user, expected_password in pairs:
        user_ok = hmac.compare_digest(str(expected_user).encode(), username.encode())
        password_ok = hmac.compare_digest(str(expected_password).encode(), password.encode())
        matched |= user_ok and password_ok
    return matched
