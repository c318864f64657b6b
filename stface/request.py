"""``gr.Request``: fn can ask for the request that called it.

A parameter annotated ``gr.Request`` is not an input: stface fills it with
the request's headers, client host, query parameters, session hash and
username (Streamlit's ``st.context``, ``st.query_params`` and login). Called
as a function (``demo(...)``), fn gets ``None`` there, as in Gradio.

Example:
    >>> import stface as gr
    >>> def hello(name, request: gr.Request):
    ...     return f"Hello {name} from {request.client.host if request else 'code'}"
    >>> gr.Interface(hello, "text", "text")("Ada")
    'Hello Ada from code'
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from stface._context import bound

__all__ = ["Header", "OAuthProfile", "OAuthToken", "Request", "request_parameters", "requested", "with_request"]


@dataclass
class Request:
    """The request behind one call of fn (Gradio's ``gr.Request``).

    Example:
        >>> import stface as gr
        >>> request = gr.Request(headers={"user-agent": "test"}, client_host="127.0.0.1")
        >>> request.headers["User-Agent"], request.client.host
        ('test', '127.0.0.1')
    """

    headers: dict[str, str] = field(default_factory=dict)
    client_host: str | None = None
    query_params: dict[str, str] = field(default_factory=dict)
    session_hash: str | None = None
    username: str | None = None
    #: The logged-in person (Streamlit's ``st.login``), for ``gr.OAuthProfile`` / ``gr.OAuthToken`` parameters.
    oauth_profile: OAuthProfile | None = None
    oauth_token: OAuthToken | None = None

    def __post_init__(self) -> None:
        self.headers = _Headers(self.headers)

    @property
    def client(self) -> SimpleNamespace:
        """``request.client.host``, as Starlette spells it."""
        return SimpleNamespace(host=self.client_host, port=None)

    @property
    def request(self) -> Request:  # Gradio exposes the underlying Starlette request here
        return self


class OAuthProfile(dict):
    """The logged-in person (Gradio's ``gr.OAuthProfile``), from Streamlit's ``st.login`` / ``st.user``.

    A fn parameter annotated ``gr.OAuthProfile`` gets it (``None`` when nobody
    is logged in and the annotation is ``Optional``; otherwise the person is
    told to log in).

    Example:
        >>> import stface as gr
        >>> profile = gr.OAuthProfile({"name": "Ada Lovelace", "preferred_username": "ada"})
        >>> profile.name, profile.username
        ('Ada Lovelace', 'ada')
    """

    @property
    def name(self) -> str | None:
        return self.get("name")

    @property
    def username(self) -> str | None:
        return self.get("preferred_username") or self.get("email")

    @property
    def profile(self) -> str | None:
        return self.get("profile")

    @property
    def picture(self) -> str | None:
        return self.get("picture")


@dataclass
class OAuthToken:
    """The logged-in person's access token (Gradio's ``gr.OAuthToken``), when Streamlit exposes it.

    Example:
        >>> import stface as gr
        >>> gr.OAuthToken(token="abc").token
        'abc'
    """

    token: str
    scope: str = ""
    expires_at: int | None = None


class _Headers(dict):
    """Header names match whatever their case, as HTTP says."""

    def __init__(self, headers: dict[str, str]) -> None:
        super().__init__({str(k).lower(): v for k, v in dict(headers).items()})

    def __getitem__(self, name: str) -> str:
        return super().__getitem__(name.lower())

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        return super().get(name.lower(), default)

    def __contains__(self, name: object) -> bool:
        return super().__contains__(str(name).lower())


_current: contextvars.ContextVar[Request | Callable[[], Request] | None] = contextvars.ContextVar("stface_request", default=None)


def requested(request: Request | Callable[[], Request] | None) -> contextlib.AbstractContextManager[Any]:
    """fn calls inside the block get ``request`` for their ``gr.Request`` parameters.

    ``request`` may be a function that makes the Request: it is called once,
    when something first asks (most fn take no request, and reading one from
    the page costs a rerun's worth of work on a small app).
    """
    return bound(_current, request if not callable(request) else _Once(request))


class _Once:
    """A Request made the first time it is asked for, then kept."""

    def __init__(self, make: Callable[[], Request]) -> None:
        self._make: Callable[[], Request] | None = make
        self._made: Request | None = None

    def __call__(self) -> Request:
        if self._make is not None:
            self._made, self._make = self._make(), None
        return self._made  # type: ignore[return-value]


def current_request() -> Request | None:
    """The request fn is answering (None when fn is called as a function)."""
    found = _current.get()
    return found() if isinstance(found, _Once) else found


class Header(str):
    """A parameter annotated ``gr.Header`` receives the request header of its name (Gradio 6).

    Underscores in the parameter's name stand for dashes: ``x_api_key:
    gr.Header`` receives the ``X-API-Key`` header (None when absent, or when
    fn is called as a function).

    Example:
        >>> import stface as gr
        >>> def whoami(text, x_user: gr.Header):
        ...     return f"{text} from {x_user or 'nobody'}"
        >>> gr.Interface(whoami, "text", "text")("hi")
        'hi from nobody'
    """


_FILLED = {"Request": Request, "OAuthProfile": OAuthProfile, "OAuthToken": OAuthToken, "Header": Header}


def _filled_kind(annotation: Any) -> tuple[str, bool] | None:
    """``(kind, optional)`` for a parameter stface fills in (kind: a name in ``_FILLED``, or an event class)."""
    from stface import events

    text = annotation if isinstance(annotation, str) else annotation.__name__ if isinstance(annotation, type) else str(annotation)
    if isinstance(annotation, type) and issubclass(annotation, events.EventData):
        return annotation.__name__, True
    for name, kind in _FILLED.items():
        if annotation is kind:
            return name, False
    text = text.replace("typing.", "") if isinstance(text, str) else ""
    for name in [*_FILLED, *events.__all__]:
        if re.search(rf"\b{name}\b", text):
            return name, name not in _FILLED or "None" in text or "Optional" in text
    return None


def request_parameters(fn: Callable) -> list[str]:
    """fn's parameters that stface fills in: ``gr.Request``, ``gr.OAuthProfile``, ``gr.OAuthToken``, ``gr.Header``, ``gr.EventData``."""
    try:
        parameters = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return []
    return [p.name for p in parameters if _filled_kind(p.annotation) is not None]


def with_request(fn: Callable) -> Callable:
    """fn, filling its ``gr.Request`` parameters from the current request (fn itself when it has none)."""
    names = request_parameters(fn)
    if not names:
        return fn
    kinds = {p.name: _filled_kind(p.annotation) for p in inspect.signature(fn).parameters.values() if p.name in names}

    def value(name: str) -> Any:
        kind, optional = kinds[name]
        request = current_request()
        if kind == "Request":
            return request
        if kind == "Header":
            return None if request is None else request.headers.get(name.replace("_", "-"))
        if kind not in _FILLED:  # gr.EventData and its kin: only a submit happens on an Interface
            from stface.events import EventData

            return EventData(None, {}) if kind == "EventData" and request is not None else None
        found = None if request is None else request.oauth_profile if kind == "OAuthProfile" else request.oauth_token
        if found is None and not optional and request is not None:
            from stface.errors import Error

            raise Error("Please log in first: this function needs to know who you are.")
        return found

    def fill(kwargs: dict[str, Any]) -> dict[str, Any]:
        return {**kwargs, **{name: value(name) for name in names}}

    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def generator(*args: Any, **kwargs: Any) -> Any:
            return (yield from fn(*args, **fill(kwargs)))

        wrapper: Callable = generator
    else:

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            return fn(*args, **fill(kwargs))

    wrapper.__signature__ = inspect.signature(fn).replace(  # type: ignore[attr-defined]
        parameters=[p for p in inspect.signature(fn).parameters.values() if p.name not in names]
    )
    return wrapper
