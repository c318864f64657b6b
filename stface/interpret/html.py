"""Drawing explanations: red toward the prediction, blue away, by strength.

Pure builders. Every label and token is escaped, and every score becomes a
finite float in [-1, 1] (scaled by the largest magnitude) before it becomes
a colour.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from stface.components._html import escape, score_background, unit_score

__all__ = ["cells_html", "heatmap", "normalise", "text_html"]


def _finite(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def normalise(scores: Sequence[Any]) -> list[float | None]:
    """Scores scaled by the largest magnitude into [-1, 1]; ``None`` stays ``None``."""
    finite = [None if s is None else _finite(s) for s in scores]
    peak = max((abs(s) for s in finite if s is not None), default=0.0)
    return [None if s is None else unit_score(s / peak if peak else 0.0) for s in finite]


def text_html(pairs: Sequence[Sequence[Any]]) -> str:
    """``[(token, score), ...]`` as highlighted tokens."""
    pairs = [(str(p[0]), p[1]) for p in pairs]
    scores = normalise([score for _, score in pairs])
    spans = []
    for (token, _), score in zip(pairs, scores):
        spans.append(
            f'<span class="stface-token" data-score="{score:.3f}" '
            f'style="background:{score_background(score)};padding:2px 0;border-radius:3px">{escape(token)}</span>'
        )
    return f'<div class="stface-interpretation" style="line-height:2;white-space:pre-wrap">{"".join(spans)}</div>'


def cells_html(labels: Sequence[Any], scores: Sequence[Any]) -> str:
    """One cell per label; a ``None`` score marks the current value."""
    cells = []
    for label, score in zip(labels, normalise(list(scores))):
        if score is None:
            style, marker = "border:2px solid currentColor", ' data-current="true"'
        else:
            style, marker = f"background:{score_background(score)};border:1px solid rgba(128,128,128,0.4)", ""
        cells.append(
            f'<div class="stface-cell"{marker} style="{style};padding:4px 8px;border-radius:4px;'
            f'min-width:3em;text-align:center">{escape(label)}</div>'
        )
    return f'<div class="stface-interpretation" style="display:flex;flex-wrap:wrap;gap:4px">{"".join(cells)}</div>'


def heatmap(image: np.ndarray, scores: Any, strength: float = 0.6) -> np.ndarray:
    """The picture with red laid over the parts that mattered (scores in 0..1)."""
    heat = np.clip(np.nan_to_num(np.asarray(scores, dtype=float)), 0.0, 1.0)
    picture = np.asarray(image)
    if picture.ndim == 2:
        picture = np.stack([picture] * 3, axis=-1)
    alpha = heat * strength
    tinted = picture[..., :3] * (1 - alpha)[..., None]  # each channel faded, then red added
    tinted[..., 0] += 255 * alpha
    return np.clip(tinted, 0, 255).astype(np.uint8)
