"""An explanation laid out for display: data, drawn by the page.

Each masker turns an explanation (Gradio 3.x's format for its component)
into one of these; ``stface.runtime.interpretation`` only draws them:
HTML for :class:`Tokens` and :class:`Cells`, a picture for :class:`Heatmap`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from stface.interpret.html import cells_html, text_html

__all__ = ["Cells", "Display", "Heatmap", "Tokens"]


@dataclass(frozen=True)
class Tokens:
    """Text as ``(token, score)`` pairs, each token highlighted by its score."""

    pairs: tuple[tuple[str, Any], ...]

    def html(self) -> str:
        return text_html(self.pairs)


@dataclass(frozen=True)
class Cells:
    """One cell per label, coloured by its score; a ``None`` score marks the current value."""

    labels: tuple[str, ...]
    scores: tuple[Any, ...]

    def html(self) -> str:
        return cells_html(self.labels, self.scores)


@dataclass(frozen=True, eq=False)
class Heatmap:
    """The input picture (H x W x 3, uint8) tinted red where it mattered."""

    picture: np.ndarray


Display = Tokens | Cells | Heatmap
