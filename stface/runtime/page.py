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
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import streamlit as st

from stface._context import bound
from stface.components._html import escape, neutralise_script_links
from stface.components.state import State
from stface.i18n import translate
from stface.runtime.examples import draw_examples
from stface.runtime.flag_buttons import draw_flag_message, draw_flagging
from stface.runtime.language import browser_language
from stface.runtime.live import draw_live_inputs, draw_live_outputs, streams_live
from stface.runtime.page_run import Slots, run_request, shown_payload
from stface.runtime.session import Keys, RunState, run_state, session_files
from stface.runtime.widgets import show_html, widget_for
from stface.runtime.widgets._media import max_file_bytes
from stface.runtime.widgets.browser_state import load_browser_state, save_browser_state
from stface.updates import apply

if TYPE_CHECKING:
    from stface.interface import Interface
    from stface.tabbed import TabbedInterface

__all__ = ["render_interface", "render_tabs"]

_LOG = logging.getLogger("stface")
# Output widgets are disabled inputs; keep their text as readable as Gradio's.
_OUTPUT_STYLE = (
    "[class*='st-key-stface-'][class*='-outputs'] :is(textarea, input):disabled"
    "{color: inherit; -webkit-text-fill-color: inherit; cursor: text}"
    # BrowserState's storage (runtime/widgets/browser_state.py) shows nothing and takes no gap.
    "[data-testid='stLayoutWrapper']:has(> [class*='st-key-stface-'][class*='-browser-storage']){display: none}"
)


def render_interface(interface: Interface, *, key: str, fragment: bool = False) -> None:
    """Draw title, inputs (in a form), examples, outputs and article.

    As a Streamlit fragment, Submit, Clear, an example or an upload reruns
    this interface alone, not the rest of the page.
    """
    draw = st.fragment(_render_fragment) if fragment else _render_fragment
    draw(interface, Keys(f"stface-{key}"))


def _render_fragment(interface: Interface, keys: Keys) -> None:
    with session_files(), browser_language(interface):
        _render(interface, keys)


def render_tabs(tabbed: TabbedInterface, *, key: str, fragment: bool = False) -> None:
    """A title, then one tab per app (an Interface or a ChatInterface)."""
    with browser_language(tabbed):
        _draw_header(translate(tabbed.title), None)
        tabs = st.tabs([translate(name) for name in tabbed.tab_names])
    if tabbed.css:
        show_html(_style_element(tabbed.css))
    for number, (tab, app) in enumerate(zip(tabs, tabbed.interfaces)):
        with tab:
            app.launch_options = tabbed.launch_options
            app.render(key=f"{key}-{number}-{app.key}", fragment=fragment)


def _render(interface: Interface, keys: Keys) -> None:
    plan = _plan(interface)
    run = _init_session(interface, keys)
    ready = load_browser_state(interface, keys, run)  # a BrowserState's stored value, before fn may run
    show_html(plan.style)  # style-only HTML goes to Streamlit's event container: no element in the page
    _draw_header(translate(interface.title), translate(interface.description))
    if plan.has_inputs and plan.has_outputs:
        left, right = st.columns(2, gap="large")
    else:
        left = right = st.container()
    with left, bound(max_file_bytes, interface.launch_options.max_file_bytes):
        payloads = draw_live_inputs(interface, keys) if plan.live else _draw_inputs(interface, keys, plan)
        draw_examples(interface, keys)
    slots = Slots(right, right.container(key=keys.outputs), interface)
    if run.pending and ready and not plan.live:  # a live stream calls fn on its own thread (runtime/live.py)
        with right:
            run_request(interface, keys, payloads, slots)
    with slots.outputs:
        draw_live_outputs(interface, keys) if plan.live else _draw_outputs(interface, keys, run, slots)
    save_browser_state(interface, keys, run)
    if interface.article:
        st.markdown(neutralise_script_links(translate(interface.article)))


@dataclass(frozen=True)
class _Plan:
    """What a page of this interface always has: worked out once, not on every rerun."""

    style: str
    has_inputs: bool
    has_outputs: bool
    drawn_inputs: tuple[int, ...]
    in_form: bool
    live: bool  # live, streaming the webcam or the microphone


_plans: weakref.WeakKeyDictionary[Any, _Plan] = weakref.WeakKeyDictionary()


def _plan(interface: Interface) -> _Plan:
    plan = _plans.get(interface)
    if plan is None:
        drawn = tuple(i for i, c in enumerate(interface.input_components) if not isinstance(c, State) and c.visible)
        plan = _plans[interface] = _Plan(
            style=_style_element(interface.css),
            has_inputs=bool(drawn) or not interface.live,
            has_outputs=any(not isinstance(c, State) for c in interface.output_components),
            drawn_inputs=drawn,
            in_form=all(widget_for(c).form_compatible for c in interface.input_components),
            live=streams_live(interface),
        )
    return plan


def _style_element(css: str | None) -> str:
    """stface's own rule and the app's css, in one style element."""
    return "<style>" + _OUTPUT_STYLE + (css or "").replace("</", "<\\/") + "</style>"


def _init_session(interface: Interface, keys: Keys) -> RunState:
    """This session's run state; a new session's inputs start from their values."""
    session = st.session_state
    if keys.run in session:
        return run_state(keys)
    states = [c.initial_payload() for c in interface.input_components if isinstance(c, State)]
    for index, component in enumerate(interface.input_components):
        if not isinstance(component, State) and keys.input(index).value not in session:
            widget_for(component).store(session, keys.input(index), component.initial_payload())
    return run_state(keys, state=states[0] if states else None)


def _draw_header(title: str | None, description: str | None) -> None:
    if title:
        show_html(f'<h1 class="stface-title" style="text-align:center">{escape(title)}</h1>')
    if description:
        st.markdown(neutralise_script_links(description))


def _draw_inputs(interface: Interface, keys: Keys, plan: _Plan) -> list[Any]:
    """Draw the inputs and the buttons; return the current input payloads.

    Submit does not run fn itself: its callback marks the request pending,
    and the run clears the mark only once the result is stored. A click whose
    rerun is cut short by another rerun (a recorder's state change, a second
    click) is therefore not lost, and the result matches the final inputs.
    """
    request = functools.partial(_request_run, keys, interface.live)
    # A WebRTC recorder needs reruns to exchange its connection details, which a
    # form would hold back: such parts are drawn above the form. The rest sit in
    # the form, whose Submit Streamlit disables while an upload is in flight.
    for index in plan.drawn_inputs:
        widget_for(interface.input_components[index]).outside_form(keys.input(index))
    if interface.live:
        return _input_payloads(interface, keys, request)
    in_form = plan.in_form
    with st.form(keys.form, border=False) if in_form else contextlib.nullcontext():
        payloads = _input_payloads(interface, keys, None)
        button = st.form_submit_button if in_form else st.button
        with st.container(horizontal=True):
            if interface.clear_btn and plan.drawn_inputs:
                button(translate(interface.clear_btn), on_click=_clear, args=(interface, keys), width="stretch",
                       **({} if in_form else {"key": keys.clear}))  # fmt: skip
            label = translate(interface.submit_btn) if plan.drawn_inputs or interface.submit_btn != "Submit" else "Generate"
            button(label, type="primary", on_click=request, width="stretch",
                   **({} if in_form else {"key": keys.submit}))  # fmt: skip
    return payloads


def _input_payloads(interface: Interface, keys: Keys, on_change: Any) -> list[Any]:
    payloads = []
    with contextlib.ExitStack() as additional:
        for index, component in enumerate(interface.input_components):
            if index == interface.additional_from:  # the additional inputs, in a closed expander (Gradio's accordion)
                additional.enter_context(st.expander(translate(interface.accordion_label), expanded=False))
            payloads.append(_input_payload(interface, keys, index, component, on_change))
    return payloads


def _input_payload(interface: Interface, keys: Keys, index: int, component: Any, on_change: Any) -> Any:
    if isinstance(component, State):
        return run_state(keys).state
    if component.visible:
        return widget_for(component).input(keys.input(index), on_change=on_change)
    return st.session_state[keys.input(index).value]


def _request_run(keys: Keys, live: bool) -> None:
    """Submit, or a live input's change: a new request, pending until its answer is stored.

    While fn still answers an earlier one, that one ends (or finishes, if fn
    is not a generator) and fn then answers this one, with the inputs as
    they are by then.
    """
    run = run_state(keys)
    if live:
        run.cancel()
    run.asked += 1
    run.pending = True


def _clear(interface: Interface, keys: Keys) -> None:
    """Clear button callback: inputs back to their start, outputs emptied."""
    session = st.session_state
    with browser_language(interface):
        for index, component in enumerate(interface.input_components):
            if not isinstance(component, State):
                widget_for(component).store(session, keys.input(index), component.initial_payload())
    run = run_state(keys)
    run.cancel()  # a request still streaming ends: its answer would fill the outputs just cleared
    run.forget()


def _draw_outputs(interface: Interface, keys: Keys, run: RunState, slots: Slots) -> None:
    result = run.result
    if result is not None and result.error:
        slots.error(result.error)
    for index, component in enumerate(interface.output_components):
        component = apply(component, run.props.get(index, {}))  # options fn changed with gr.update
        if isinstance(component, State):
            continue
        if not component.visible:
            slots.hide(index)
            continue
        with slots.output(index, answer=True):
            try:
                widget_for(component).output(shown_payload(result, index, component), keys.output(index))
            except Exception:  # noqa: BLE001 - one bad output must not blank the page
                _LOG.exception("drawing output %s failed", component.display_label)
                st.error(f"Output '{component.display_label}' could not be shown.")
    if interface.allow_flagging == "manual" and result is not None and result.outputs is not None:
        draw_flagging(interface, keys, result)
    elif interface.allow_flagging == "auto" and result is not None:
        draw_flag_message(keys, result)
    if interface.interpretation is not None:
        from stface.runtime.interpretation import draw_interpretation

        draw_interpretation(interface, keys, result.payloads if result is not None else None)
