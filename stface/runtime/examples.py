"""The examples under the inputs: buttons that fill them, with cached outputs."""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, Any

import streamlit as st

from stface.components.state import State
from stface.i18n import translate
from stface.runtime.session import Keys, Result, run_state
from stface.runtime.widgets import widget_for
from stface.tempfiles import owned_by_examples

if TYPE_CHECKING:
    from stface.interface import Interface

__all__ = ["draw_examples"]

_cache: dict[str, list[Result]] = {}
_cache_lock = threading.Lock()


def cached_results(interface: Interface) -> list[Result]:
    """Each example's outputs, computed once per process (``cache_examples=True``)."""
    with _cache_lock:
        if interface.key not in _cache:
            with owned_by_examples():  # kept while the process runs, like the cache itself
                _cache[interface.key] = [_compute(interface, row) for row in interface.examples or []]
        return _cache[interface.key]


def _compute(interface: Interface, row: list[Any]) -> Result:
    values = iter(row)
    payloads = [c.initial_payload() if isinstance(c, State) else next(values) for c in interface.input_components]
    try:
        return Result(outputs=interface.predict(payloads), payloads=payloads)
    except Exception as exc:  # noqa: BLE001 - a failing example shows its error when clicked
        return Result(error=str(exc) or type(exc).__name__, payloads=payloads)


def _fill_example(interface: Interface, keys: Keys, number: int) -> None:
    """Example button callback: copy the row into the inputs (and show cached outputs)."""
    session = st.session_state
    for index, (component, value) in enumerate(zip(interface.input_components, interface.examples[number])):
        if not isinstance(component, State):
            widget_for(component).store(session, keys.input(index), value)
    if interface.cache_examples:
        run = run_state(keys)
        run.cancel()  # a request still streaming would replace the example's answer
        run.answered(cached_results(interface)[number])
    elif interface.live:
        run_state(keys).pending = True


def draw_examples(interface: Interface, keys: Keys) -> None:
    rows = interface.examples
    if not rows:
        return
    per_page = max(1, interface.examples_per_page)
    pages = (len(rows) + per_page - 1) // per_page
    if interface.cache_examples and interface.key not in _cache:
        with st.spinner("Caching examples…"):
            cached_results(interface)
    st.caption("Examples")
    page = 0
    if pages > 1:
        page = st.number_input("Examples page", 1, pages, 1, key=keys.examples_page) - 1
    for number in range(page * per_page, min(len(rows), (page + 1) * per_page)):
        labels = interface.example_labels
        st.button(
            _markdown_text(str(translate(labels[number]))) if labels else " · ".join(_markdown_text(_short(value)) for value in rows[number]),
            key=keys.example(number),
            on_click=_fill_example,
            args=(interface, keys, number),
            use_container_width=True,
        )


def _short(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def _markdown_text(text: str) -> str:
    """Escape Markdown so that a button label shows the text literally."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text) or " "
