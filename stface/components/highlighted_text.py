"""HighlightedText: text with labelled or scored spans."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from stface.components._html import escape, score_background
from stface.components.base import Component
from stface.errors import ComponentValueError

__all__ = ["HighlightedText", "highlighted_html"]

Span = tuple[str, Any]
_PALETTE = ("#fca5a5", "#fdba74", "#fde047", "#86efac", "#93c5fd", "#c4b5fd", "#f9a8d4", "#67e8f9")


class HighlightedText(Component["list[Span] | None"]):
    """Text in which some spans carry a category (a colour) or a score.

    fn may return a list of ``(text, category_or_score_or_None)`` pairs, or a
    dict ``{"text": ..., "entities": [{"entity": ..., "start": ..., "end": ...}]}``
    as a transformers token-classification pipeline produces.

    Args:
        color_map: ``{category: CSS colour}``; other categories get a palette colour.
        show_legend: list the categories above the text.
        combine_adjacent: merge neighbouring spans of the same category.
        adjacent_separator: what to put between merged spans.

    Example:
        >>> import stface as gr
        >>> gr.HighlightedText().postprocess({"text": "Hi Ada", "entities": [{"entity": "PER", "start": 3, "end": 6}]})
        [('Hi ', None), ('Ada', 'PER'), ('', None)]
    """

    can_input = False

    def __init__(
        self,
        value: Any = None,
        *,
        color_map: dict[str, str] | None = None,
        show_legend: bool = False,
        combine_adjacent: bool = False,
        adjacent_separator: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        self.color_map = dict(color_map or {})
        self.show_legend = show_legend
        self.combine_adjacent = combine_adjacent
        self.adjacent_separator = adjacent_separator

    def postprocess(self, value: Any) -> list[Span] | None:
        """Pairs or an entities dict -> list of ``(text, category)`` pairs."""
        if value is None:
            return None
        spans = _from_entities(value) if isinstance(value, dict) else _from_pairs(value)
        return _combine(spans, self.adjacent_separator) if self.combine_adjacent else spans



def _from_entities(value: dict) -> list[Span]:
    try:
        text, entities = value["text"], value["entities"]
    except KeyError:
        raise ComponentValueError(
            "HighlightedText expects a dict with keys 'text' and 'entities', or a list of (text, category) pairs."
        ) from None
    if not entities:
        return [(text, None)]
    spans, index = [], 0
    for entity in sorted(entities, key=lambda e: e["start"]):
        spans.append((text[index : entity["start"]], None))
        spans.append((text[entity["start"] : entity["end"]], entity.get("entity") or entity.get("entity_group")))
        index = entity["end"]
    spans.append((text[index:], None))
    return spans


def _from_pairs(value: Sequence[Any]) -> list[Span]:
    spans = []
    for item in value:
        if not isinstance(item, (tuple, list)) or len(item) != 2:
            raise ComponentValueError(
                f"HighlightedText expects (text, category) pairs; got {item!r}. "
                "Return a list like [('Hello', 'greeting'), (' world', None)]."
            )
        spans.append((str(item[0]), item[1]))
    return spans


def _combine(spans: list[Span], separator: str) -> list[Span]:
    combined: list[Span] = []
    for text, category in spans:
        if combined and combined[-1][1] == category:
            combined[-1] = (combined[-1][0] + separator + text, category)
        elif combined and not text:
            continue  # empty gaps left between entities
        else:
            combined.append((text, category))
    return combined


_SAFE_COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|(rgb|rgba|hsl|hsla)\([0-9.,%\s]{1,40}\))$")


def _category_colour(category: str, color_map: dict[str, str], order: list[str]) -> str:
    """The colour_map's colour when it is a plain CSS colour; a palette colour otherwise."""
    colour = str(color_map.get(category, ""))
    if _SAFE_COLOUR.match(colour):
        return colour
    return _PALETTE[order.index(category) % len(_PALETTE)] if category in order else _PALETTE[0]


def highlighted_html(spans: list[Span], color_map: dict[str, str] | None = None, *, caption=None, legend=False) -> str:
    """Spans as HTML: categories as coloured marks, numbers as red/blue intensity."""
    color_map = color_map or {}
    categories = [c for c in dict.fromkeys(str(c) for _, c in spans if isinstance(c, str))]
    parts = ['<div class="stface-highlighted" style="line-height:2">']
    if caption:
        parts.append(f'<div style="font-size:0.875rem">{escape(caption)}</div>')
    if legend and categories:
        for category in categories:
            colour = _category_colour(category, color_map, categories)
            parts.append(
                f'<span style="background:{colour};padding:0 0.4em;margin-right:0.3em;border-radius:4px">'
                f"{escape(category)}</span>"
            )
        parts.append("<br>")
    for text, category in spans:
        if category is None:
            parts.append(f"<span>{escape(text)}</span>")
        elif isinstance(category, (int, float)) and not isinstance(category, bool):
            parts.append(f'<span class="stface-score" style="background:{score_background(category)}">{escape(text)}</span>')
        else:
            colour = _category_colour(str(category), color_map, categories)
            parts.append(
                f'<mark style="background:{colour};padding:0 0.2em;border-radius:4px">{escape(text)}'
                f'<span style="font-size:0.7em;font-weight:700;margin-left:0.3em">{escape(category)}</span></mark>'
            )
    parts.append("</div>")
    return "".join(parts)
