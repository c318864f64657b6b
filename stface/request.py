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
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from stface._context import bound

__all__ = ["Request", "request_parameters", "requested", "with_request"]


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

    def __post_init__(self) -> None:
        self.headers = _Headers(self.headers)

    @property
    def client(self) -> SimpleNamespace:
        """``request.client.host``, as Starlette spells it."""
        return SimpleNamespace(host=self.client_host, port=None)

    @property
    def request(self) -> Request:  # Gradio exposes the underlying Starlette request here
        return self


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


_current: contextvars.ContextVar[Request | None] = contextvars.ContextVar("stface_request", default=None)


def requested(request: Request | None) -> contextlib.AbstractContextManager[Request | None]:
    """fn calls inside the block get ``request`` for their ``gr.Request`` parameters."""
    return bound(_current, request)


def _is_request(annotation: Any) -> bool:
    if annotation is Request:
        return True
    return isinstance(annotation, str) and annotation.split(".")[-1] in ("Request", "Request | None", "Optional[Request]")


def request_parameters(fn: Callable) -> list[str]:
    """The names of fn's parameters annotated ``gr.Request``."""
    try:
        parameters = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return []
    return [p.name for p in parameters if _is_request(p.annotation)]


def with_request(fn: Callable) -> Callable:
    """fn, filling its ``gr.Request`` parameters from the current request (fn itself when it has none)."""
    names = request_parameters(fn)
    if not names:
        return fn

    def fill(kwargs: dict[str, Any]) -> dict[str, Any]:
        return {**kwargs, **{name: _current.get() for name in names}}

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
