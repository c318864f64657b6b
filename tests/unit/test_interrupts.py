"""Held and Updates: Streamlit's rerun and stop kept until fn's answer is safe; a stream paused and taken up."""

from __future__ import annotations

import contextvars
import threading

import pytest
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData

from stface.runtime.interrupts import Held, RerunException, StopException, Updates

ASKED = contextvars.ContextVar("asked", default=None)
INSIDE = contextvars.ContextVar("inside", default=None)


def test_held_keeps_streamlits_signal_until_released_and_lets_other_errors_through():
    held = Held()
    with held:
        raise RerunException(RerunData())
    assert isinstance(held.signal, RerunException) and not held.stopping
    with pytest.raises(ValueError), held:
        raise ValueError("fn's own error is not Streamlit's")
    with pytest.raises(RerunException):
        held.release()
    held.release()  # nothing kept any more


def test_a_stop_outranks_a_rerun_and_outside_a_session_is_a_stop():
    held = Held()
    with held:
        raise StopException()
    with held:
        raise RerunException(RerunData())
    assert isinstance(held.signal, StopException)
    assert held.stopping  # no Streamlit session replaced this run: it is the person's Stop
    with pytest.raises(StopException):
        held.release()


def test_updates_resume_where_they_were_and_read_each_runs_bindings():
    seen = []

    def fn():
        seen.append(ASKED.get())
        yield 1
        seen.append(ASKED.get())
        yield 2

    def binding(value):
        return lambda: (_bound(ASKED, value),)

    updates = Updates(fn())
    assert next(updates.resume(binding("first run"))) == 1
    assert list(updates.resume(binding("second run"))) == [2]
    assert seen == ["first run", "second run"] and (updates.count, updates.last) == (2, 2)


def test_what_the_generator_binds_stays_with_it_in_any_thread():
    def fn():
        with _bound(INSIDE, "fn's"):
            yield INSIDE.get()
            yield INSIDE.get()

    updates = Updates(fn())
    assert next(updates.resume(tuple)) == "fn's"
    assert INSIDE.get() is None  # not leaked into the run that paused it
    resumed = []
    thread = threading.Thread(target=lambda: resumed.extend(updates.resume(tuple)))
    thread.start()
    thread.join()
    assert resumed == ["fn's"]  # taken up on another thread (Streamlit's next run), its binding intact


def test_close_runs_the_generators_cleanup_now():
    cleaned = []

    def fn():
        try:
            yield 1
            yield 2
        finally:
            cleaned.append(True)

    updates = Updates(fn())
    next(updates.resume(tuple))
    updates.close()
    assert cleaned == [True]
    assert list(updates.resume(tuple)) == []


def _bound(variable, value):
    from stface._context import bound

    return bound(variable, value)
