"""Running an interpretation: leave-one-out, SHAP, or the app's own function.

Scores follow Gradio 3.50: they come from the first output (a Label's
confidence in the originally predicted class, a plain label's change, or a
Number's change). Leave-one-out scores of neighbour-style inputs (numbers,
sliders, choices, checkboxes) are negated, as Gradio does, so that for every
input a positive score means "this pushed toward the prediction".

Every perturbed input for every "default" input is gathered into one plan
and evaluated together: with ``batch=True`` that is one fn call per
``max_batch_size`` rows; without it, one call per row, and only the perturbed
input is converted again.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from stface.components.label import Label
from stface.components.number import Number
from stface.errors import Error
from stface.interpret.maskers import Masker, masker_for
from stface.paths import using_policy
from stface.pipeline import call_batch, call_fn, preprocess_all

if TYPE_CHECKING:
    from stface.interface import Interface

__all__ = ["explain", "methods_for"]

Progress = Callable[[int, int], None]
_METHODS = ("default", "shap", "shapley")


def methods_for(interface: Interface) -> list[str | None] | Callable:
    """Per-input methods (``"default"``, ``"shap"`` or None), or the custom function."""
    chosen = interface.interpretation
    if chosen is None:
        raise Error("This interface has no interpretation; pass interpretation='default' to Interface().")
    if callable(chosen):
        return chosen
    methods = [chosen] * len(interface.input_components) if isinstance(chosen, str) else list(chosen)
    if len(methods) != len(interface.input_components):
        raise ValueError(f"interpretation has {len(methods)} entries but the interface has {len(interface.input_components)} inputs.")
    methods = [m.lower() if isinstance(m, str) else m for m in methods]
    for method in methods:
        if method is not None and method not in _METHODS:
            raise ValueError(f"Unknown interpretation method {method!r}; use 'default', 'shap', None or a function.")
    return methods


def explain(interface: Interface, payloads: Sequence[Any], progress: Progress | None = None) -> list[Any]:
    """One explanation per input, in Gradio 3.x's per-component formats."""
    methods = methods_for(interface)
    with using_policy(interface.file_policy()):
        args = preprocess_all(interface.input_components, payloads)
        if callable(methods):
            result = methods(*args)
            return [result] if len(interface.input_components) == 1 else list(result)
        _check_output(interface)
        evaluate = _Evaluator(interface, progress)
        maskers = [masker_for(c) if m else None for c, m in zip(interface.input_components, methods)]
        plans = {i: maskers[i].neighbours(payloads[i]) for i, m in enumerate(methods) if m == "default"}
        rows = [args] + [_with(args, i, interface.input_components[i].preprocess(n)) for i, (ns, _) in plans.items() for n in ns]
        evaluate.total = len(rows)
        outputs = evaluate(rows)
        original, outputs = outputs[0], iter(outputs[1:])
        explanations: list[Any] = []
        for i, (method, masker) in enumerate(zip(methods, maskers)):
            if method is None:
                explanations.append(None)
            elif method == "default":
                neighbours, context = plans[i]
                scores = [masker.sign * _difference(interface, original, next(outputs)) for _ in neighbours]
                explanations.append(masker.arrange(payloads[i], neighbours, scores, context))
            else:
                explanations.append(_shap(interface, args, i, payloads[i], masker, original, evaluate))
        return explanations


def _with(args: list[Any], index: int, value: Any) -> list[Any]:
    row = list(args)
    row[index] = value
    return row


def _check_output(interface: Interface) -> None:
    if not interface.output_components or not isinstance(interface.output_components[0], (Label, Number)):
        got = type(interface.output_components[0]).__name__ if interface.output_components else "no output"
        raise Error(f"Interpretation needs a Label or Number as the first output; this interface has {got}.")


class _Evaluator:
    """fn's first output for many argument rows, batched when the interface is."""

    def __init__(self, interface: Interface, progress: Progress | None) -> None:
        self.interface, self.progress = interface, progress
        self.done, self.total, self.calls = 0, 0, 0

    def __call__(self, rows: list[list[Any]]) -> list[Any]:
        interface, results = self.interface, []
        n_outputs = len(interface.output_components)
        size = max(1, interface.max_batch_size) if interface.batch else 1
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            self.calls += 1
            if interface.batch:
                results.extend(row[0] for row in call_batch(interface.fn, chunk, n_outputs=n_outputs))
            else:
                result = call_fn(interface.fn, chunk[0], batch=False, n_outputs=n_outputs)
                results.append(result if n_outputs == 1 else result[0])
            self.done += len(chunk)
            if self.progress:
                self.progress(self.done, max(self.total, self.done))
        return results


def _label_value(raw: Any, label: str | None) -> Any:
    if isinstance(raw, dict):
        for key, value in raw.items():
            if str(key) == label:
                return value
    return 0.0


def _diff(original: Any, perturbed: Any) -> float:
    try:
        return float(original) - float(perturbed)
    except (TypeError, ValueError):
        return int(original != perturbed)


def _difference(interface: Interface, original: Any, perturbed: Any) -> float:
    """Gradio's ``quantify_difference_in_label``."""
    output = interface.output_components[0]
    before, after = output.postprocess(original), output.postprocess(perturbed)
    if isinstance(output, Label):
        if before.confidences is not None:
            return _label_value(original, before.label) - _label_value(perturbed, before.label)
        return _diff(before.label, after.label)
    return _diff(before, after)


def _shap_value(interface: Interface, original: Any, perturbed: Any) -> float:
    """Gradio's ``get_regression_or_classification_value``."""
    output = interface.output_components[0]
    before, after = output.postprocess(original), output.postprocess(perturbed)
    if isinstance(output, Label) and before.confidences is not None:
        value = float(_label_value(perturbed, before.label))
        return 0.0 if math.isnan(value) else value
    if isinstance(output, Label):
        return _diff(after.label, before.label)
    raise Error("SHAP interpretation needs a Label as the first output.")


def _shap(interface: Interface, args: list, index: int, payload: Any, masker: Masker, original: Any, evaluate: _Evaluator):
    if not masker.supports_shap:
        raise Error(f"{type(masker.component).__name__} inputs support 'default' interpretation, not 'shap'.")
    try:
        import shap
    except ImportError:
        raise ImportError("SHAP interpretation needs shap: pip install 'stface[interpret]'") from None
    tokens, context = masker.tokens(payload)
    component = interface.input_components[index]

    def predict(masks: np.ndarray) -> np.ndarray:
        rows = [_with(args, index, component.preprocess(masker.masked(tokens, mask))) for mask in masks]
        evaluate.total += len(rows)
        return np.array([_shap_value(interface, original, out) for out in evaluate(rows)])

    n = len(tokens)
    explainer = shap.KernelExplainer(predict, np.zeros((1, n)))
    with warnings.catch_warnings():  # scikit-learn's LARS warns about degenerate samples, harmlessly
        warnings.simplefilter("ignore")
        values = explainer.shap_values(np.ones((1, n)), nsamples=int(interface.num_shap * n), silent=True)
    scores = np.asarray(values).reshape(-1)[:n].tolist()
    return masker.arrange(payload, None, scores, context)
