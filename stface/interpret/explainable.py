"""What interpretation needs of an interface, and nothing more.

``explain`` works on anything shaped like :class:`Explainable`: a function,
its input and output components, its batching options, the interpretation
method(s) and the file policy for fn's outputs. ``stface.Interface`` (and
``Parallel`` / ``Series``) satisfy it structurally, so this package never
imports the Interface class, the page or Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from stface.components.base import Component
from stface.paths import FilePolicy

__all__ = ["Explainable", "Method"]

Method = str | None
"""``"default"``, ``"shap"`` (or ``"shapley"``), or None for an input left unexplained."""


class Explainable(Protocol):
    """The parts of an interface that interpretation uses.

    Attributes:
        fn: the prediction function; with ``batch`` it takes one list per input.
        input_components / output_components: the first output must be a Label or Number.
        batch / max_batch_size: evaluate perturbed inputs in batches of at most this size.
        num_shap: SHAP samples per token.
        interpretation: ``"default"``, ``"shap"``, one method per input, or a
            function returning the explanations itself (Gradio 3.x's formats).
    """

    # Read-only properties, so that plain attributes (an Interface's) satisfy them.
    @property
    def fn(self) -> Callable[..., Any]: ...
    @property
    def input_components(self) -> Sequence[Component]: ...
    @property
    def output_components(self) -> Sequence[Component]: ...
    @property
    def batch(self) -> bool: ...
    @property
    def max_batch_size(self) -> int: ...
    @property
    def num_shap(self) -> float: ...
    @property
    def interpretation(self) -> str | Sequence[Method] | Callable[..., Any] | None: ...

    def file_policy(self) -> FilePolicy:
        """Which files fn's outputs may name (see ``stface.paths``)."""
        ...
