"""Interpretation: which parts of the input pushed the prediction.

``maskers`` split each kind of input into pieces; ``explainers`` runs
leave-one-out, SHAP or the app's own function; ``html`` draws the result.
"""

from stface.interpret.explainers import explain, methods_for
from stface.interpret.maskers import masker_for

__all__ = ["explain", "masker_for", "methods_for"]
