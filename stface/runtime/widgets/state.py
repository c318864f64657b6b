"""State has no widget: the page passes the session's stored value to fn."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from stface.components.state import State
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws


@draws(State)
class StateWidget(Widget[State]):
    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> Any:
        return None

    def output(self, payload: Any, keys: WidgetKeys) -> None:
        return None
