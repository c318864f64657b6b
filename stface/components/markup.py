"""JSON, HTML and Markdown: structured and formatted display."""

from __future__ import annotations

import json
from typing import Any

from stface.components.base import Component
from stface.errors import ComponentValueError, Error

__all__ = ["HTML", "JSON", "Markdown"]


class JSON(Component[Any]):
    """Any JSON-serialisable value, shown as a collapsible tree.

    As an output, a ``str`` is parsed as JSON (as Gradio 3 does). As an input
    the person types JSON text, which fn receives parsed.

    Example:
        >>> import stface as gr
        >>> gr.JSON().postprocess('{"a": [1, 2]}')
        {'a': [1, 2]}
    """

    def preprocess(self, payload: Any) -> Any:
        """JSON text (or an already parsed value) -> Python value."""
        if not isinstance(payload, str):
            return payload
        if not payload.strip():
            return None
        try:
            return json.loads(payload)
        except json.JSONDecodeError as exc:
            raise Error(f"'{self.display_label}' is not valid JSON: {exc.msg} at line {exc.lineno}.") from None

    def postprocess(self, value: Any) -> Any:
        """Python value (or JSON text) -> Python value to show."""
        if isinstance(value, str):
            try:
                return json.loads(value)
            except json.JSONDecodeError as exc:
                raise ComponentValueError(
                    f"JSON output '{self.display_label}' got a string that is not valid JSON ({exc.msg}); "
                    "return a dict or list, or a valid JSON string."
                ) from None
        return value

    def initial_payload(self) -> str:
        value = super().initial_payload()
        return "" if value is None else json.dumps(value, indent=2)



class HTML(Component[str]):
    """Shows HTML that fn returns (Streamlit sanitises it; scripts do not run).

    Example:
        >>> import stface as gr
        >>> gr.HTML().postprocess("<b>bold</b>")
        '<b>bold</b>'
    """

    can_input = False

    def postprocess(self, value: Any) -> str:
        return "" if value is None else str(value)



class Markdown(Component[str]):
    """Shows Markdown that fn returns (raw HTML is not rendered).

    Example:
        >>> import stface as gr
        >>> gr.Markdown().postprocess("# Title")
        '# Title'
    """

    can_input = False

    def postprocess(self, value: Any) -> str:
        return "" if value is None else value if isinstance(value, str) else str(value)  # gr.I18n text: translatable
