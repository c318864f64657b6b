"""The Interpret button and the drawing of explanations (Streamlit)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import numpy as np
import streamlit as st

from stface import components as c
from stface.components._html import show_html
from stface.errors import Error
from stface.interpret import explain, masker_for
from stface.interpret.html import cells_html, heatmap, text_html

if TYPE_CHECKING:
    from stface.interface import Interface

__all__ = ["draw_interpretation"]

_LOG = logging.getLogger("stface")


def draw_interpretation(interface: Interface, prefix: str, payloads: list[Any] | None) -> None:
    """Under the outputs: an Interpret button, then one explanation per input."""
    session = st.session_state
    key = f"{prefix}:interpretation"
    if payloads is None:
        session.pop(key, None)
        return
    st.button("Interpret", key=f"{prefix}:interpret", on_click=_request, args=(prefix,))
    if session.pop(f"{prefix}:interpret-pending", False):
        session[key] = _compute(interface, payloads)
    stored = session.get(key)
    if stored is None:
        return
    if isinstance(stored, str):
        st.error(stored)
        return
    for component, payload, explanation in zip(interface.input_components, payloads, stored):
        if explanation is not None:
            _draw(component, payload, explanation)


def _request(prefix: str) -> None:
    st.session_state[f"{prefix}:interpret-pending"] = True


def _compute(interface: Interface, payloads: list[Any]) -> list[Any] | str:
    bar = st.progress(0.0, text="Interpreting…")
    try:
        return explain(interface, payloads, lambda done, total: bar.progress(min(done / total, 1.0), text="Interpreting…"))
    except (Error, ImportError) as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - the page must keep serving
        _LOG.exception("interpretation failed")
        return f"{type(exc).__name__}: {exc}" if interface.launch_options.show_error else "Interpretation failed."
    finally:
        bar.empty()


def _draw(component: Any, payload: Any, explanation: Any) -> None:
    st.caption(f"Interpretation of {component.display_label}")
    if isinstance(component, c.Textbox):
        show_html(text_html(explanation))
    elif isinstance(component, c.Image):
        st.image(heatmap(masker_for(component).image(payload), explanation))
    elif isinstance(component, c.CheckboxGroup):
        chosen = list(payload or [])
        labels = [f"{name} ✓" if value in chosen else name for name, value in component.choices]
        show_html(cells_html(labels, [a if a is not None else b for a, b in explanation]))
    else:
        show_html(cells_html(_labels(component, payload, explanation), _scores(component, explanation)))


def _labels(component: Any, payload: Any, explanation: Any) -> list[str]:
    if isinstance(component, c.Slider):
        return [f"{v:g}" for v in np.linspace(component.minimum, component.maximum, len(explanation))]
    if isinstance(component, c.Number):
        return [f"{value:g}" for value, _ in explanation]
    if isinstance(component, (c.Radio, c.Dropdown)):
        return [name for name, _ in component.choices]
    if isinstance(component, c.Checkbox):
        return ["unchecked", "checked"]
    return [f"part {i + 1}" for i in range(len(explanation))]  # audio segments and anything custom


def _scores(component: Any, explanation: Any) -> list[Any]:
    if isinstance(component, c.Number) and not isinstance(component, c.Slider):
        return [score for _, score in explanation]
    return list(explanation)
