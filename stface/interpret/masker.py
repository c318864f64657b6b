"""The masker contract: how one input's value is split, perturbed, and its scores laid out.

Every masker in ``stface.interpret.maskers`` and ``stface.interpret.image_masker``
is one of these. Pure: no Streamlit, no Interface.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from stface.interpret.display import Cells, Display

__all__ = ["Masker"]


@dataclass
class Masker:
    """Base: ``sign`` is -1 where Gradio negates neighbour scores."""

    component: Any
    sign: int = -1
    supports_shap: bool = False

    def neighbours(self, payload: Any) -> tuple[list[Any], Any]:
        """Perturbed payloads, and whatever ``arrange`` needs to lay out scores."""
        raise NotImplementedError

    def arrange(self, payload: Any, neighbours: list[Any], scores: list[float], context: Any) -> Any:
        return scores

    def prepared(self, neighbour: Any) -> Any:
        """One of ``neighbours`` as fn receives it: the component's ``preprocess``."""
        return self.component.preprocess(neighbour)

    def masked_all(self, tokens: Any, masks: np.ndarray) -> list[Any]:
        """One payload per row of ``masks`` (SHAP's coalitions), keeping the tokens marked 1."""
        return [self.masked(tokens, mask) for mask in masks]

    def masked(self, tokens: Any, mask: np.ndarray) -> Any:
        raise NotImplementedError

    def display(self, payload: Any, explanation: Any) -> Display:
        """The explanation laid out for the page: here one cell per score (audio segments, anything custom)."""
        scores = list(explanation)
        return Cells(tuple(f"part {i + 1}" for i in range(len(scores))), tuple(scores))
