"""Drawing HighlightedText (HTML built by ``highlighted_html``, escaped)."""

from __future__ import annotations

from stface.components.highlighted_text import HighlightedText, Span, highlighted_html
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws, show_html


@draws(HighlightedText)
class HighlightedTextWidget(Widget[HighlightedText]):
    def output(self, payload: list[Span] | None, keys: WidgetKeys) -> None:
        text = self.component
        caption = self.label if text.show_label is not False else None
        show_html(highlighted_html(payload or [], text.color_map, caption=caption, legend=text.show_legend))
