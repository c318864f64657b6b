"""Interpretation: which parts of the input pushed the prediction.

``explainable`` says what interpretation needs of an interface (a Protocol an
Interface satisfies); ``maskers`` split each kind of input into pieces and lay
explanations out for display; ``explainers`` runs leave-one-out, SHAP or the
app's own function; ``display`` and ``html`` are what the page draws. Pure:
nothing here imports Streamlit, the page or the Interface class.
"""

from stface.interpret.display import Cells, Display, Heatmap, Tokens
from stface.interpret.explainable import Explainable
from stface.interpret.explainers import explain, methods_for
from stface.interpret.maskers import display_for, masker_for

__all__ = ["Cells", "Display", "Explainable", "Heatmap", "Tokens", "display_for", "explain", "masker_for", "methods_for"]
