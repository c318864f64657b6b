"""Vega-Lite pieces for the plots: column types, field names, legends, limits and plain JSON values.

Pure functions of their arguments (pandas is imported when a plot is used),
shared by ``native_plots`` (LinePlot, ScatterPlot, BarPlot) and ``timeseries``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from stface.errors import ComponentValueError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "AGGREGATES", "CATEGORY10", "CONTINUOUS", "LEGEND_POSITIONS", "SORTS", "TOOLTIPS",
    "bin_step", "column_types", "field", "frame_from", "legend", "limits", "plain", "time_ms",
]  # fmt: skip

AGGREGATES = ("sum", "mean", "median", "min", "max", "count")
SORTS = ("x", "y", "-x", "-y")
TOOLTIPS = ("axis", "none", "all")
LEGEND_POSITIONS = ("left", "right", "top", "bottom", "top-left", "top-right", "bottom-left", "bottom-right", "none")
_DURATION_MS = {"s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000}
CONTINUOUS = ("quantitative", "temporal")
#: Vega's default category colours, for series a ``color_map`` leaves out.
CATEGORY10 = (
    "#4c78a8",
    "#f58518",
    "#e45756",
    "#72b7b2",
    "#54a24b",
    "#eeca3b",
    "#b279a2",
    "#ff9da6",
    "#9d755d",
    "#bab0ac",
)


def field(name: str) -> str:
    """A column name as a Vega-Lite field (``.``, ``[`` and ``]`` escaped, as Gradio does).

    Example:
        >>> from stface.components._vega import field
        >>> field("a.b")
        'a\\\\.b'
    """
    return name.replace("\\", "\\\\").replace(".", "\\.").replace("[", "\\[").replace("]", "\\]")


def column_types(frame: pd.DataFrame) -> dict[str, str]:
    """Each column's Vega-Lite type: numbers ``quantitative``, datetimes ``temporal``, the rest ``nominal``."""
    import pandas as pd

    kinds = {}
    for name in frame.columns:
        dtype = frame[name].dtype
        if pd.api.types.is_datetime64_any_dtype(dtype):
            kinds[str(name)] = "temporal"
        elif pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
            kinds[str(name)] = "quantitative"
        else:
            kinds[str(name)] = "nominal"
    return kinds


def frame_from(value: Any, *, what: str) -> pd.DataFrame:
    """A DataFrame from a DataFrame or Gradio 6's plot data (``{"columns": [...], "data": [[...]]}``)."""
    import pandas as pd  # imported when a plot is used: pandas is heavy

    if isinstance(value, pd.DataFrame):
        return value
    columns = value.get("columns") if isinstance(value, dict) else getattr(value, "columns", None)
    rows = value.get("data") if isinstance(value, dict) else getattr(value, "data", None)
    if isinstance(columns, (list, tuple)) and isinstance(rows, (list, tuple)):
        return pd.DataFrame([list(row) for row in rows], columns=[str(c) for c in columns])
    raise ComponentValueError(f"{what} shows a pandas DataFrame; got {type(value).__name__}. "
                              "Build one with pandas.DataFrame({'x': [...], 'y': [...]}).")  # fmt: skip


def limits(limits: Sequence[Any] | None, name: str) -> list[Any] | None:
    if limits is None:
        return None
    if not isinstance(limits, (list, tuple)) or len(limits) != 2:
        raise ValueError(f"{name} must be [min, max] (either may be None); got {limits!r}.")
    return list(limits)


def bin_step(x_bin: str | float | None) -> float | None:
    """``x_bin`` as a Vega-Lite bin step: a number, or a duration like ``"15m"`` in milliseconds."""
    if x_bin is None:
        return None
    if isinstance(x_bin, str):
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd])\s*", x_bin)
        if match is None:
            raise ValueError(f"x_bin {x_bin!r} must be a number or a duration such as '10s', '15m', '1h' or '1d'.")
        return float(match.group(1)) * _DURATION_MS[match.group(2)]
    if isinstance(x_bin, bool) or not isinstance(x_bin, (int, float)) or x_bin <= 0:
        raise ValueError(f"x_bin must be a positive number or a duration such as '1h'; got {x_bin!r}.")
    return float(x_bin)


def legend(position: str | None, title: str | None, default_orient: str | None = None) -> dict | None:
    if position == "none":
        return None
    shown: dict[str, Any] = {"title": title}
    orient = position or default_orient
    if orient:
        shown["orient"] = orient
    return shown


def plain(value: Any) -> Any:
    """``value`` with only JSON's types: numpy numbers as Python ones, NaN as None, anything else as text.

    Example:
        >>> import numpy as np
        >>> from stface.components._vega import plain
        >>> plain({"domain": [np.int64(1), float("nan")], "title": None})
        {'domain': [1, None], 'title': None}
    """
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "item") and type(value).__module__ == "numpy":
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def time_ms(value: Any) -> Any:
    """A temporal axis limit in milliseconds: numbers are seconds (as Gradio 6 takes them), or a date."""
    import pandas as pd

    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value * 1000
    return pd.Timestamp(value).value // 1_000_000
