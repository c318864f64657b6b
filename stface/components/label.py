"""Label: a classification result, with optional confidences."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from stface.components._html import escape, unit_score
from stface.components.base import Component
from stface.errors import ComponentValueError

__all__ = ["Label", "LabelData", "label_html"]


@dataclass(frozen=True)
class LabelData:
    """What a Label shows: the top class and, if given, sorted confidences."""

    label: str | None = None
    confidences: tuple[tuple[str, float], ...] | None = None


def _confidence(name: str, value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ComponentValueError(f"Label confidence for {name!r} must be a number, got {value!r}.") from None
    if not math.isfinite(number):
        raise ComponentValueError(f"Label confidence for {name!r} must be finite, got {value!r}.")
    return number


class Label(Component[LabelData]):
    """Shows a class name, or the top classes with confidence bars.

    fn may return a ``dict`` of ``{class: confidence}``, a ``str`` class name,
    or a number (shown as text). ``demo(...)`` returns the dict (sorted, cut to
    ``num_top_classes``) or the class name.

    Args:
        num_top_classes: how many of the most confident classes to show.

    Example:
        >>> import stface as gr
        >>> gr.Label(num_top_classes=1).postprocess({"cat": 0.2, "dog": 0.8})
        LabelData(label='dog', confidences=(('dog', 0.8),))
    """

    can_input = False

    def __init__(self, value: Any = None, *, num_top_classes: int | None = None, **kwargs: Any) -> None:
        super().__init__(value, **kwargs)
        self.num_top_classes = num_top_classes

    def postprocess(self, value: Any) -> LabelData:
        """``dict`` / ``str`` / number -> :class:`LabelData`."""
        if value is None or value == {}:
            return LabelData()
        if isinstance(value, LabelData):
            return value
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return LabelData(label=str(value))
        if isinstance(value, dict):
            if isinstance(value.get("confidences"), list):  # Gradio's own postprocessed form
                value = {c["label"]: c["confidence"] for c in value["confidences"]}
            pairs = [(str(k), _confidence(str(k), v)) for k, v in value.items()]
            pairs.sort(key=lambda pair: pair[1], reverse=True)
            if self.num_top_classes is not None:
                pairs = pairs[: self.num_top_classes]
            return LabelData(label=pairs[0][0] if pairs else None, confidences=tuple(pairs))
        raise ComponentValueError(
            f"Label '{self.display_label}' expects a dict of {{class: confidence}}, a class name (str) "
            f"or a number; fn returned {type(value).__name__}."
        )

    def as_python(self, payload: LabelData) -> dict[str, float] | str | None:
        if payload.confidences is not None:
            return dict(payload.confidences)
        return payload.label



def label_html(data: LabelData, caption: str | None = None) -> str:
    """The Label as HTML: the top class large, then one bar per confidence."""
    parts = ['<div class="stface-label" style="font-family:inherit">']
    if caption:
        parts.append(f'<div style="font-size:0.875rem;margin-bottom:0.25rem">{escape(caption)}</div>')
    top = "" if data.label is None else escape(data.label)
    parts.append(f'<div class="stface-label-top" style="font-size:2rem;font-weight:700">{top}</div>')
    for name, confidence in data.confidences or ():
        percent = unit_score(confidence, low=0.0) * 100
        parts.append(
            '<div class="stface-label-row" style="margin:0.35rem 0">'
            '<div style="display:flex;justify-content:space-between">'
            f'<span class="stface-label-name">{escape(name)}</span><span>{percent:.0f}%</span></div>'
            '<div style="background:rgba(128,128,128,0.2);border-radius:4px;height:8px">'
            f'<div style="width:{percent:.2f}%;background:#f97316;height:8px;border-radius:4px"></div>'
            "</div></div>"
        )
    parts.append("</div>")
    return "".join(parts)
