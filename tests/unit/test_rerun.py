"""Rerunner's decision on the server's loop: which rerun requests reach a session's script runner.

The session and runner are small stand-ins holding Streamlit's real request
queue (ScriptRequests), which is what the decision reads and writes.
"""

from __future__ import annotations

from types import SimpleNamespace

from streamlit.runtime.scriptrunner_utils.script_requests import RerunData, ScriptRequests, ScriptRequestType

from stface.runtime.rerun import Rerunner

SPEECH, WEBCAM = "hash-of-speech-page", "hash-of-webcam-page"


class _Runner:
    def __init__(self) -> None:
        self._requests = ScriptRequests()

    def request_rerun(self, data: RerunData) -> bool:
        return self._requests.request_rerun(data)


def _session(runner: _Runner, *, page: str) -> SimpleNamespace:
    created = []
    return SimpleNamespace(
        _state=SimpleNamespace(name="RUNNING"),
        _pages_manager=SimpleNamespace(intended_page_script_hash=page),
        _scriptrunner=runner,
        has_fragment=lambda fragment_id: True,
        _create_scriptrunner=created.append,
        created=created,
        _event_loop=SimpleNamespace(call_later=lambda *args: None),
    )


def _started(runner: _Runner, page: str) -> None:
    """The runner took its first request (a run of ``page``) and runs it."""
    runner.request_rerun(RerunData(page_script_hash=page))
    assert runner._requests.on_scriptrunner_ready().type == ScriptRequestType.RERUN


def test_a_fragment_redraw_reaches_the_runner_of_its_own_page():
    runner = _Runner()
    _started(runner, SPEECH)
    Rerunner("s", SPEECH, "", fragment_id="outputs")._rerun(_session(runner, page=SPEECH))
    request = runner._requests.on_scriptrunner_ready()  # the run ended: what does the runner do next?
    assert request.type == ScriptRequestType.RERUN and request.rerun_data.fragment_id_queue == ["outputs"]
    assert request.rerun_data.page_script_hash == SPEECH


def test_a_redraw_for_the_page_left_is_dropped_before_the_new_pages_run_has_started():
    # The person clicked another page: Streamlit gave a new runner that page's run, but the pages
    # manager still names the old page until the run starts.
    runner = _Runner()
    _started(runner, WEBCAM)
    session = _session(runner, page=SPEECH)
    Rerunner("s", SPEECH, "", fragment_id="outputs")._rerun(session)
    assert runner._requests.on_scriptrunner_ready().type == ScriptRequestType.STOP  # nothing more to run
    assert session.created == []


def test_a_redraw_for_the_page_left_is_dropped_once_the_pages_manager_knows():
    runner = _Runner()
    _started(runner, WEBCAM)
    session = _session(runner, page=WEBCAM)
    Rerunner("s", SPEECH, "")._rerun(session)
    assert runner._requests.on_scriptrunner_ready().type == ScriptRequestType.STOP
    assert session.created == []
