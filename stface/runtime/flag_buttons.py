"""Flagging on the page: the Flag buttons under the outputs, automatic flags, and what the callback said."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import streamlit as st

from stface.components.state import State
from stface.i18n import translate
from stface.runtime.session import Keys, Result, run_state, session_files

if TYPE_CHECKING:
    from stface.interface import Interface

__all__ = ["draw_flag_message", "draw_flagging", "flag_automatically", "flag_result"]

_LOG = logging.getLogger("stface")


def flag_result(interface: Interface, result: Result, option: str) -> int:
    """Hand a result to the flagging callback as Gradio calls it: ``flag(flag_data, flag_option, username)``.

    ``flag_data`` holds one value per ``interface.flagged_components()``, in
    Gradio's shapes (``stface.flagging.values``); files it names belong to
    this browser session. Raises whatever the callback raises.
    """
    from stface.flagging.values import flag_data
    from stface.runtime.auth import logged_in_user

    flagged = interface.flagged_components()
    pairs = list(zip(interface.input_components, result.payloads or []))
    pairs += list(zip(interface.output_components, result.outputs or []))
    pairs = [(c, p) for c, p in pairs if not isinstance(c, State)][: len(flagged)]
    with session_files():
        data = flag_data([c for c, _ in pairs], [p for _, p in pairs])
    return interface.flagging_callback.flag(data, flag_option=option, username=logged_in_user() or None)


def flag_automatically(interface: Interface, keys: Keys, result: Result) -> None:
    """``allow_flagging="auto"``: flag each answered submit; a failing callback is reported, never raised."""
    try:
        flag_result(interface, result, "")
    except Exception:  # noqa: BLE001 - a flagging callback must not break the page
        _LOG.exception("flagging failed")
        run_state(keys).flagged = ("Could not save the flag.", result)


def draw_flag_message(keys: Keys, result: Result) -> None:
    """What the last flag of this result said ("Flagged", or that it could not be saved)."""
    # Shown for as long as the flagged result is: later reruns must not hide it.
    message, flagged = run_state(keys).flagged or (None, None)
    if message and flagged is result:
        st.caption(message)


def draw_flagging(interface: Interface, keys: Keys, result: Result) -> None:
    columns = st.columns(len(interface.flagging_options))
    for column, (label, value) in zip(columns, interface.flagging_options):
        with column:
            st.button(translate(label), key=keys.flag(label), on_click=_flag, args=(interface, keys, result, value),
                      use_container_width=True)  # fmt: skip
    draw_flag_message(keys, result)


def _flag(interface: Interface, keys: Keys, result: Result, option: str) -> None:
    """Flag button callback: the flagging callback gets the result, with the button's option."""
    try:
        flag_result(interface, result, option)
        run_state(keys).flagged = ("Flagged. Thank you!", result)
    except Exception:  # noqa: BLE001 - a flagging callback must not break the page
        _LOG.exception("flagging failed")
        run_state(keys).flagged = ("Could not save the flag; please try again.", result)
