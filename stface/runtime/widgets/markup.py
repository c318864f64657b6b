"""Drawing JSON, HTML and Markdown.

HTML is the app's own markup, which Streamlit sanitises (no script runs);
Markdown links to ``javascript:`` are disarmed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from stface.components._html import neutralise_script_links
from stface.components.markup import HTML, JSON, Markdown
from stface.i18n import translate
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws, show_html


@draws(JSON)
class JSONWidget(Widget[JSON]):
    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> str:
        return st.text_area(self.label, key=keys.value, help=self.help or "Type a JSON value.",
                            on_change=on_change, disabled=self.disabled, label_visibility=self.label_visibility)  # fmt: skip

    def output(self, payload: Any, keys: WidgetKeys) -> None:
        self.caption()
        st.json(payload if payload is not None else {})


@draws(HTML)
class HTMLWidget(Widget[HTML]):
    def output(self, payload: str, keys: WidgetKeys) -> None:
        show_html(payload)


@draws(Markdown)
class MarkdownWidget(Widget[Markdown]):
    def output(self, payload: str, keys: WidgetKeys) -> None:
        st.markdown(neutralise_script_links(translate(payload) or ""))
