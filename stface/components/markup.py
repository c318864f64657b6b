"""JSON, HTML and Markdown: structured and formatted display."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from stface.components._html import neutralise_script_links, show_html
from stface.components.base import Component
from stface.errors import ComponentValueError, Error

__all__ = ["HTML", "JSON", "Markdown"]


class JSON(Component):
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

    def render_input(self, key: str, *, on_change=None) -> str:
        return st.text_area(
            self.display_label,
            key=key,
            help=self.info or "Type a JSON value.",
            on_change=on_change,
            disabled=self.disabled,
            label_visibility=self.label_visibility,
        )

    def render_output(self, payload: Any, key: str) -> None:
        if self.show_label is not False:
            st.caption(self.display_label)
        st.json(payload if payload is not None else {})


class HTML(Component):
    """Shows HTML that fn returns (Streamlit sanitises it; scripts do not run).

    Example:
        >>> import stface as gr
        >>> gr.HTML().postprocess("<b>bold</b>")
        '<b>bold</b>'
    """

    can_input = False

    def postprocess(self, value: Any) -> str:
        return "" if value is None else str(value)

    def render_output(self, payload: str, key: str) -> None:
        show_html(payload)


class Markdown(Component):
    """Shows Markdown that fn returns (raw HTML is not rendered).

    Example:
        >>> import stface as gr
        >>> gr.Markdown().postprocess("# Title")
        '# Title'
    """

    can_input = False

    def postprocess(self, value: Any) -> str:
        return "" if value is None else str(value)

    def render_output(self, payload: str, key: str) -> None:
        st.markdown(neutralise_script_links(payload or ""))
