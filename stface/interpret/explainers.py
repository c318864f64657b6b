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

``explain`` works on anything shaped like
:class:`~stface.interpret.explainable.Explainable` (an Interface is one):
this package never imports the Interface class.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from stface.components._codecs import decoding_once
from stface.components.label import Label
from stface.components.number import Number
from stface.errors import Error
from stface.interpret.explainable import Explainable
from stface.interpret.maskers import Masker, masker_for
from stface.paths import using_policy
from stface.pipeline import call_batch, call_fn, preprocess_all

__all__ = ["explain", "methods_for"]

Progress = Callable[[int, int], None]
_METHODS = ("default", "shap", "shapley")


def methods_for(subject: Explainable) -> list[str | None] | Callable:
    """Per-input methods (``"default"``, ``"shap"`` or None), or the custom function."""
    chosen = subject.interpretation
    if chosen is None:
        raise Error("This interface has no interpretation; pass interpretation='default' to Interface().")
    if callable(chosen):
        return chosen
    inputs = subject.input_components
    methods = [chosen] * len(inputs) if isinstance(chosen, str) else list(chosen)
    if len(methods) != len(inputs):
        raise ValueError(f"interpretation has {len(methods)} entries but the interface has {len(inputs)} inputs.")
    methods = [m.lower() if isinstance(m, str) else m for m in methods]
    for method in methods:
        if method is not None and method not in _METHODS:
            raise ValueError(f"Unknown interpretation method {method!r}; use 'default', 'shap', None or a function.")
    return methods


def explain(subject: Explainable, payloads: Sequence[Any], progress: Progress | None = None) -> list[Any]:
    """One explanation per input, in Gradio 3.x's per-component formats."""
    methods = methods_for(subject)
    inputs = subject.input_components
    with using_policy(subject.file_policy()), decoding_once():
        args = preprocess_all(inputs, payloads)
        if callable(methods):
            result = methods(*args)
            return [result] if len(inputs) == 1 else list(result)
        _check_output(subject)
        evaluate = _Evaluator(subject, progress)
        maskers = [masker_for(c) if m else None for c, m in zip(inputs, methods)]
        plans = {i: maskers[i].neighbours(payloads[i]) for i, m in enumerate(methods) if m == "default"}
        rows = [args] + [_with(args, i, maskers[i].prepared(n)) for i, (ns, _) in plans.items() for n in ns]
        evaluate.total = len(rows)
        outputs = evaluate(rows)
        outcome = _Outcome(subject.output_components[0], outputs[0])
        perturbed = iter(outputs[1:])
        explanations: list[Any] = []
        for i, (method, masker) in enumerate(zip(methods, maskers)):
            if method is None:
                explanations.append(None)
            elif method == "default":
                neighbours, context = plans[i]
                scores = [masker.sign * outcome.difference(next(perturbed)) for _ in range(len(neighbours))]
                explanations.append(masker.arrange(payloads[i], neighbours, scores, context))
            else:
                explanations.append(_shap(subject, args, i, payloads[i], masker, outcome, evaluate))
        return explanations


def _with(args: list[Any], index: int, value: Any) -> list[Any]:
    row = list(args)
    row[index] = value
    return row


def _check_output(subject: Explainable) -> None:
    outputs = subject.output_components
    if not outputs or not isinstance(outputs[0], (Label, Number)):
        got = type(outputs[0]).__name__ if outputs else "no output"
        raise Error(f"Interpretation needs a Label or Number as the first output; this interface has {got}.")


class _Evaluator:
    """fn's first output for many argument rows, batched when the subject is."""

    def __init__(self, subject: Explainable, progress: Progress | None) -> None:
        self.fn, self.progress = subject.fn, progress
        self.n_outputs = len(subject.output_components)
        self.size = max(1, subject.max_batch_size) if subject.batch else 0
        self.done, self.total, self.calls = 0, 0, 0

    def __call__(self, rows: list[list[Any]]) -> list[Any]:
        fn, n_outputs, size, results = self.fn, self.n_outputs, self.size, []
        for start in range(0, len(rows), size or 1):
            if size:
                chunk = rows[start : start + size]
                results.extend(row[0] for row in call_batch(fn, chunk, n_outputs=n_outputs))
            else:
                chunk = rows[start : start + 1]
                result = call_fn(fn, chunk[0], batch=False, n_outputs=n_outputs)
                results.append(result if n_outputs == 1 else result[0])
            self.calls += 1
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


class _Outcome:
    """The original prediction, postprocessed once, against which perturbed ones are scored."""

    def __init__(self, output: Any, original: Any) -> None:
        self.output, self.original = output, original
        self.before = output.postprocess(original)
        self.label = isinstance(output, Label)
        self.confident = self.label and self.before.confidences is not None

    def difference(self, perturbed: Any) -> float:
        """Gradio's ``quantify_difference_in_label``."""
        after = self.output.postprocess(perturbed)
        if self.confident:
            return _label_value(self.original, self.before.label) - _label_value(perturbed, self.before.label)
        if self.label:
            return _diff(self.before.label, after.label)
        return _diff(self.before, after)

    def shap_value(self, perturbed: Any) -> float:
        """Gradio's ``get_regression_or_classification_value``."""
        if not self.label:
            raise Error("SHAP interpretation needs a Label as the first output.")
        after = self.output.postprocess(perturbed)
        if self.confident:
            value = float(_label_value(perturbed, self.before.label))
            return 0.0 if math.isnan(value) else value
        return _diff(after.label, self.before.label)


def _shap(subject: Explainable, args: list, index: int, payload: Any, masker: Masker, outcome: _Outcome,
          evaluate: _Evaluator) -> Any:  # fmt: skip
    if not masker.supports_shap:
        raise Error(f"{type(masker.component).__name__} inputs support 'default' interpretation, not 'shap'.")
    try:
        import shap
    except ImportError:
        raise ImportError("SHAP interpretation needs shap: pip install 'stface[interpret]'") from None
    tokens, context = masker.tokens(payload)
    component = subject.input_components[index]

    def predict(masks: np.ndarray) -> np.ndarray:
        rows = [_with(args, index, component.preprocess(masked)) for masked in masker.masked_all(tokens, masks)]
        evaluate.total += len(rows)
        return np.array([outcome.shap_value(out) for out in evaluate(rows)])

    n = len(tokens)
    explainer = shap.KernelExplainer(predict, np.zeros((1, n)))
    with warnings.catch_warnings():  # scikit-learn's LARS warns about degenerate samples, harmlessly
        warnings.simplefilter("ignore")
        values = explainer.shap_values(np.ones((1, n)), nsamples=int(subject.num_shap * n), silent=True)
    scores = np.asarray(values).reshape(-1)[:n].tolist()
    return masker.arrange(payload, None, scores, context)
