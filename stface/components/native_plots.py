"""LinePlot, ScatterPlot and BarPlot: a pandas DataFrame drawn as a Vega-Lite chart.

The chart is a Vega-Lite spec built here as a plain dict (the page hands it to
``st.vega_lite_chart`` with the table), following what Gradio 6's front end
builds from the same options, plus Gradio 3.50's (``stroke_dash``, ``size``,
``shape``, ``vertical``, ``group``, legend titles and positions).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from stface.components._vega import (
    AGGREGATES,
    CATEGORY10,
    CONTINUOUS,
    LEGEND_POSITIONS,
    SORTS,
    TOOLTIPS,
    bin_step,
    column_types,
    field,
    frame_from,
    legend,
    limits,
    plain,
    time_ms,
)
from stface.components.base import Component
from stface.errors import ComponentValueError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BarPlot", "LinePlot", "NativePlot", "ScatterPlot"]

class NativePlot(Component["pd.DataFrame | None"]):
    """What LinePlot, ScatterPlot and BarPlot share: a DataFrame in, a Vega-Lite chart out.

    Options are Gradio's, in its 3.50 and 6 spellings: ``x``, ``y`` and
    ``color`` name columns; ``title``, ``x_title``, ``y_title``,
    ``color_title`` (3.50: ``color_legend_title``); ``x_lim`` / ``y_lim``
    (either end may be None); ``x_bin`` (a number, or ``"15m"`` for time) with
    ``y_aggregate`` (``"sum"``, ``"mean"``, ...); ``sort`` (``"x"``, ``"-x"``,
    ``"y"``, ``"-y"`` or the categories in order); ``tooltip`` (``"axis"``,
    ``"all"``, ``"none"`` or columns to add); ``color_map``
    (``{series: colour}``); ``colors_in_legend``; label angles and d3 axis
    formats; ``height`` / ``width``; ``caption`` under the chart.
    ``interactive=False`` turns off zooming and panning (Gradio 3.50).

    As an input (Gradio 6 allows it) it shows ``value`` and hands fn that DataFrame.

    Example:
        >>> import pandas as pd, stface as gr
        >>> plot = gr.LinePlot(x="day", y="sales", title="Sales")
        >>> spec = plot.vega_lite_spec(pd.DataFrame({"day": [1, 2], "sales": [3, 5]}))
        >>> spec["title"], spec["encoding"]["x"]["field"], [layer["mark"]["type"] for layer in spec["layer"]]
        ('Sales', 'day', ['line', 'point'])
    """

    #: The Vega-Lite mark (Gradio's ``get_mark``).
    mark: ClassVar[str] = "line"
    gradio_ignored = frozenset({"show_actions_button", "x_label_angle_visible"})

    def __init__(
        self,
        value: Any = None,
        x: str | None = None,
        y: str | None = None,
        *,
        color: str | None = None,
        title: str | None = None,
        tooltip: Literal["axis", "none", "all"] | list[str] | str | None = "axis",
        x_title: str | None = None,
        y_title: str | None = None,
        color_title: str | None = None,
        color_legend_title: str | None = None,
        color_legend_position: str | None = None,
        x_bin: str | float | None = None,
        y_aggregate: Literal["sum", "mean", "median", "min", "max", "count"] | None = None,
        color_map: dict[str, str] | None = None,
        colors_in_legend: list[str] | None = None,
        x_lim: Sequence[Any] | None = None,
        y_lim: Sequence[Any] | None = None,
        x_label_angle: float | None = None,
        y_label_angle: float | None = None,
        x_axis_format: str | None = None,
        y_axis_format: str | None = None,
        x_axis_labels_visible: bool | Literal["hidden"] = True,
        sort: Literal["x", "y", "-x", "-y"] | list[str] | None = None,
        height: int | None = None,
        width: int | None = None,
        caption: str | None = None,
        label: str | None = None,
        show_label: bool | None = None,
        **kwargs: Any,
    ) -> None:
        if label is None and show_label is None:
            show_label = False  # Gradio 6: a plot without a label shows none
        super().__init__(value, label=label, show_label=show_label, **kwargs)
        if y_aggregate is not None and y_aggregate not in AGGREGATES:
            raise ValueError(f"y_aggregate must be one of {', '.join(AGGREGATES)}; got {y_aggregate!r}.")
        if sort is not None and not isinstance(sort, (list, tuple)) and sort not in SORTS:
            raise ValueError(f"sort must be 'x', 'y', '-x', '-y', a list of categories or None; got {sort!r}.")
        self._check_position("color_legend_position", color_legend_position)
        self.x, self.y, self.color = x, y, color
        self.title, self.x_title, self.y_title = title, x_title, y_title
        self.color_title = color_title if color_title is not None else color_legend_title
        self.color_legend_position = color_legend_position
        self.tooltip = tooltip
        self.x_bin, self.y_aggregate = x_bin, y_aggregate
        bin_step(x_bin)  # checked now, so a typo fails where it was written
        self.color_map = dict(color_map) if color_map else None
        self.colors_in_legend = list(colors_in_legend) if colors_in_legend is not None else None
        self.x_lim, self.y_lim = limits(x_lim, "x_lim"), limits(y_lim, "y_lim")
        self.x_label_angle, self.y_label_angle = x_label_angle, y_label_angle
        self.x_axis_format, self.y_axis_format = x_axis_format, y_axis_format
        self.x_axis_labels_visible = x_axis_labels_visible
        self.sort = list(sort) if isinstance(sort, (list, tuple)) else sort
        self.height, self.width, self.caption = height, width, caption

    @staticmethod
    def _check_position(name: str, position: str | None) -> None:
        if position is not None and position not in LEGEND_POSITIONS:
            raise ValueError(f"{name} must be one of {', '.join(LEGEND_POSITIONS)}; got {position!r}.")

    # -- conversions --------------------------------------------------------

    def to_frame(self, value: Any) -> pd.DataFrame | None:
        """The DataFrame a value stands for (``None`` for none)."""
        return None if value is None else frame_from(value, what=f"{type(self).__name__} '{self.display_label}'")

    def preprocess(self, payload: Any) -> pd.DataFrame | None:
        """The DataFrame shown, as given."""
        return self.to_frame(payload)

    def postprocess(self, value: Any) -> pd.DataFrame | None:
        """A DataFrame to draw; its ``x``, ``y`` and ``color`` columns are checked now, so fn's mistake shows as one."""
        frame = self.to_frame(value)
        if frame is not None:
            self.chart_data(frame)
        return frame

    def initial_payload(self) -> pd.DataFrame | None:
        return self.to_frame(super().initial_payload())

    # -- the chart (pure: the page draws it) ---------------------------------

    def _columns_used(self) -> list[str]:
        """Every column an option names (``x``, ``y``, ``color`` and the variants' own)."""
        return [c for c in (self.x, self.y, self.color) if c]

    def chart_data(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The table to draw: column names as text, the index as a column when ``x`` or ``y`` names it."""
        what = f"{type(self).__name__} '{self.display_label}'"
        if not self.x or not self.y:
            columns = ", ".join(map(str, frame.columns)) or "none"
            raise ComponentValueError(f"{what} needs x= and y=, the columns to draw (the DataFrame has: {columns}).")
        data = frame.copy()
        data.columns = [str(c) for c in data.columns]
        index_names = [str(n) for n in data.index.names if n is not None]
        if any(c not in data.columns and c in index_names for c in self._columns_used()):
            data = data.reset_index()
            data.columns = [str(c) for c in data.columns]
        missing = [c for c in self._columns_used() if c not in data.columns]
        if missing:
            raise ComponentValueError(f"{what}: the DataFrame has no column {missing[0]!r}; it has "
                                      f"{', '.join(map(repr, data.columns)) or 'none'}. Set x=, y= and color= "
                                      "to columns of the DataFrame fn returns.")  # fmt: skip
        return data

    def _aggregate(self, types: dict[str, str]) -> str | None:
        """Gradio 6: bars and lines over categories, and any binned x, sum y (or ``y_aggregate``)."""
        aggregating = self.x_bin is not None or (self.mark != "point" and types[self.x] == "nominal")
        return (self.y_aggregate or "sum") if aggregating else None

    def _axis(self, angle: float | None, number_format: str | None, visible: Any = True) -> dict[str, Any]:
        axis: dict[str, Any] = {}
        if angle is not None:
            axis["labelAngle"] = angle
        if number_format is not None:
            axis["format"] = number_format
        if visible is False or visible == "hidden":
            axis["labels"] = axis["ticks"] = False
        return axis

    def _scale(self, limits: list[Any] | None, *, temporal: bool, zero: bool) -> dict[str, Any]:
        scale: dict[str, Any] = {} if zero else {"zero": False}
        if limits:
            low, high = (time_ms(v) for v in limits) if temporal else limits
            if low is not None:
                scale["domainMin"] = low
            if high is not None:
                scale["domainMax"] = high
        return scale

    def _sort(self) -> Any:
        return (
            {"x": "ascending", "-x": "descending"}.get(self.sort, self.sort)
            if isinstance(self.sort, str)
            else self.sort
        )

    def _color(self, data: pd.DataFrame, types: dict[str, str]) -> dict[str, Any]:
        color = self.color
        encoding: dict[str, Any] = {"field": field(color), "type": types[color]}
        shown = legend(self.color_legend_position, self.color_title or color, "bottom")
        if shown is not None and self.colors_in_legend is not None:
            shown = {**shown, "values": list(self.colors_in_legend)} if self.colors_in_legend else None
        encoding["legend"] = shown
        if types[color] == "nominal":
            domain = data[color].dropna().drop_duplicates().tolist()
            scale: dict[str, Any] = {"domain": domain}
            if self.color_map:
                spare = iter(CATEGORY10 * (len(domain) // len(CATEGORY10) + 1))
                scale["range"] = [self.color_map.get(str(v)) or self.color_map.get(v) or next(spare) for v in domain]
            encoding["scale"] = scale
        return encoding

    def _tooltip(self, data: pd.DataFrame, types: dict[str, str], aggregate: str | None) -> list[dict] | None:
        tooltip = self.tooltip
        if tooltip is None or tooltip == "none":
            return None
        x, y = self.x, self.y
        tips: list[dict[str, Any]] = [
            {"field": field(y), "type": types[y], "title": self.y_title or y,
             **({"aggregate": aggregate} if aggregate else {})},
            {"field": field(x), "type": types[x], "title": self.x_title or x,
             **({"format": "%Y-%m-%d %H:%M:%S"} if types[x] == "temporal" else {}),
             **({"bin": {"step": bin_step(self.x_bin)}} if self.x_bin is not None else {})},
        ]  # fmt: skip
        shown = {x, y}
        for extra in self._columns_used():
            if extra not in shown:
                tips.append({"field": field(extra), "type": types[extra]})
                shown.add(extra)
        if aggregate is None:  # more columns would split the aggregated groups
            wanted = (
                list(data.columns) if tooltip == "all" else [tooltip] if isinstance(tooltip, str) else list(tooltip)
            )
            for column in wanted:
                column = str(column)
                if column in data.columns and column not in shown and column not in TOOLTIPS:
                    tips.append({"field": field(column), "type": types[column]})
                    shown.add(column)
        return tips

    def encoding(self, data: pd.DataFrame, types: dict[str, str]) -> dict[str, Any]:
        """The Vega-Lite encoding of ``data`` (whose columns ``chart_data`` checked)."""
        x, y = self.x, self.y
        aggregate = self._aggregate(types)
        temporal = types[x] == "temporal"
        bars = self.mark == "bar"
        encoding: dict[str, Any] = {
            "x": {"field": field(x), "type": types[x], "title": self.x_title or x,
                  "axis": self._axis(self.x_label_angle, self.x_axis_format, self.x_axis_labels_visible),
                  "scale": self._scale(self.x_lim, temporal=temporal, zero=bars)},
            "y": {"field": field(y), "type": types[y], "title": self.y_title or y,
                  "axis": self._axis(self.y_label_angle, self.y_axis_format),
                  "scale": self._scale(self.y_lim, temporal=types[y] == "temporal", zero=bars)},
        }  # fmt: skip
        if self.x_bin is not None:
            encoding["x"]["bin"] = {"step": bin_step(self.x_bin)}
        if self.sort is not None:
            encoding["x"]["sort"] = self._sort()
        if aggregate:
            encoding["y"]["aggregate"] = aggregate
        if self.color:
            encoding["color"] = self._color(data, types)
        tooltip = self._tooltip(data, types, aggregate)
        if tooltip:
            encoding["tooltip"] = tooltip
        return encoding

    def _zoomable(self, encoding: dict[str, Any]) -> bool:
        """Gradio 3.50's ``interactive``: pan and zoom where both axes are continuous and unbinned."""
        return self.interactive is not False and all(
            encoding[c]["type"] in CONTINUOUS and "bin" not in encoding[c] and "aggregate" not in encoding[c]
            for c in ("x", "y")
        )

    @property
    def _clip(self) -> bool:
        """Marks are cut at the axes only where limits are set (else points on the edge would be cut in half)."""
        return bool(self.x_lim or self.y_lim)

    def _marks(self, encoding: dict[str, Any]) -> dict[str, Any]:
        """The mark part of the spec: ``{"mark": ...}`` or ``{"layer": [...]}``."""
        return {"mark": {"type": self.mark, "clip": self._clip}}

    def vega_lite_spec(self, frame: pd.DataFrame) -> dict[str, Any]:
        """The Vega-Lite spec that draws ``frame`` (the data itself is passed beside it).

        Example:
            >>> import pandas as pd, stface as gr
            >>> spec = gr.BarPlot(x="fruit", y="n").vega_lite_spec(pd.DataFrame({"fruit": ["a", "a"], "n": [1, 2]}))
            >>> spec["mark"]["type"], spec["encoding"]["y"]["aggregate"]
            ('bar', 'sum')
        """
        data = self.chart_data(frame)
        types = column_types(data)
        encoding = self.encoding(data, types)
        spec: dict[str, Any] = {"encoding": encoding, **self._marks(encoding)}
        if self._zoomable(encoding):
            zoom = {"name": "stface_zoom", "select": "interval", "bind": "scales"}
            target = spec["layer"][0] if "layer" in spec else spec
            target["params"] = [zoom]
        if self.title:
            spec["title"] = self.title
        if self.height:
            spec["height"] = int(self.height)
        if self.width:
            spec["width"] = int(self.width)
        return plain(spec)


class LinePlot(NativePlot):
    """A line chart of a DataFrame: ``x`` against ``y``, one line per ``color``.

    Gradio 3.50's ``overlay_point`` draws a point on each row (points are
    always there, invisible, to carry tooltips), ``stroke_dash`` dashes lines
    by a column.

    Example:
        >>> import pandas as pd, stface as gr
        >>> plot = gr.LinePlot(x="t", y="v", overlay_point=True)
        >>> spec = plot.vega_lite_spec(pd.DataFrame({"t": [0, 1, 2], "v": [1.0, 0.5, 2.0]}))
        >>> spec["layer"][1]["encoding"]["opacity"]
        {'value': 1}
    """

    mark = "line"

    def __init__(
        self,
        value: Any = None,
        x: str | None = None,
        y: str | None = None,
        *,
        overlay_point: bool | None = None,
        stroke_dash: str | None = None,
        stroke_dash_legend_title: str | None = None,
        stroke_dash_legend_position: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, x, y, **kwargs)
        self._check_position("stroke_dash_legend_position", stroke_dash_legend_position)
        self.overlay_point = overlay_point
        self.stroke_dash = stroke_dash
        self.stroke_dash_legend_title = stroke_dash_legend_title
        self.stroke_dash_legend_position = stroke_dash_legend_position

    def _columns_used(self) -> list[str]:
        return super()._columns_used() + ([self.stroke_dash] if self.stroke_dash else [])

    def encoding(self, data: pd.DataFrame, types: dict[str, str]) -> dict[str, Any]:
        encoding = super().encoding(data, types)
        if self.stroke_dash:
            encoding["strokeDash"] = {
                "field": field(self.stroke_dash),
                "type": "nominal",
                "legend": legend(self.stroke_dash_legend_position, self.stroke_dash_legend_title or self.stroke_dash),
            }
        return encoding

    def _marks(self, encoding: dict[str, Any]) -> dict[str, Any]:
        points = {"type": "point", "clip": self._clip, "filled": True}
        return {
            "layer": [
                {"mark": {"type": "line", "clip": self._clip}},
                {"mark": points, "encoding": {"opacity": {"value": 1 if self.overlay_point else 0}}},
            ]
        }


class ScatterPlot(NativePlot):
    """A scatter chart of a DataFrame: a point per row at (``x``, ``y``).

    ``color`` may be a number column (a colour gradient) or categories;
    Gradio 3.50's ``size`` and ``shape`` map columns to point size and shape.

    Example:
        >>> import pandas as pd, stface as gr
        >>> plot = gr.ScatterPlot(x="w", y="h", size="age")
        >>> spec = plot.vega_lite_spec(pd.DataFrame({"w": [1, 2], "h": [3, 4], "age": [5, 6]}))
        >>> spec["mark"]["type"], spec["encoding"]["size"]["type"]
        ('point', 'quantitative')
    """

    mark = "point"

    def __init__(
        self,
        value: Any = None,
        x: str | None = None,
        y: str | None = None,
        *,
        size: str | None = None,
        shape: str | None = None,
        size_legend_title: str | None = None,
        size_legend_position: str | None = None,
        shape_legend_title: str | None = None,
        shape_legend_position: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, x, y, **kwargs)
        self._check_position("size_legend_position", size_legend_position)
        self._check_position("shape_legend_position", shape_legend_position)
        self.size, self.shape = size, shape
        self.size_legend_title, self.size_legend_position = size_legend_title, size_legend_position
        self.shape_legend_title, self.shape_legend_position = shape_legend_title, shape_legend_position

    def _columns_used(self) -> list[str]:
        return super()._columns_used() + [c for c in (self.size, self.shape) if c]

    def encoding(self, data: pd.DataFrame, types: dict[str, str]) -> dict[str, Any]:
        encoding = super().encoding(data, types)
        for channel, column, title, position in (
            ("size", self.size, self.size_legend_title, self.size_legend_position),
            ("shape", self.shape, self.shape_legend_title, self.shape_legend_position),
        ):
            if column:
                kind = "quantitative" if types[column] == "quantitative" and channel == "size" else "nominal"
                encoding[channel] = {"field": field(column), "type": kind, "legend": legend(position, title or column)}
        return encoding

    def _marks(self, encoding: dict[str, Any]) -> dict[str, Any]:
        return {"mark": {"type": "point", "clip": self._clip, "filled": True}}


class BarPlot(NativePlot):
    """A bar chart of a DataFrame: bars of ``y`` (summed per ``x`` category, or ``y_aggregate``).

    Gradio 3.50's ``vertical=False`` lays the bars sideways and ``group``
    puts side-by-side charts per value of a column.

    Example:
        >>> import pandas as pd, stface as gr
        >>> plot = gr.BarPlot(x="fruit", y="n", vertical=False, sort="-y")
        >>> spec = plot.vega_lite_spec(pd.DataFrame({"fruit": ["a", "b"], "n": [1, 2]}))
        >>> spec["encoding"]["y"]["field"], spec["encoding"]["y"]["sort"], spec["encoding"]["x"]["aggregate"]
        ('fruit', '-x', 'sum')
    """

    mark = "bar"

    def __init__(
        self,
        value: Any = None,
        x: str | None = None,
        y: str | None = None,
        *,
        vertical: bool = True,
        group: str | None = None,
        group_title: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, x, y, **kwargs)
        self.vertical = vertical
        self.group, self.group_title = group, group_title

    def _columns_used(self) -> list[str]:
        return super()._columns_used() + ([self.group] if self.group else [])

    def encoding(self, data: pd.DataFrame, types: dict[str, str]) -> dict[str, Any]:
        encoding = super().encoding(data, types)
        if not self.vertical:  # the categories go down the side, the values across
            encoding["x"], encoding["y"] = encoding["y"], encoding["x"]
            if encoding["y"].get("sort") in ("y", "-y"):
                encoding["y"]["sort"] = encoding["y"]["sort"].replace("y", "x")
        if self.group:
            facet = {"field": field(self.group), "type": "nominal",
                     "title": self.group_title if self.group_title is not None else self.group}  # fmt: skip
            encoding["column" if self.vertical else "row"] = facet
        return encoding

    def _zoomable(self, encoding: dict[str, Any]) -> bool:
        return not self.group and super()._zoomable(encoding)
