"""Drawing DateTime: a date picker (and a time picker) in, the text out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from stface.components.datetime import DateTime
from stface.errors import Error
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws


@draws(DateTime)
class DateTimeWidget(Widget[DateTime]):
    def store(self, state, keys: WidgetKeys, payload) -> None:
        state[keys.value] = payload
        for part in ("date", "time"):
            state.pop(keys.part(part), None)

    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> str | None:
        component, session = self.component, st.session_state
        current = session.get(keys.value)
        try:
            moment = component.parse(current) if current else None
        except Error:
            moment = None
        date = st.date_input(self.label, value=moment.date() if moment else None, key=keys.part("date"),
                             help=self.help, disabled=self.disabled, label_visibility=self.label_visibility,
                             on_change=on_change)  # fmt: skip
        time = dt.time()
        if component.include_time:
            time = st.time_input(f"{self.label} (time)", value=moment.time() if moment else dt.time(), step=60,
                                 key=keys.part("time"), disabled=self.disabled, label_visibility="collapsed",
                                 on_change=on_change)  # fmt: skip
        if date is None:
            return None
        return dt.datetime.combine(date, time or dt.time()).strftime(component.time_format)

    def output(self, payload: str | None, keys: WidgetKeys) -> None:
        st.session_state[keys.value] = payload or ""
        st.text_input(self.label, key=keys.value, disabled=True, label_visibility=self.label_visibility)
