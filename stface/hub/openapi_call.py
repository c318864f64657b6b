"""One OpenAPI operation as a Python function: the inputs' values in, the server's JSON out (through httpx).

As in Gradio 6, a 2xx answer returns its JSON, any other status returns
``{"__status__": "error", "status_code": ..., "message": <body>}`` (the
API's own word on what was wrong), and ``auth_token`` goes as a Bearer
token. A server that cannot be reached raises :class:`stface.Error`.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from stface.components.base import Component
from stface.components.files import File
from stface.errors import Error

__all__ = ["HTTP_METHODS", "Field", "Operation", "httpx_module"]

HTTP_METHODS = ("get", "post", "put", "patch", "delete", "head", "options", "trace")


def httpx_module() -> Any:
    """httpx, or an ImportError that names the extra."""
    try:
        import httpx
    except ImportError as exc:
        raise ImportError(
            'load_openapi calls the API through the `httpx` package: pip install "stface[openapi]"'
        ) from exc
    return httpx


@dataclass(frozen=True)
class Field:
    """One input of an operation: where its value goes (``path``, ``query``, ``header``, ``body``) and its name.

    A body field named None is the whole body.
    """

    where: str
    name: str | None
    label: str
    required: bool
    component: Component


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return str(value)


class Operation:
    """An operation's HTTP request, built from its fields' values.

    Example:
        >>> from stface.components.textbox import Textbox
        >>> fields = [Field("path", "name", "name", True, Textbox())]
        >>> op = Operation("get", "/pets/{name}", "http://127.0.0.1:9", fields, media=None)
        >>> op.url({"path": {"name": "Rex the dog"}})
        'http://127.0.0.1:9/pets/Rex%20the%20dog'
    """

    def __init__(self, method: str, path: str, base_url: str, fields: list[Field], media: str | None,
                 auth_token: str | None = None) -> None:  # fmt: skip
        self.method, self.path, self.base_url = method.upper(), path, base_url.rstrip("/")
        self.fields, self.media, self.auth_token = fields, media, auth_token

    def url(self, parts: dict[str, dict[str, Any]]) -> str:
        url = self.base_url + self.path
        for name, value in parts["path"].items():
            url = url.replace("{" + name + "}", quote(_text(value), safe=""))
        return url

    def request(self, values: tuple[Any, ...]) -> dict[str, Any]:
        """httpx.request's arguments for these values (one per field)."""
        if len(values) != len(self.fields):
            raise TypeError(f"{self.method} {self.path} takes {len(self.fields)} value(s); got {len(values)}.")
        parts: dict[str, dict[str, Any]] = {"path": {}, "query": {}, "header": {}, "body": {}}
        whole: Any = None
        for field, value in zip(self.fields, values):
            if _empty(value):
                if field.required:
                    raise Error(f"'{field.label}' is required for {self.method} {self.path}.")
                continue
            if field.where == "body" and field.name is None:
                whole = value
            else:
                parts[field.where][field.name] = value
        headers = {k: _text(v) for k, v in parts["header"].items()}
        if self.auth_token:
            headers["Authorization"] = f"Bearer {self.auth_token}"
        query = {k: v if isinstance(v, list) else _text(v) for k, v in parts["query"].items()}
        request: dict[str, Any] = {"method": self.method, "url": self.url(parts), "params": query, "headers": headers}
        props = [f for f in self.fields if f.where == "body" and f.name is not None]
        if props:
            body: Any = parts["body"]
        elif whole is not None:
            body = whole
        else:
            return request
        media = self.media or "application/json"
        files = {f.name for f in props if isinstance(f.component, File)}
        if media == "multipart/form-data":
            request["files"] = [(k, _upload(p)) for k, v in body.items() if k in files for p in _listed(v)]
            request["data"] = {k: _text(v) for k, v in body.items() if k not in files}
        elif media == "application/x-www-form-urlencoded":
            request["data"] = {k: _text(v) for k, v in body.items()}
        elif media.endswith("json") or media == "*/*":
            request["json"] = body
        else:
            is_file = any(isinstance(f.component, File) for f in self.fields if f.where == "body")
            request["content"] = (
                Path(body).read_bytes() if is_file else body if isinstance(body, bytes) else _text(body).encode()
            )
            headers["Content-Type"] = media
        return request

    def function(self) -> Callable[..., Any]:
        """The operation as fn(*values) -> the answer's JSON (or Gradio's error dict for a non-2xx status)."""

        def call(*values: Any) -> Any:
            httpx = httpx_module()
            request = self.request(values)
            try:
                response = httpx.request(**request, timeout=60, follow_redirects=True)
            except httpx.HTTPError as exc:
                raise Error(f"Could not reach {self.method} {request['url']}: {type(exc).__name__}: {exc}") from None
            if not 200 <= response.status_code < 300:
                return {"__status__": "error", "status_code": response.status_code, "message": response.text}
            if not response.content:
                return None
            try:
                return response.json()
            except ValueError:
                return json.dumps(response.text)  # the JSON output shows the text itself

        name = re.sub(r"\W+", "_", f"{self.method.lower()}_{self.path}").strip("_")
        call.__name__ = call.__qualname__ = name
        call.__doc__ = f"{self.method} {self.path}"
        names: list[str] = []
        for field in self.fields:
            ident = re.sub(r"\W+", "_", field.label).strip("_") or "value"
            ident = ident if ident.isidentifier() else f"_{ident}"
            while ident in names:
                ident += "_"
            names.append(ident)
        call.__signature__ = inspect.Signature(
            [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD) for n in names]
        )  # type: ignore[attr-defined]
        return call


def _listed(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _upload(path: Any) -> tuple[str, bytes]:
    return Path(path).name, Path(path).read_bytes()
