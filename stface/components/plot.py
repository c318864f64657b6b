"""Plot: a matplotlib, plotly, altair or bokeh figure, shown as its library draws it."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any, Literal

from stface.components.base import Component
from stface.errors import ComponentValueError

__all__ = ["LIBRARIES", "Plot", "PlotFigure", "figure_json", "figure_png", "plot_figure"]

#: The plotting libraries a Plot shows, as ``PlotFigure.library`` names them.
LIBRARIES = ("matplotlib", "plotly", "altair", "bokeh")

Library = Literal["matplotlib", "plotly", "altair", "bokeh"]


@dataclass(frozen=True)
class PlotFigure:
    """What a Plot shows: which library drew the figure, and the figure itself.

    ``figure`` is a ``matplotlib.figure.Figure``, a plotly ``Figure``, an
    altair chart or a bokeh model; nothing is converted, so the page draws it
    with the library's own Streamlit element.
    """

    library: Library
    figure: Any


def _root_package(value: Any) -> str:
    return (type(value).__module__ or "").split(".", 1)[0]


def _matplotlib_figure(value: Any) -> Any:
    """A Figure from a Figure, an Axes (or an array of them), a SubFigure or the ``pyplot`` module."""
    import matplotlib.pyplot as plt  # only when a matplotlib value was given: matplotlib is heavy
    from matplotlib.figure import Figure

    if isinstance(value, ModuleType):
        figure = plt.gcf()  # Gradio saves the current figure when fn returns ``plt``
    elif isinstance(value, Figure):
        figure = value
    elif hasattr(value, "get_figure"):  # Axes, SubFigure, artists
        figure = value.get_figure()
        for _ in range(8):  # a SubFigure's parent may be a SubFigure too
            if figure is None or isinstance(figure, Figure) or not hasattr(figure, "get_figure"):
                break
            figure = figure.get_figure()
    else:
        figure = None
    if not isinstance(figure, Figure):
        raise ComponentValueError(f"{type(value).__name__} is not in a matplotlib figure; return the Figure itself.")
    # pyplot keeps every figure it made alive until closed; the Figure still draws once closed (Gradio closes it too).
    plt.close(figure)
    return figure


def plot_figure(value: Any, *, label: str = "Plot") -> PlotFigure | None:
    """Recognise what fn returned: a figure of one of :data:`LIBRARIES`, or ``None``.

    Example:
        >>> import altair as alt
        >>> from stface.components.plot import plot_figure
        >>> plot_figure(alt.Chart().mark_point()).library
        'altair'
    """
    if value is None or isinstance(value, PlotFigure):
        return value
    if isinstance(value, ModuleType):
        if value.__name__.startswith("matplotlib"):
            return PlotFigure("matplotlib", _matplotlib_figure(value))
    elif _root_package(value) == "numpy" and getattr(value, "dtype", None) == "O" and value.size:
        first = value.flat[0]  # plt.subplots(2, 2) returns an array of Axes
        if _root_package(first) == "matplotlib":
            return PlotFigure("matplotlib", _matplotlib_figure(first))
    else:
        package = _root_package(value)
        if package == "matplotlib":
            return PlotFigure("matplotlib", _matplotlib_figure(value))
        if package == "plotly" and hasattr(value, "to_plotly_json"):
            return PlotFigure("plotly", value)
        if package == "altair" and hasattr(value, "to_dict"):
            return PlotFigure("altair", value)
        if package == "bokeh":
            return PlotFigure("bokeh", value)
        if _root_package(getattr(value, "figure", None)) == "matplotlib":  # seaborn's FacetGrid, JointGrid
            return PlotFigure("matplotlib", _matplotlib_figure(value.figure))
    raise ComponentValueError(
        f"Plot '{label}' shows a matplotlib Figure (or Axes, or the pyplot module), a plotly Figure, "
        f"an altair Chart or a bokeh figure; got {type(value).__module__}.{type(value).__name__}. "
        "For a table of numbers use gr.LinePlot, gr.ScatterPlot or gr.BarPlot."
    )


def figure_png(shown: PlotFigure) -> bytes:
    """A matplotlib figure as PNG bytes (flagging keeps the picture)."""
    import io

    buffer = io.BytesIO()
    shown.figure.savefig(buffer, format="png", bbox_inches="tight")
    return buffer.getvalue()


def figure_json(shown: PlotFigure) -> str:
    """The figure as Gradio's plot JSON, ``{"type": library, "plot": ...}`` (flagging writes it).

    matplotlib's ``plot`` is a PNG data URL, as in Gradio; plotly and altair
    give their own JSON, bokeh its ``json_item``.

    Example:
        >>> import json, plotly.graph_objects as go
        >>> from stface.components.plot import PlotFigure, figure_json
        >>> saved = json.loads(figure_json(PlotFigure("plotly", go.Figure(go.Bar(y=[1])))))
        >>> saved["type"], json.loads(saved["plot"])["data"][0]["type"]
        ('plotly', 'bar')
    """
    import json

    if shown.library == "matplotlib":
        import base64

        plot = "data:image/png;base64," + base64.b64encode(figure_png(shown)).decode("ascii")
    elif shown.library == "bokeh":
        from bokeh.embed import json_item  # bokeh is installed: it made the figure

        plot = json.dumps(json_item(shown.figure))
    else:
        plot = shown.figure.to_json()
    return json.dumps({"type": shown.library, "plot": plot})


class Plot(Component[PlotFigure | None]):
    """A figure from matplotlib, plotly, altair or bokeh, drawn by Streamlit's chart elements.

    fn returns a ``matplotlib.figure.Figure`` (an ``Axes`` or the ``pyplot``
    module stand for their figure), a plotly ``Figure``, an altair chart or a
    bokeh figure. ``demo(...)`` returns that figure. As an input (rare, as in
    Gradio) it shows its ``value`` and hands fn the figure.

    Bokeh figures are drawn by the ``streamlit-bokeh`` component
    (``pip install streamlit-bokeh``); Streamlit itself no longer draws them.

    Example:
        >>> import plotly.graph_objects as go, stface as gr
        >>> shown = gr.Plot().postprocess(go.Figure(go.Scatter(x=[1, 2], y=[3, 4])))
        >>> shown.library, type(shown.figure).__name__
        ('plotly', 'Figure')
    """

    gradio_ignored = frozenset({"format"})

    def postprocess(self, value: Any) -> PlotFigure | None:
        """A figure (or ``plt``, an Axes) -> :class:`PlotFigure` naming its library."""
        return plot_figure(value, label=self.display_label)

    def preprocess(self, payload: Any) -> Any:
        """The figure shown (Gradio hands fn the plot's data; there is no way to edit it)."""
        shown = self.postprocess(payload)
        return None if shown is None else shown.figure

    def as_python(self, payload: PlotFigure | None) -> Any:
        return None if payload is None else payload.figure

    def initial_payload(self) -> PlotFigure | None:
        """``value`` (called first when callable), never copied: figures are shown, not changed."""
        return self.postprocess(self.value() if callable(self.value) else self.value)
