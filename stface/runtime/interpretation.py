"""The Interpret button and the drawing of explanations (Streamlit)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import streamlit as st

from stface.errors import Error
from stface.interpret import Heatmap, display_for, explain
from stface.runtime.interrupts import Held
from stface.runtime.session import Keys, run_state
from stface.runtime.widgets import show_html

if TYPE_CHECKING:
    from stface.interface import Interface

__all__ = ["draw_interpretation"]

_LOG = logging.getLogger("stface")


def draw_interpretation(interface: Interface, keys: Keys, payloads: list[Any] | None) -> None:
    """Under the outputs: an Interpret button, then one explanation per input."""
    run = run_state(keys)
    if payloads is None:
        return
    st.button("Interpret", key=keys.interpret, on_click=_request, args=(keys,))
    if run.interpret_pending:
        held = Held()  # a click meanwhile: the explanation is finished and stored first, never computed twice
        with run.lock:  # the run before this one may still be computing it
            if run.interpret_pending:
                run.interpretation, run.interpret_pending = _compute(interface, payloads, held), False
        held.release()
    stored = run.interpretation
    if stored is None:
        return
    if isinstance(stored, str):
        st.error(stored)
        return
    for component, payload, explanation in zip(interface.input_components, payloads, stored):
        if explanation is not None:
            _draw(component, payload, explanation)


def _request(keys: Keys) -> None:
    run_state(keys).interpret_pending = True


def _compute(interface: Interface, payloads: list[Any], held: Held) -> list[Any] | str:
    bar = st.progress(0.0, text="Interpreting…")

    def report(done: int, total: int) -> None:
        with held:
            bar.progress(min(done / total, 1.0), text="Interpreting…")

    try:
        return explain(interface, payloads, report)
    except (Error, ImportError) as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - the page must keep serving
        _LOG.exception("interpretation failed")
        return f"{type(exc).__name__}: {exc}" if interface.launch_options.show_error else "Interpretation failed."
    finally:
        with held:
            bar.empty()


def _draw(component: Any, payload: Any, explanation: Any) -> None:
    st.caption(f"Interpretation of {component.display_label}")
    shown = display_for(component, payload, explanation)
    if isinstance(shown, Heatmap):
        st.image(shown.picture)
    else:
        show_html(shown.html())
