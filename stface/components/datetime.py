"""DateTime (Gradio 4+): a date, with or without a time."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from stface.components.base import Component
from stface.errors import Error

__all__ = ["DateTime"]


class DateTime(Component[str | None]):
    """A date and time: fn gets a timestamp (default), a ``datetime`` or a string.

    The widget holds text in ``"%Y-%m-%d %H:%M:%S"`` (``"%Y-%m-%d"`` with
    ``include_time=False``); ``timezone`` (an IANA name) says where that
    wall-clock time is.

    Example:
        >>> import stface as gr
        >>> gr.DateTime(type="string", include_time=False).preprocess("2026-11-27")
        '2026-11-27'
        >>> gr.DateTime(timezone="UTC").preprocess("1970-01-02 00:00:00")
        86400.0
    """

    gradio_ignored = frozenset({"every"})

    def __init__(
        self,
        value: float | str | dt.datetime | None = None,
        *,
        include_time: bool = True,
        type: Literal["timestamp", "datetime", "string"] = "timestamp",
        timezone: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        if type not in ("timestamp", "datetime", "string"):
            raise ValueError(f"DateTime type must be 'timestamp', 'datetime' or 'string'; got {type!r}.")
        self.include_time, self.type, self.timezone = include_time, type, timezone
        self.time_format = "%Y-%m-%d %H:%M:%S" if include_time else "%Y-%m-%d"

    def _zone(self) -> dt.tzinfo | None:
        if self.timezone is None:
            return None
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise Error(f"DateTime timezone {self.timezone!r} is not a known time zone, e.g. 'Europe/Paris'.") from None

    def parse(self, text: str) -> dt.datetime:
        """Widget text (or "now") -> a datetime in ``timezone``."""
        text = text.strip()
        if text.lower() == "now":
            return dt.datetime.now(self._zone())
        for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
            try:
                return dt.datetime.strptime(text, fmt).replace(tzinfo=self._zone())
            except ValueError:
                continue
        raise Error(f"'{self.display_label}': {text!r} is not a date like {dt.date(2026, 1, 31):%Y-%m-%d}"
                    f"{' 13:45:00' if self.include_time else ''}.")  # fmt: skip

    def preprocess(self, payload: Any) -> float | dt.datetime | str | None:
        """Text -> timestamp, datetime or string (``type``)."""
        if payload is None or str(payload).strip() == "":
            return None
        moment = self.parse(str(payload))
        if self.type == "string":
            return moment.strftime(self.time_format)
        return moment if self.type == "datetime" else moment.timestamp()

    def postprocess(self, value: Any) -> str | None:
        """A timestamp, datetime or string -> the text shown."""
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.strftime(self.time_format)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return dt.datetime.fromtimestamp(value, self._zone()).strftime(self.time_format)
        return self.parse(str(value)).strftime(self.time_format)

    def initial_payload(self) -> str | None:
        return self.postprocess(super().initial_payload())
