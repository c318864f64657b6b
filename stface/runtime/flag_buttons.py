"""The Flag buttons under the outputs (manual flagging)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import streamlit as st

from stface.components.state import State
from stface.runtime.session import Keys, Result, run_state

if TYPE_CHECKING:
    from stface.interface import Interface

__all__ = ["draw_flagging", "flagged_parts"]

_LOG = logging.getLogger("stface")


def flagged_parts(interface: Interface, result: Result, with_outputs: bool) -> tuple[list[Any], list[Any]]:
    components = [c for c in interface.input_components if not isinstance(c, State)]
    payloads = [p for c, p in zip(interface.input_components, result.payloads or []) if not isinstance(c, State)]
    if with_outputs:
        pairs = [(c, p) for c, p in zip(interface.output_components, result.outputs or []) if not isinstance(c, State)]
        components += [c for c, _ in pairs]
        payloads += [p for _, p in pairs]
    return components, payloads


def draw_flagging(interface: Interface, keys: Keys, result: Result) -> None:
    columns = st.columns(len(interface.flagging_options))
    for column, (label, value) in zip(columns, interface.flagging_options):
        with column:
            st.button(label, key=keys.flag(label), on_click=_flag, args=(interface, keys, result, value),
                      use_container_width=True)  # fmt: skip
    # Shown for as long as the flagged result is: later reruns must not hide it.
    message, flagged = run_state(keys).flagged or (None, None)
    if message and flagged is result:
        st.caption(message)


def _flag(interface: Interface, keys: Keys, result: Result, option: str) -> None:
    """Flag button callback: one row in the flagging CSV."""
    try:
        from stface.runtime.auth import logged_in_user

        interface.flagging_callback.flag(
            *flagged_parts(interface, result, with_outputs=True), option=option, username=logged_in_user()
        )
        run_state(keys).flagged = ("Flagged. Thank you!", result)
    except OSError:
        _LOG.exception("flagging failed")
        run_state(keys).flagged = ("Could not save the flag; please try again.", result)
