"""Drawing one interface into a Streamlit script run.

Streamlit reruns the whole script on every interaction, so nothing here may
assume it runs once. What must survive reruns lives in ``st.session_state``
under keys that start with the interface's prefix: the input widgets' values,
the last result, and State values. Session state is per browser session, so
two people never see each other's data, and the prefix keeps two interfaces
on one page apart.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import streamlit as st

from stface._context import bound
from stface.components._html import escape, neutralise_script_links, show_html
from stface.components._media import max_file_bytes
from stface.components.state import State
from stface.concurrency import gate_for
from stface.errors import Error
from stface.progress import reporting_to
from stface.runtime.examples import draw_examples
from stface.runtime.flag_buttons import draw_flagging, flagged_parts
from stface.runtime.session import Keys, Result, run_state
from stface.tempfiles import owned_by_session

if TYPE_CHECKING:
    from stface.interface import Interface

__all__ = ["render_interface"]

_LOG = logging.getLogger("stface")
# Output widgets are disabled inputs; keep their text as readable as Gradio's.
_STYLE = (
    "<style>[class*='st-key-stface-'][class*='-outputs'] :is(textarea, input):disabled"
    "{color: inherit; -webkit-text-fill-color: inherit; cursor: text}</style>"
)
_GENERIC_ERROR = "Something went wrong while running the function. Please try again."


@dataclass(frozen=True)
class _Slots:
    """Places above the outputs for the progress bar and streamed updates."""

    progress: Any
    stream: Any


def render_interface(interface: Interface, *, key: str) -> None:
    """Draw title, inputs (in a form), examples, outputs and article."""
    with _session_files():
        _render(interface, Keys(f"stface-{key}"))


def _session_files() -> contextlib.AbstractContextManager:
    """Files written during this rerun belong to the browser session (``stface.tempfiles``)."""
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    return owned_by_session(ctx.session_id) if ctx is not None else contextlib.nullcontext()


def _render(interface: Interface, keys: Keys) -> None:
    _init_session(interface, keys)
    show_html(_STYLE)
    if interface.css:
        show_html("<style>" + interface.css.replace("</", "<\\/") + "</style>")
    _draw_header(interface)
    has_inputs = any(_drawn(c) for c in interface.input_components) or not interface.live
    has_outputs = any(not isinstance(c, State) for c in interface.output_components)
    if has_inputs and has_outputs:
        left, right = st.columns(2, gap="large")
    else:
        left = right = st.container()
    with left, bound(max_file_bytes, interface.launch_options.max_file_bytes):
        payloads = _draw_inputs(interface, keys)
        draw_examples(interface, keys)
    with right:
        slots = _Slots(progress=st.empty(), stream=st.empty())
    if run_state(keys)["pending"]:
        _run(interface, keys, payloads, slots)
    with right, st.container(key=f"{keys.prefix}-outputs"):
        _draw_outputs(interface, keys)
    if interface.article:
        st.markdown(neutralise_script_links(interface.article))


def _drawn(component: Any) -> bool:
    return not isinstance(component, State) and component.visible


def _init_session(interface: Interface, keys: Keys) -> None:
    session = st.session_state
    if keys.run not in session:
        states = [c.initial_payload() for c in interface.input_components if isinstance(c, State)]
        session[keys.run] = {"pending": False, "result": None, "state": states[0] if states else None}
    for index, component in enumerate(interface.input_components):
        if isinstance(component, State):
            continue
        if keys.input(index) not in session:
            component.store(session, keys.input(index), component.initial_payload())


def _draw_header(interface: Interface) -> None:
    if interface.title:
        show_html(f'<h1 class="stface-title" style="text-align:center">{escape(interface.title)}</h1>')
    if interface.description:
        st.markdown(neutralise_script_links(interface.description))


def _draw_inputs(interface: Interface, keys: Keys) -> list[Any]:
    """Draw the inputs and the buttons; return the current input payloads.

    Submit does not run fn itself: its callback marks the request pending,
    and the run clears the mark only once the result is stored. A click whose
    rerun is cut short by another rerun (a recorder's state change, a second
    click) is therefore not lost, and the result matches the final inputs.
    """
    request = functools.partial(_request_run, keys)
    # A WebRTC recorder needs reruns to exchange its connection details, which a
    # form would hold back: such parts are drawn above the form. The rest sit in
    # the form, whose Submit Streamlit disables while an upload is in flight.
    for index, component in enumerate(interface.input_components):
        if _drawn(component):
            component.render_outside_form(keys.input(index))
    if interface.live:
        return _input_payloads(interface, keys, request)
    in_form = all(c.form_compatible for c in interface.input_components)
    with st.form(f"{keys.prefix}:form", border=False) if in_form else contextlib.nullcontext():
        payloads = _input_payloads(interface, keys, None)
        has_inputs = any(_drawn(c) for c in interface.input_components)
        button = st.form_submit_button if in_form else st.button
        clear_col, submit_col = st.columns(2)
        with clear_col:
            if interface.clear_btn and has_inputs:
                button(interface.clear_btn, on_click=_clear, args=(interface, keys), use_container_width=True,
                       **({} if in_form else {"key": f"{keys.prefix}:clear"}))  # fmt: skip
        with submit_col:
            label = interface.submit_btn if has_inputs or interface.submit_btn != "Submit" else "Generate"
            button(label, type="primary", on_click=request, use_container_width=True,
                   **({} if in_form else {"key": f"{keys.prefix}:submit"}))  # fmt: skip
    return payloads


def _input_payloads(interface: Interface, keys: Keys, on_change: Any) -> list[Any]:
    payloads = []
    for index, component in enumerate(interface.input_components):
        if isinstance(component, State):
            payloads.append(run_state(keys)["state"])
        elif component.visible:
            payloads.append(component.render_input(keys.input(index), on_change=on_change))
        else:
            payloads.append(st.session_state[keys.input(index)])
    return payloads


def _request_run(keys: Keys) -> None:
    run_state(keys)["pending"] = True


def _clear(interface: Interface, keys: Keys) -> None:
    """Clear button callback: inputs back to their start, outputs emptied."""
    session = st.session_state
    for index, component in enumerate(interface.input_components):
        if not isinstance(component, State):
            component.store(session, keys.input(index), component.initial_payload())
    run_state(keys)["result"] = None


def _run(interface: Interface, keys: Keys, payloads: list[Any], slots: _Slots) -> None:
    run = run_state(keys)
    with st.spinner("Running…"):
        result = _predict(interface, keys, payloads, slots)
        if result.outputs is not None and result.error is None:
            for component, payload in zip(interface.output_components, result.outputs):
                if isinstance(component, State):
                    run["state"] = payload
        run["result"] = result
        run["pending"] = False
    st.session_state.pop(f"{keys.prefix}:interpretation", None)  # it explained the previous result
    if interface.allow_flagging == "auto" and result.outputs is not None:
        interface.flagging_callback.flag(*flagged_parts(interface, result, with_outputs=False))
    slots.progress.empty()
    slots.stream.empty()


def _predict(interface: Interface, keys: Keys, payloads: list[Any], slots: _Slots) -> Result:
    """Run fn (within the concurrency limit), showing progress and streamed updates."""
    gate = gate_for(interface.key, interface.concurrency, interface.queue_max_size)
    last: list[Any] | None = None

    def report(fraction: float | None, desc: str | None) -> None:
        slots.progress.progress(fraction or 0.0, text=desc or None)

    # Streamlit may start a new run while fn still runs in the old one (a
    # second click): the session's lock keeps its fn calls one at a time.
    session_lock = run_state(keys).setdefault("lock", threading.Lock())
    try:
        with session_lock, gate.slot() if gate else contextlib.nullcontext(), reporting_to(report):
            for number, outputs in enumerate(interface.predict_stream(payloads, gathered=True)):
                last = outputs
                if interface.streams:
                    _draw_update(interface, keys, outputs, slots.stream, number)
        return Result(outputs=last, payloads=list(payloads))
    except Error as exc:
        return Result(outputs=last, error=str(exc), payloads=list(payloads))
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - the page must keep serving
        _LOG.exception("fn %s raised", interface.__name__)
        detail = f"{type(exc).__name__}: {exc}" if interface.launch_options.show_error else _GENERIC_ERROR
        return Result(outputs=last, error=detail, payloads=list(payloads))


def _draw_update(interface: Interface, keys: Keys, outputs: list[Any], slot: Any, number: int) -> None:
    """One streamed update; widgets get one-off keys, removed once drawn."""
    with slot.container():
        for index, (component, payload) in enumerate(zip(interface.output_components, outputs)):
            if not isinstance(component, State) and component.visible:
                key = f"{keys.output(index)}:update:{number}"
                component.render_output(payload, key)
                st.session_state.pop(key, None)


def _draw_outputs(interface: Interface, keys: Keys) -> None:
    result: Result | None = run_state(keys)["result"]
    if result is not None and result.error:
        st.error(result.error, icon=":material/error:")
    for index, component in enumerate(interface.output_components):
        if isinstance(component, State) or not component.visible:
            continue
        payload = result.outputs[index] if result is not None and result.outputs is not None else _empty(component)
        try:
            component.render_output(payload, keys.output(index))
        except Exception:  # noqa: BLE001 - one bad output must not blank the page
            _LOG.exception("drawing output %s failed", component.display_label)
            st.error(f"Output '{component.display_label}' could not be shown.")
    if interface.allow_flagging == "manual" and result is not None and result.outputs is not None:
        draw_flagging(interface, keys, result)
    if interface.interpretation is not None:
        from stface.runtime.interpretation import draw_interpretation

        draw_interpretation(interface, keys.prefix, result.payloads if result is not None else None)


def _empty(component: Any) -> Any:
    try:
        return component.postprocess(component.value() if callable(component.value) else component.value)
    except Exception:  # noqa: BLE001 - a default that does not convert shows as empty
        return component.postprocess(None)


