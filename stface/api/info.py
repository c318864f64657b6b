"""Gradio's ``/config`` and ``/gradio_api/info`` for an stface app: what gradio_client reads first.

``gradio_client.Client(url)`` reads the config (protocol ``sse_v3``, the API
prefix, the components and one dependency per endpoint) and the API info
(each endpoint's parameters and return values, described by
``stface.api.schemas``). Endpoints hidden with ``show_api=False`` /
``api_visibility="undocumented"`` (or ``launch(show_api=False)``) stay
callable but are left out of the info, as in Gradio; endpoints closed with
``api_name=False``, ``api_visibility="private"`` or ``queue(api_open=False)``
are not in either.

Example:
    >>> import stface as gr
    >>> def greet(name):
    ...     return "Hi " + name
    >>> demo = gr.Interface(greet, gr.Textbox(label="name"), "text")
    >>> info = api_info(demo)
    >>> [p["parameter_name"] for p in info["named_endpoints"]["/greet"]["parameters"]]
    ['name']
    >>> config(demo, "http://127.0.0.1:7860")["protocol"]
    'sse_v3'
"""

from __future__ import annotations

from typing import Any

from stface.api.endpoints import Endpoint, endpoints
from stface.api.schemas import api_type

__all__ = ["API_PREFIX", "GRADIO_VERSION", "PREDICT_ALIAS", "api_info", "config", "visible_endpoints"]

API_PREFIX = "/gradio_api"
#: The Gradio version whose protocol stface speaks (gradio_client picks its routes by it).
GRADIO_VERSION = "6.31.0"
#: The fn_index of "predict", Gradio 3's name for an Interface's endpoint, when no endpoint has that name:
#: scripts written for Gradio 3 (``client.predict(..., api_name="/predict")``) reach the first endpoint.
PREDICT_ALIAS = 10_000

App = Any


def _options(app: App) -> Any:
    return getattr(app, "launch_options", None)


def visible_endpoints(app: App, all_endpoints: bool = False) -> list[Endpoint]:
    """The open endpoints the API info lists (every open one with ``all_endpoints``)."""
    options = _options(app)
    listed = getattr(options, "show_api", True) is not False
    return [e for e in endpoints(app) if e.open and (all_endpoints or (listed and e.visible))]


def _description(endpoint: Endpoint) -> str:
    given = getattr(endpoint.app, "api_description", None)
    if given is False:
        return ""
    return given if isinstance(given, str) else endpoint.description


def _plain(value: Any) -> tuple[bool, Any]:
    """(is JSON, value) for a default value."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return True, value
    if isinstance(value, (list, tuple)) and all(_plain(v)[0] for v in value):
        return True, [_plain(v)[1] for v in value]
    return False, None


def _parameter(endpoint: Endpoint, index: int) -> dict[str, Any]:
    parameter = endpoint.parameters[index]
    described = api_type(parameter.component, "input")
    plain, default = _plain(parameter.default)
    # Gradio: a parameter with a starting value may be left out (an empty Textbox is not a value)
    has_default = parameter.has_default and plain and default != "" and not described.is_file
    return {
        "label": parameter.label,
        "parameter_name": parameter.name,
        "parameter_has_default": has_default,
        "parameter_default": default if has_default else None,
        "type": described.schema,
        "python_type": described.python_type,
        "component": described.component,
        "example_input": described.example,
    }


def _return(component: Any, index: int) -> dict[str, Any]:
    described = api_type(component, "output")
    return {
        "label": component.label or f"output {index}",
        "type": described.schema,
        "python_type": described.python_type,
        "component": described.component,
    }


def endpoint_info(endpoint: Endpoint) -> dict[str, Any]:
    """One endpoint as the API info describes it (``parameters``, ``returns``, ``description``)."""
    return {
        "parameters": [_parameter(endpoint, i) for i in range(len(endpoint.parameters))],
        "returns": [_return(c, i) for i, c in enumerate(endpoint.outputs)],
        "api_visibility": "public" if endpoint.visible else "undocumented",
        "description": _description(endpoint),
    }


def api_info(app: App, all_endpoints: bool = False) -> dict[str, Any]:
    """Gradio's ``/gradio_api/info``: ``{"named_endpoints": {"/name": ...}, "unnamed_endpoints": {}}``."""
    named = {f"/{e.api_name}": endpoint_info(e) for e in visible_endpoints(app, all_endpoints)}
    return {"named_endpoints": named, "unnamed_endpoints": {}}


def _mode(app: App) -> str:
    name = type(app).__name__
    return {"TabbedInterface": "tabbed_interface", "ChatInterface": "chat_interface"}.get(name, "interface")


def _component(component_id: int, component: Any, role: str, value: Any) -> dict[str, Any]:
    described = api_type(component, role)  # type: ignore[arg-type]
    props: dict[str, Any] = {"label": component.label, "visible": True, "name": described.config_type}
    plain, shown = _plain(value)
    if plain and shown is not None and not described.is_file:
        props["value"] = shown
    return {
        "id": component_id,
        "type": described.config_type,
        "props": props,
        "skip_api": False,
        "api_info": described.schema,
        "api_info_as_input": api_type(component, "input").schema,
        "api_info_as_output": api_type(component, "output").schema,
        "example_inputs": described.example,
        "key": None,
    }


def config(app: App, root: str, username: str | None = None) -> dict[str, Any]:
    """Gradio's ``/config`` for ``app`` served at ``root``: one dependency per open endpoint."""
    options = _options(app)
    components: list[dict[str, Any]] = []
    dependencies: list[dict[str, Any]] = []
    layout: list[dict[str, int]] = []
    next_id = 1
    for endpoint in endpoints(app):
        if not endpoint.open:
            continue
        inputs, outputs = [], []
        for parameter in endpoint.parameters:
            components.append(_component(next_id, parameter.component, "input", parameter.default))
            inputs.append(next_id)
            next_id += 1
        for component in endpoint.outputs:
            components.append(_component(next_id, component, "output", None))
            outputs.append(next_id)
            next_id += 1
        layout += [{"id": i} for i in inputs + outputs]
        visibility = (
            "public" if endpoint.visible and getattr(options, "show_api", True) is not False else "undocumented"
        )
        dependencies.append({
            "id": endpoint.fn_index, "targets": [], "inputs": inputs, "outputs": outputs, "backend_fn": True,
            "js": None, "queue": True, "api_name": endpoint.api_name, "api_description": _description(endpoint),
            "api_visibility": visibility, "scroll_to_output": False, "show_progress": "full", "batch": False,
            "max_batch_size": 4, "cancels": [], "types": {"generator": endpoint.streams, "cancel": False},
            "collects_event_data": False, "trigger_after": None, "trigger_only_on_success": False,
            "trigger_only_on_failure": False, "trigger_mode": "once", "rendered_in": None, "render_id": None,
            "connection": "sse", "time_limit": None, "stream_every": 0.5, "event_specific_args": None,
        })  # fmt: skip
    if dependencies and "predict" not in {d["api_name"] for d in dependencies}:
        alias = {**dependencies[0], "id": PREDICT_ALIAS, "api_name": "predict", "api_visibility": "undocumented"}
        dependencies.append(alias)
    max_bytes = getattr(options, "max_file_bytes", None)
    return {
        "version": GRADIO_VERSION,
        "api_prefix": API_PREFIX,
        "mode": _mode(app),
        "app_id": abs(hash(getattr(app, "key", id(app)))),
        "dev_mode": False,
        "analytics_enabled": False,
        "components": components,
        "css": None,
        "connect_heartbeat": False,
        "js": None,
        "head": None,
        "title": getattr(app, "title", None) or "stface",
        "space_id": None,
        "enable_queue": True,
        "show_error": bool(getattr(options, "show_error", False)),
        "show_api": getattr(options, "show_api", True) is not False,
        "is_colab": False,
        "max_file_size": max_bytes,
        "theme": "default",
        "protocol": "sse_v3",
        "body_css": {},
        "fill_height": False,
        "fill_width": False,
        "mcp_server": bool(getattr(options, "serves_mcp", False)),
        "dependencies": dependencies,
        "layout": {"id": 0, "children": layout},
        "username": username,
        "root": root,
        "stface": True,
    }
