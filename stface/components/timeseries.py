"""Timeseries (Gradio 3.50): a CSV of series in, a DataFrame out, both drawn as a line chart."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stface.components._codecs import MediaFile
from stface.components._media import MediaComponent
from stface.components._vega import column_types, field, frame_from, plain
from stface.errors import ComponentValueError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TimeSeries", "Timeseries"]


class Timeseries(MediaComponent["pd.DataFrame | None"]):
    """Series over time: upload a CSV (fn gets a DataFrame), or return a DataFrame or CSV path.

    Drawn as a line chart of ``y`` (a column or a list of them; every column
    but ``x`` when None) against ``x`` (the first column when None), one line
    per column in ``colors`` order. ``value`` is a CSV file path, as in Gradio.

    Example:
        >>> import pandas as pd, stface as gr
        >>> ts = gr.Timeseries(x="time", y=["a", "b"], colors=["red", "blue"])
        >>> spec = ts.vega_lite_spec(pd.DataFrame({"time": [0, 1], "a": [1, 2], "b": [3, 4]}))
        >>> spec["transform"][0]["fold"], spec["encoding"]["color"]["scale"]["range"]
        (['a', 'b'], ['red', 'blue'])
    """

    upload_types = ["csv"]
    empty_message = "No CSV for '{label}': upload one, then press Submit."

    def __init__(
        self,
        value: Any = None,
        *,
        x: str | None = None,
        y: str | list[str] | None = None,
        colors: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        self.x = x
        self.y = [y] if isinstance(y, str) else list(y) if y is not None else None
        self.colors = list(colors) if colors else None

    # -- conversions --------------------------------------------------------

    def _read_csv(self, source: Any, name: str) -> pd.DataFrame:
        import pandas as pd

        try:
            return pd.read_csv(source)
        except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
            raise ComponentValueError(
                f"Timeseries '{self.display_label}' could not read {name} as CSV: {exc}"
            ) from None

    def to_frame(self, value: Any, *, output: bool = False) -> pd.DataFrame | None:
        """A DataFrame from an uploaded file, a CSV path, a DataFrame or Gradio 3's ``{"headers", "data"}``.

        A path fn returned (``output``) must be one the page may serve (see ``stface.paths``).
        """
        import pandas as pd

        if value is None:
            return None
        if isinstance(value, pd.DataFrame):
            return value
        if isinstance(value, MediaFile):
            return self._read_csv(io.BytesIO(value.data), repr(value.name))
        if isinstance(value, (str, os.PathLike)):
            from stface.paths import servable_path

            path = servable_path(value) if output else Path(value)
            if not path.is_file():
                raise ComponentValueError(f"Timeseries '{self.display_label}': '{path.name}' is not an existing file.")
            return self._read_csv(path, repr(path.name))
        if isinstance(value, dict) and "data" in value and "headers" in value:
            return pd.DataFrame(value["data"], columns=value["headers"])
        return frame_from(value, what=f"Timeseries '{self.display_label}'")

    def preprocess(self, payload: Any) -> pd.DataFrame | None:
        """The uploaded CSV (or the example's) as a DataFrame."""
        return self.to_frame(payload)

    def postprocess(self, value: Any) -> pd.DataFrame | None:
        """A DataFrame or a CSV path -> the DataFrame to draw."""
        frame = self.to_frame(value, output=True)
        if frame is not None:
            self.series(frame)
        return frame

    def initial_payload(self) -> pd.DataFrame | None:
        return self.to_frame(super().initial_payload())

    # -- the chart ----------------------------------------------------------

    def series(self, frame: pd.DataFrame) -> tuple[str, list[str]]:
        """The x column and the y columns drawn (checked against ``frame``)."""
        columns = [str(c) for c in frame.columns]
        if not columns:
            raise ComponentValueError(f"Timeseries '{self.display_label}': the table has no columns.")
        x = self.x if self.x is not None else columns[0]
        # A y column the table lacks is left out (as Gradio's chart did); none at all is a mistake.
        ys = [c for c in self.y if c in columns] if self.y is not None else [c for c in columns if c != x]
        what = f"Timeseries '{self.display_label}'"
        have = ", ".join(map(repr, columns))
        if x not in columns:
            raise ComponentValueError(f"{what}: no column {x!r} for x; the table has {have}.")
        if not ys:
            wanted = ", ".join(map(repr, self.y)) if self.y else "a column besides x"
            raise ComponentValueError(f"{what}: no y column ({wanted}); the table has {have}.")
        return x, ys

    def chart_data(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The table to draw: text column names, and an x column of dates read as dates (CSV gives text)."""
        import pandas as pd

        data = frame.copy()
        data.columns = [str(c) for c in data.columns]
        x, _ = self.series(data)
        if column_types(data)[x] == "nominal":
            try:
                data[x] = pd.to_datetime(data[x])
            except (ValueError, TypeError):
                pass  # categories stay categories
        return data

    def vega_lite_spec(self, frame: pd.DataFrame) -> dict[str, Any]:
        """A line per y column against x (the data is passed beside the spec)."""
        data = self.chart_data(frame)
        x, ys = self.series(data)
        types = column_types(data)
        color: dict[str, Any] = {"field": "stface_series", "type": "nominal", "title": None,
                                 "scale": {"domain": ys}, "legend": {"orient": "bottom"}}  # fmt: skip
        if self.colors:  # the n-th colour is the n-th y column's, even when the table lacks some
            order = self.y if self.y is not None else ys
            color["scale"]["range"] = [self.colors[order.index(y) % len(self.colors)] for y in ys]
        spec = {
            "transform": [{"fold": [field(y) for y in ys], "as": ["stface_series", "stface_value"]}],
            "mark": {"type": "line"},
            "encoding": {
                "x": {"field": field(x), "type": types[x], "title": x},
                "y": {"field": "stface_value", "type": "quantitative", "title": ys[0] if len(ys) == 1 else None},
                "color": color,
                "tooltip": [{"field": field(x), "type": types[x], "title": x},
                            {"field": "stface_series", "type": "nominal", "title": "series"},
                            {"field": "stface_value", "type": "quantitative", "title": "value"}],
            },
        }  # fmt: skip
        if len(ys) == 1:
            color["legend"] = None  # the y axis is titled with the one series
        return plain(spec)


#: Gradio 3.50's other spelling.
TimeSeries = Timeseries
