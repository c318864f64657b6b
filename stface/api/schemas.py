"""How Gradio's API describes each stface component: JSON schema, Python type, example input.

Gradio's ``/gradio_api/info`` gives, for every parameter and return value of
an endpoint, the component's name, a JSON schema of the value it takes or
gives, the Python type ``gradio_client`` prints for it (``view_api()``) and an
example input. ``gradio_schemas.json`` holds what Gradio 6 says for each
component with default options (``scripts/record_gradio_api_schemas.py``
records it); options that change the description (choices, a slider's range,
a Number's precision, ``multiselect``, ``file_count``) are applied here.

Files travel as Gradio's ``FileData`` (``{"path", "url", "orig_name", "size",
"mime_type", "is_stream", "meta": {"_type": "gradio.FileData"}}``). Gradio's
examples point at URLs; stface never fetches a URL on a caller's behalf, so
the examples here name a local file to upload (``handle_file("bus.png")``).

Example:
    >>> import stface as gr
    >>> described = api_type(gr.Radio(["cat", "dog"], label="pet"))
    >>> described.component, described.schema["enum"], described.python_type["type"]
    ('Radio', ['cat', 'dog'], "Literal['cat', 'dog']")
    >>> api_type(gr.Image()).python_type["type"]
    'filepath'
"""

from __future__ import annotations

import copy
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from stface.components.base import Component

__all__ = ["ApiType", "FILE_DATA_SCHEMA", "FILE_DESCRIPTION", "api_type", "gradio_name", "is_file_schema", "skips_api"]

#: What the API says of a file value (stface accepts uploads and files it handed out, never a URL to fetch).
FILE_DESCRIPTION = "A local file: gradio_client uploads it with handle_file(path). URLs are not fetched."
_META = {"_type": "gradio.FileData"}

#: stface classes whose Gradio name differs from their own (the rest match by class name, subclasses included).
_ALIASES = {
    "Timeseries": "Dataframe",
    "Numpy": "Dataframe",
    "Matrix": "Dataframe",
    "List": "Dataframe",
    "DataFrame": "Dataframe",
    "Sketchpad": "ImageEditor",
    "Paint": "ImageEditor",
    "ImageMask": "ImageEditor",
    "ImagePaint": "Image",
    "Microphone": "Audio",
    "Webcam": "Image",
    "Pil": "Image",
    "PlayableVideo": "Video",
    "TextArea": "Textbox",
}


@dataclass(frozen=True)
class ApiType:
    """One value's description in Gradio's API info."""

    component: str  # Gradio's component name as the info gives it ("Textbox", "Checkboxgroup")
    schema: dict[str, Any]  # JSON schema of the value
    python_type: dict[str, str]  # {"type": "str", "description": ""}, as gradio_client prints it
    example: Any  # an example input value (JSON)

    @property
    def config_type(self) -> str:
        """The component's ``type`` in Gradio's config (``"textbox"``)."""
        return self.component.lower()

    @property
    def is_file(self) -> bool:
        """True when the value holds files (gradio_client uploads them)."""
        return is_file_schema(self.schema)


@functools.cache
def _recorded() -> dict[str, Any]:
    with open(Path(__file__).with_name("gradio_schemas.json"), encoding="utf-8") as handle:
        return json.load(handle)["components"]


def gradio_name(component: Component) -> str:
    """The Gradio class whose API description ``component`` shares (``"Image"`` for ``gr.Webcam()``)."""
    recorded = _recorded()
    for klass in type(component).__mro__:
        name = _ALIASES.get(klass.__name__, klass.__name__)
        if name in recorded:
            if name in ("File", "UploadButton") and getattr(component, "multiple_files", False):
                return "Files" if name == "File" else "UploadButton"
            return name
    return "JSON"


def skips_api(component: Component) -> bool:
    """True for values the API leaves out (State, BrowserState), as Gradio skips them."""
    return any(klass.__name__ in ("State", "BrowserState") for klass in type(component).__mro__)


def api_type(component: Component, role: Literal["input", "output"] = "input") -> ApiType:
    """The API description of ``component`` as an endpoint's parameter or return value."""
    name = gradio_name(component)
    entry = _recorded()[name]
    schema = copy.deepcopy(entry.get(role, entry["input"]))
    python = dict(entry.get(f"python_{role}", entry["python_input"]))
    example = _local_files(copy.deepcopy(entry["example"]))
    shown = entry["component"]
    special = _parametric(component, name)
    if special is not None:
        schema, python["type"], example = special
    if name == "UploadButton" and getattr(component, "multiple_files", False):
        files = _recorded()["Files"]
        schema, python = copy.deepcopy(files["input"]), dict(files["python_input"])
        example = _local_files(copy.deepcopy(files["example"]))
    if is_file_schema(schema):
        python["description"] = FILE_DESCRIPTION
        _describe_files(schema)
    return ApiType(component=shown, schema=schema, python_type=python, example=example)


def _parametric(component: Component, name: str) -> tuple[dict[str, Any], str, Any] | None:
    """(schema, python type, example) for components whose options shape their description."""
    if name == "Number":
        whole = getattr(component, "precision", None) == 0
        lowest = getattr(component, "minimum", None)
        return {"type": "integer" if whole else "number"}, "int" if whole else "float", 3 if lowest is None else lowest
    if name == "Slider":
        low, high = component.minimum, component.maximum  # type: ignore[attr-defined]
        return {"type": "number", "description": f"numeric value between {low} and {high}"}, "float", low
    if name in ("Radio", "Dropdown", "CheckboxGroup"):
        values = [_plain(v) for v in getattr(component, "values", [])]
        literal = f"Literal[{', '.join(repr(v) for v in values)}]" if values else "str"
        first = values[0] if values else None
        several = name == "CheckboxGroup" or bool(getattr(component, "multiselect", False))
        if name == "Radio":
            return {"enum": values, "title": "Radio", "type": "string"}, literal, first
        if name == "CheckboxGroup":
            schema = {"items": {"enum": values, "type": "string"}, "title": "Checkbox Group", "type": "array"}
            return schema, f"list[{literal}]", [first] if values else []
        if several:
            return (
                {"type": "array", "items": {"type": "string", "enum": values}},
                f"list[{literal}]",
                [first] if values else [],
            )
        return {"type": "string", "enum": values}, literal, first
    return None


def _plain(value: Any) -> Any:
    return value if isinstance(value, (str, int, float, bool)) or value is None else str(value)


def _local_files(value: Any) -> Any:
    """Gradio's example FileData point at URLs; stface's name a file to upload instead."""
    if isinstance(value, dict) and isinstance(value.get("meta"), dict) and value["meta"].get("_type") == _META["_type"]:
        name = str(value.get("orig_name") or str(value.get("path", "file")).rsplit("/", 1)[-1])
        return {"path": name, "meta": dict(_META), "orig_name": name}
    if isinstance(value, dict):
        return {k: _local_files(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_local_files(v) for v in value]
    return value


def _describe_files(schema: Any) -> None:
    """Say in the schema's descriptions that files are uploaded, not fetched from URLs."""
    if isinstance(schema, dict):
        if "URL" in str(schema.get("additional_description") or ""):
            schema["additional_description"] = FILE_DESCRIPTION
        for value in schema.values():
            _describe_files(value)
    elif isinstance(schema, list):
        for value in schema:
            _describe_files(value)


def is_file_schema(schema: Any, defs: dict[str, Any] | None = None, _seen: frozenset[str] = frozenset()) -> bool:
    """True when a JSON schema holds a FileData anywhere (gradio_client's test, ``$ref`` followed once)."""
    if defs is None:
        defs = schema.get("$defs", {}) if isinstance(schema, dict) else {}
    if isinstance(schema, list):
        return any(is_file_schema(item, defs, _seen) for item in schema)
    if not isinstance(schema, dict):
        return False
    if "$ref" in schema:
        name = str(schema["$ref"]).rsplit("/", 1)[-1]
        return name in defs and name not in _seen and is_file_schema(defs[name], defs, _seen | {name})
    properties = schema.get("properties", {})
    if "path" in properties and "meta" in properties:
        return True
    return any(
        is_file_schema(v, defs, _seen) for k, v in schema.items() if k != "$defs" and isinstance(v, (dict, list))
    )


#: Gradio's FileData schema (a File's value), for anyone who describes files (MCP tools, OpenAPI).
FILE_DATA_SCHEMA: dict[str, Any] = {}


def _file_data_schema() -> dict[str, Any]:
    schema = copy.deepcopy(_recorded()["File"]["input"])
    _describe_files(schema)
    return schema


FILE_DATA_SCHEMA.update(_file_data_schema())
