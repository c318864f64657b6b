"""Gradio apps (Spaces, or any URL) loaded through the official ``gradio_client``.

The app's API description names each parameter's component; stface builds
the same components (media inputs as file paths, handed to the client with
``handle_file``) and an fn that calls the app, every call under a timeout.
Another stface app's URL works the same way (stface serves Gradio's API), so
Series and Parallel chain apps over HTTP; the remote app's ``gr.Error``
arrives as a ``gr.Error`` with its message.
"""

from __future__ import annotations

from typing import Any

from stface import components as c
from stface.components.registry import component_from
from stface.errors import Error

__all__ = ["space_interface_parts"]

TIMEOUT_S = 120.0
_MEDIA = (c.Image, c.Audio, c.Video, c.File)


def _component(info: dict[str, Any], role: str) -> c.Component:
    name = str(info.get("component") or "textbox")
    try:
        component = component_from(name.lower(), role=role)
    except ValueError:
        component = c.Textbox()
    if isinstance(component, (c.Image, c.Audio)) and role == "input":
        component.type = "filepath"
    if isinstance(component, c.File) and role == "input":
        component.type = "filepath"
    component.label = info.get("label") or info.get("parameter_name") or None
    return component


def space_interface_parts(src: str, token: str | None = None, api_name: str | None = None) -> dict[str, Any]:
    """fn, inputs, outputs and title for a Gradio app at ``src`` (``"org/name"`` or a URL)."""
    try:
        from gradio_client import Client, handle_file
    except ImportError:
        raise ImportError("Loading Gradio apps needs gradio_client: pip install 'stface[hf]'") from None
    client = Client(src, token=token, verbose=False, analytics_enabled=False)
    api = client.view_api(return_format="dict", print_info=False)
    endpoints = api.get("named_endpoints") or {}
    if not endpoints:
        raise ValueError(f"The Gradio app at {src} exposes no named API endpoint to call.")
    chosen = api_name or ("/predict" if "/predict" in endpoints else next(iter(endpoints)))
    if chosen not in endpoints:
        raise ValueError(f"The Gradio app at {src} has no endpoint {chosen!r}; it has {', '.join(endpoints)}.")
    endpoint = endpoints[chosen]
    inputs = [_component(p, "input") for p in endpoint.get("parameters", [])]
    outputs = [_component(r, "output") for r in endpoint.get("returns", [])]

    def call_app(*args: Any) -> Any:
        from gradio_client.exceptions import AppError

        sent = [handle_file(a) if isinstance(comp, _MEDIA) and isinstance(a, str) else a for comp, a in zip(inputs, args)]
        try:
            return client.submit(*sent, api_name=chosen).result(timeout=TIMEOUT_S)
        except AppError as exc:  # the remote app's gr.Error: shown with its message, as the app showed it
            raise Error(exc.message, duration=exc.duration, visible=exc.visible, title=exc.title) from None

    call_app.__name__ = "call_" + chosen.strip("/").replace("/", "_")
    return {"fn": call_app, "inputs": inputs, "outputs": outputs, "title": src}
