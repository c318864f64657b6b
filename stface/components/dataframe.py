"""Dataframe: a table in (editable) and out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from stface._kwargs import retired_value
from stface.components.base import Component
from stface.errors import ComponentValueError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Dataframe", "List", "Matrix", "Numpy"]

_TYPES = ("pandas", "numpy", "array")
_EMPTY_CELL = {"str": "", "number": 0, "bool": False, "date": "01/01/1970", "markdown": "", "html": ""}


def _count(count: int | tuple[int, str] | None, default: int) -> tuple[int, str]:
    if count is None:
        return (default, "dynamic")
    if isinstance(count, (int, float)):
        return (int(count), "dynamic")
    return (int(count[0]), str(count[1]))


class Dataframe(Component["pd.DataFrame"]):
    """A table. As an input the person edits it; fn receives it as ``type``.

    Args:
        headers: column names (numbered 1..n when ``None``).
        row_count, col_count: ``n`` or ``(n, "fixed" | "dynamic")`` (``column_count`` in Gradio 6).
        datatype: ``"str"``, ``"number"``, ``"bool"``, ``"date"`` or ``"markdown"``,
            one for the table or one per column.
        type: what fn receives: ``"pandas"`` DataFrame, ``"numpy"`` array or
            ``"array"`` (list of lists).

    Example:
        >>> import stface as gr
        >>> gr.Dataframe(headers=["a", "b"], type="array").preprocess([[1, 2]])
        [[1, 2]]
    """

    gradio_ignored = frozenset(
        {"max_rows", "max_cols", "overflow_row_behaviour", "latex_delimiters", "wrap", "line_breaks", "column_widths"}
    )

    def __init__(
        self,
        value: Any = None,
        *,
        headers: list[str] | None = None,
        row_count: int | tuple[int, str] = (1, "dynamic"),
        col_count: int | tuple[int, str] | None = None,
        column_count: int | tuple[int, str] | None = None,
        datatype: str | list[str] = "str",
        type: Literal["pandas", "numpy", "array"] = "pandas",
        **kwargs: Any,
    ) -> None:
        col_count = column_count if column_count is not None else col_count  # Gradio 6's name
        super().__init__(value, **kwargs)
        type = retired_value("Dataframe()", "type", type, {"auto": "pandas"})
        if type not in _TYPES:
            raise ValueError(f"Dataframe type must be one of {', '.join(map(repr, _TYPES))}; got {type!r}.")
        self.row_count = _count(row_count, 1)
        self.col_count = _count(col_count, len(headers) if headers else 3)
        if headers is not None and len(headers) != self.col_count[0]:
            raise ValueError(
                f"Dataframe has {len(headers)} headers but col_count is {self.col_count[0]}; make them agree."
            )
        self.headers = [str(h) for h in headers] if headers is not None else None
        n_cols = self.col_count[0]
        self.datatype = list(datatype) if isinstance(datatype, list) else [datatype] * n_cols
        unknown = sorted(set(self.datatype) - set(_EMPTY_CELL))
        if unknown:
            raise ValueError(f"Unknown Dataframe datatype {unknown[0]!r}; use one of {', '.join(_EMPTY_CELL)}.")
        self.type = type

    # -- conversions --------------------------------------------------------

    def _columns(self, width: int) -> list[str]:
        names = list(self.headers or [])
        names += [str(i) for i in range(len(names) + 1, width + 1)]
        return names[:width]

    def to_frame(self, value: Any) -> pd.DataFrame:
        """Any accepted table value -> DataFrame with string column names."""
        import pandas as pd  # imported when a table is used: pandas (and pyarrow) are heavy

        if value is None:
            return self.empty_frame()
        if hasattr(value, "data") and hasattr(value, "to_html") and not isinstance(value, pd.DataFrame):
            value = value.data  # a pandas Styler
        if isinstance(value, pd.DataFrame):
            frame = value.copy()
            frame.columns = [str(c) for c in frame.columns]
            return frame
        if isinstance(value, dict):
            if "data" not in value:
                raise ComponentValueError("A Dataframe dict needs a 'data' key (and optionally 'headers').")
            rows = [list(r) for r in value["data"]]
            headers = value.get("headers")
            width = len(rows[0]) if rows else len(headers or [])
            columns = [str(h) for h in headers] if headers else self._columns(width)
            return pd.DataFrame(rows, columns=columns)
        if isinstance(value, (np.ndarray, list, tuple)):
            rows = np.asarray(value, dtype=object).tolist() if isinstance(value, np.ndarray) else list(value)
            rows = [list(row) if isinstance(row, (list, tuple)) else [row] for row in rows]
            width = len(rows[0]) if rows else 0
            return pd.DataFrame(rows, columns=self._columns(width))
        raise ComponentValueError(
            f"Dataframe '{self.display_label}' expects a pandas DataFrame, a numpy array, a list of rows "
            f"or a dict with 'data'; got {type(value).__name__}."
        )

    def empty_frame(self) -> pd.DataFrame:
        import pandas as pd

        rows = [[_EMPTY_CELL[t] for t in self.datatype] for _ in range(self.row_count[0])]
        return pd.DataFrame(rows, columns=self._columns(self.col_count[0]))

    def preprocess(self, payload: Any) -> pd.DataFrame | np.ndarray | list:
        """Table -> pandas DataFrame, numpy array or list of rows (``type``)."""
        frame = self.to_frame(payload)
        if self.type == "pandas":
            return frame
        if self.type == "numpy":
            return frame.to_numpy()
        return frame.values.tolist()

    def postprocess(self, value: Any) -> pd.DataFrame:
        """DataFrame / Styler / array / rows / dict -> DataFrame to show."""
        return self.to_frame(value)

    def initial_payload(self) -> pd.DataFrame:
        return self.to_frame(super().initial_payload())


class Numpy(Dataframe):
    """A Dataframe that hands fn a numpy array (Gradio's ``"numpy"`` shortcut).

    Example:
        >>> import stface as gr
        >>> gr.Numpy().preprocess([[1, 2]]).shape
        (1, 2)
    """

    def __init__(self, value: Any = None, *, type: Literal["pandas", "numpy", "array"] = "numpy", **kwargs: Any):
        super().__init__(value, type=type, **kwargs)


class Matrix(Dataframe):
    """A headerless array table (Gradio's ``"matrix"`` shortcut).

    Example:
        >>> import stface as gr
        >>> gr.Matrix().preprocess([[1, 2], [3, 4]])
        [[1, 2], [3, 4]]
    """

    def __init__(self, value: Any = None, *, type: Literal["pandas", "numpy", "array"] = "array", **kwargs: Any):
        super().__init__(value, type=type, **kwargs)


class List(Dataframe):
    """A one-column array table (Gradio's ``"list"`` shortcut).

    Example:
        >>> import stface as gr
        >>> gr.List().preprocess(["a", "b"])
        [['a'], ['b']]
    """

    def __init__(
        self,
        value: Any = None,
        *,
        type: Literal["pandas", "numpy", "array"] = "array",
        col_count: int | tuple[int, str] | None = 1,
        **kwargs: Any,
    ):
        super().__init__(value, type=type, col_count=col_count, **kwargs)
