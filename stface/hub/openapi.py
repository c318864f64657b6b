"""What ``stface.load_openapi`` builds: one Interface per operation of an OpenAPI 3 document.

``openapi_parts`` reads the document (a URL, a file or a dict), keeps the
operations that ``paths``, ``exclude_paths`` and ``methods`` select (as
Gradio 6 does: ``re.match`` on the path, exclusions first), and returns, per
operation, a tab name and the Interface's arguments. ``stface.load_openapi``
(in ``stface.external``) builds the Interfaces and the TabbedInterface, so
this module never imports them.

Inputs come from the operation's parameters (path, query, header) and its
request body: a JSON object body gives one input per property, any other
JSON body one JSON input. Types map to components as in Gradio: enums to a
Dropdown, integers and numbers to a Number, booleans to a Checkbox, strings
to a Textbox; arrays and objects to a JSON input; binary fields to a File.
The call itself is ``stface.hub.openapi_call``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from stface.components.base import Component
from stface.components.choices import Checkbox, Dropdown
from stface.components.files import File
from stface.components.markup import JSON
from stface.components.number import Number
from stface.components.textbox import Textbox
from stface.hub.openapi_call import HTTP_METHODS, Field, Operation, httpx_module

__all__ = ["load_spec", "openapi_parts"]


def load_spec(openapi_spec: str | Path | dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI document at a URL, in a JSON file, or given as a dict; checked to be one.

    Example:
        >>> load_spec({"openapi": "3.1.0", "paths": {"/ping": {"get": {}}}})["openapi"]
        '3.1.0'
    """
    if isinstance(openapi_spec, dict):
        spec, where = openapi_spec, "The openapi_spec dict"
    elif isinstance(openapi_spec, (str, Path)):
        where = str(openapi_spec)
        if re.match(r"https?://", where):
            httpx = httpx_module()
            try:
                response = httpx.get(where, follow_redirects=True, timeout=30)
                response.raise_for_status()
            except httpx.HTTPError as exc:
                raise ValueError(f"Could not fetch the OpenAPI document at {where}: {exc}") from None
            content = response.text
        elif Path(where).is_file():
            content = Path(where).read_text(encoding="utf-8")
        else:
            raise ValueError(f"openapi_spec {where!r} is neither an http(s) URL nor an existing file.")
        try:
            spec = json.loads(content)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{where} is not JSON ({exc.msg} at line {exc.lineno}): load_openapi reads OpenAPI 3 "
                             "documents in JSON, such as FastAPI's /openapi.json.") from None  # fmt: skip
        where = f"The document at {where}"
    else:
        raise TypeError(f"openapi_spec must be a URL, a file path or a dict; got {type(openapi_spec).__name__}.")
    if not isinstance(spec, dict):
        raise ValueError(f"{where} is not an OpenAPI document: it is a JSON {type(spec).__name__}, not an object.")
    if "swagger" in spec:
        raise ValueError(f"{where} is a Swagger {spec['swagger']} document; load_openapi reads OpenAPI 3. "
                         "Convert it first (for example with swagger2openapi).")  # fmt: skip
    if not isinstance(spec.get("paths"), dict):
        keys = ", ".join(map(repr, list(spec)[:6])) or "none"
        raise ValueError(f"{where} is not an OpenAPI document: it has no 'paths' object (its keys: {keys}). "
                         "Point load_openapi at the spec itself, e.g. http://HOST/openapi.json.")  # fmt: skip
    return spec


def _patterns(value: str | Sequence[str] | None, name: str) -> list[str] | None:
    if value is None:
        return None
    patterns = [value] if isinstance(value, str) else list(value)
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{name} pattern {pattern!r} is not a valid regular expression: {exc}.") from None
    return patterns


def select_operations(
    spec: dict[str, Any], paths: Any = None, exclude_paths: Any = None, methods: Any = None
) -> list[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """(path, method, operation, path item) for each operation the filters keep, in document order."""
    keep, drop = _patterns(paths, "paths"), _patterns(exclude_paths, "exclude_paths")
    wanted = None if methods is None else [m.lower() for m in ([methods] if isinstance(methods, str) else methods)]
    if wanted is not None and (unknown := sorted(set(wanted) - set(HTTP_METHODS))):
        raise ValueError(f"methods {unknown} are not HTTP methods; use some of {list(HTTP_METHODS)}.")
    chosen = [
        path for path in spec["paths"]
        if not any(re.match(p, path) for p in drop or []) and (keep is None or any(re.match(p, path) for p in keep))
    ]  # fmt: skip
    if not chosen:
        listed = ", ".join(list(spec["paths"])[:8]) or "none"
        raise ValueError(f"No valid paths found in the OpenAPI specification (paths={paths!r}, "
                         f"exclude_paths={exclude_paths!r}; the document has: {listed}).")  # fmt: skip
    found = [
        (path, method, operation, spec["paths"][path])
        for path in chosen
        for method, operation in (spec["paths"][path] or {}).items()
        if method.lower() in HTTP_METHODS and isinstance(operation, dict) and (wanted is None or method.lower() in wanted)
    ]  # fmt: skip
    if not found:
        raise ValueError(f"No operation of the selected paths uses methods={methods!r}.")
    return found


def resolve(schema: Any, spec: dict[str, Any], depth: int = 0) -> dict[str, Any]:
    """A schema with its ``$ref`` followed, and ``anyOf``/``oneOf``/``allOf`` reduced to its first non-null type."""
    if not isinstance(schema, dict) or depth > 20:
        return {}
    if isinstance(schema.get("$ref"), str) and schema["$ref"].startswith("#/"):
        target: Any = spec
        for part in schema["$ref"][2:].split("/"):
            target = target.get(part.replace("~1", "/").replace("~0", "~"), {}) if isinstance(target, dict) else {}
        return resolve({**target, **{k: v for k, v in schema.items() if k != "$ref"}}, spec, depth + 1)
    for combined in ("anyOf", "oneOf", "allOf"):
        options = [resolve(s, spec, depth + 1) for s in schema.get(combined) or []]
        options = [s for s in options if s.get("type") != "null"]
        if options:
            rest = {k: v for k, v in schema.items() if k not in ("anyOf", "oneOf", "allOf")}
            return {**options[0], **rest}
    return schema


def _is_binary(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "string" and (
        schema.get("format") in ("binary", "base64") or "contentMediaType" in schema
    )


def component_for(name: str, schema: dict[str, Any], description: str | None, required: bool) -> Component:
    """The input for one value, by its schema's type (Gradio's mapping; arrays and objects as JSON)."""
    info = " ".join(filter(None, [description, "(required)" if required else None])) or None
    default, kind = schema.get("default"), schema.get("type")
    if schema.get("enum") is not None:
        return Dropdown(list(schema["enum"]), value=default, label=name, info=info)
    if kind in ("integer", "number"):
        return Number(default, precision=0 if kind == "integer" else None, label=name, info=info)
    if kind == "boolean":
        return Checkbox(bool(default), label=name, info=info)
    if kind == "array" and _is_binary(schema.get("items") or {}):
        return File(file_count="multiple", label=name, info=info)
    if _is_binary(schema):
        return File(label=name, info=info)
    if kind in ("array", "object"):
        return JSON(default if default is not None else schema.get("example", [] if kind == "array" else {}),
                    label=name, info=info)  # fmt: skip
    return Textbox(default, label=name, info=info)


def _skeleton(schema: dict[str, Any], spec: dict[str, Any]) -> Any:
    """An example body: the schema's example, else one value per property (as Gradio 6 fills its box)."""
    if "example" in schema:
        return schema["example"]
    if schema.get("type") == "array":
        return []
    empty = {"string": "", "integer": 0, "number": 0, "boolean": False, "array": [], "object": {}}
    props = schema.get("properties") or {}
    return {
        k: (s := resolve(v, spec)).get("example", s.get("default", empty.get(s.get("type"), None)))
        for k, v in props.items()
    }


def _body_fields(operation: dict[str, Any], spec: dict[str, Any], taken: set[str]) -> tuple[str | None, list[Field]]:
    body = resolve(operation.get("requestBody"), spec)
    content = body.get("content") or {}
    if not content:
        return None, []
    media = next((m for m in content if m == "application/json" or m.endswith("+json")), None)
    media = media or next(
        (m for m in content if m in ("multipart/form-data", "application/x-www-form-urlencoded")), None
    )
    media = media or next(iter(content))
    schema = resolve((content[media] or {}).get("schema"), spec)
    required_body = bool(body.get("required"))
    if media in ("application/octet-stream",) or (not media.endswith("json") and _is_binary(schema)):
        return media, [Field("body", None, "File", True, File(label="File", info=body.get("description")))]
    props = schema.get("properties") or {}
    if schema.get("type", "object") == "object" and props:
        required = set(schema.get("required") or [])
        fields = []
        for prop, raw in props.items():
            prop_schema = resolve(raw, spec)
            label = f"body.{prop}" if prop in taken else prop
            component = component_for(label, prop_schema, prop_schema.get("description"), prop in required)
            fields.append(Field("body", prop, label, prop in required, component))
        return media, fields
    component = JSON(_skeleton(schema, spec), label="Request Body", info=body.get("description"))
    return media, [Field("body", None, "Request Body", required_body, component)]


def openapi_parts(
    openapi_spec: str | Path | dict[str, Any],
    base_url: str,
    *,
    paths: str | Sequence[str] | None = None,
    exclude_paths: str | Sequence[str] | None = None,
    methods: str | Sequence[str] | None = None,
    auth_token: str | None = None,
) -> tuple[str, list[tuple[str, dict[str, Any]]]]:
    """(title, [(tab name, Interface arguments), ...]): one tab per selected operation.

    Example:
        >>> spec = {"openapi": "3.1.0", "info": {"title": "Pets"}, "paths": {"/pets/{pet_id}": {"get": {
        ...     "operationId": "get_pet", "parameters": [{"name": "pet_id", "in": "path", "required": True,
        ...     "schema": {"type": "integer"}}]}}}}
        >>> title, tabs = openapi_parts(spec, "http://127.0.0.1:8000")
        >>> title, [(name, parts["title"], parts["inputs"][0].label) for name, parts in tabs]
        ('Pets', [('get_pet', 'GET /pets/{pet_id}', 'pet_id')])
    """
    if not isinstance(base_url, str) or not re.match(r"https?://", base_url):
        raise ValueError(f"base_url must be the API's http(s) URL, e.g. 'http://127.0.0.1:8000'; got {base_url!r}.")
    spec = load_spec(openapi_spec)
    tabs: list[tuple[str, dict[str, Any]]] = []
    for path, method, operation, item in select_operations(spec, paths, exclude_paths, methods):
        fields: list[Field] = []
        params = [resolve(p, spec) for p in [*(item.get("parameters") or []), *(operation.get("parameters") or [])]]
        declared = {(p.get("name"), p.get("in")): p for p in params}  # the operation's override the path's
        for (name, where), param in declared.items():
            if where in ("path", "query", "header") and name:
                required = bool(param.get("required")) or where == "path"
                component = component_for(name, resolve(param.get("schema"), spec), param.get("description"), required)
                fields.append(Field(where, name, name, required, component))
        media, body = _body_fields(operation, spec, {f.label for f in fields})
        call = Operation(method, path, base_url, fields + body, media, auth_token)
        name = operation.get("operationId") or f"{method.upper()} {path}"
        description = operation.get("description") or operation.get("summary")
        tabs.append((name, {"fn": call.function(), "inputs": [f.component for f in fields + body],
                            "outputs": JSON(label="Response"), "title": f"{method.upper()} {path}",
                            "description": description}))  # fmt: skip
    return spec.get("info", {}).get("title") or "OpenAPI Interface", tabs
