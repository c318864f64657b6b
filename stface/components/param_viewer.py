"""ParamViewer (Gradio 4+): a table of parameters, their types, defaults and descriptions."""

from __future__ import annotations

from typing import Any

from stface.components.base import Component
from stface.errors import ComponentValueError

__all__ = ["ParamViewer"]


class ParamViewer(Component[dict[str, dict[str, Any]]]):
    """Shows ``{name: {"type": ..., "description": ..., "default": ...}}`` as a table.

    Example:
        >>> import stface as gr
        >>> gr.ParamViewer().postprocess({"x": {"type": "int"}})
        {'x': {'type': 'int', 'description': '', 'default': ''}}
    """

    can_input = False
    gradio_ignored = frozenset({"language", "linkify", "header", "anchor_links", "max_height"})

    def postprocess(self, value: Any) -> dict[str, dict[str, Any]]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ComponentValueError(f"ParamViewer expects a dict of parameters; got {type(value).__name__}.")
        table = {}
        for name, spec in value.items():
            spec = spec if isinstance(spec, dict) else {"description": spec}
            table[str(name)] = {"type": str(spec.get("type") or ""), "description": str(spec.get("description") or ""),
                                "default": "" if spec.get("default") is None else str(spec["default"])}  # fmt: skip
        return table
