"""Who is calling the API: Gradio's login (``POST /login`` -> cookie) and the caller's API session.

With ``launch(auth=...)``, every API route but the health ones answers only
after login: ``gradio_client.Client(url, auth=(user, password))`` posts the
form to ``/login`` and sends the cookie it gets back on every request, as
with Gradio. The credentials rule is the page's (``stface.credentials``).

Each caller also gets an API session cookie (set with the config, which
gradio_client reads first): uploads belong to it, and a request may only
name its own uploads.

Example:
    >>> access = Access()
    >>> token = access.log_in(("ada", "pw"), "ada", "pw")
    >>> access.user_of_token(token), access.log_in(("ada", "pw"), "ada", "wrong")
    ('ada', None)
"""

from __future__ import annotations

import re
import secrets
import threading
from collections import OrderedDict
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from stface.credentials import check_credentials

__all__ = ["Access", "SESSION_COOKIE", "access"]

SESSION_COOKIE = "stface-api-session"
_COOKIE_VALUE = re.compile(r"^[A-Za-z0-9_-]{20,100}$")
MAX_LOGINS = 10_000


class Access:
    """Login tokens and API sessions, for one server process."""

    def __init__(self) -> None:
        self.cookie = f"access-token-{secrets.token_hex(4)}"
        self._tokens: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def log_in(self, auth: Any, username: str, password: str) -> str | None:
        """A new login token when the credentials pass ``auth``; None otherwise."""
        if auth is None or not check_credentials(auth, username, password):
            return None
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._tokens[token] = username
            while len(self._tokens) > MAX_LOGINS:
                self._tokens.popitem(last=False)
        return token

    def user_of_token(self, token: str | None) -> str | None:
        with self._lock:
            return self._tokens.get(token or "")

    def user(self, request: Request) -> str | None:
        """The logged-in username of a request (None when not logged in)."""
        return self.user_of_token(request.cookies.get(self.cookie))

    def allowed(self, request: Request, auth: Any) -> bool:
        """True when the app has no login, or the request carries a login."""
        return auth is None or self.user(request) is not None

    def set_login(self, response: Response, token: str, secure: bool) -> None:
        response.set_cookie(self.cookie, token, httponly=True, samesite="lax", secure=secure, path="/")

    def log_out(self, request: Request, response: Response) -> None:
        with self._lock:
            self._tokens.pop(request.cookies.get(self.cookie, ""), None)
        response.delete_cookie(self.cookie, path="/")

    @staticmethod
    def owner(request: Request) -> str | None:
        """The caller's API session (its cookie), or None for a caller that keeps no cookies (curl)."""
        value = request.cookies.get(SESSION_COOKIE)
        return value if value and _COOKIE_VALUE.match(value) else None

    @staticmethod
    def ensure_session(request: Request, response: Response, secure: bool) -> None:
        """Give a caller without one an API session cookie."""
        if Access.owner(request) is None:
            response.set_cookie(
                SESSION_COOKIE, secrets.token_urlsafe(32), httponly=True, samesite="lax", secure=secure, path="/"
            )


#: The process's logins, shared by the HTTP API and MCP (one ``/login`` cookie for both).
access = Access()
