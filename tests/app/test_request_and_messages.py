"""gr.Request, gr.Info / gr.Warning / gr.Success toasts, and Gradio 5's gr.Error(title=, visible=) in the page."""

from __future__ import annotations

import logging

from streamlit.testing.v1 import AppTest

import stface as gr

REQUEST_APP = '''
import stface as gr

def whoami(name, request: gr.Request):
    assert isinstance(request, gr.Request)
    return f"{name} in session {bool(request.session_hash)} from {request.client.host!r}"

demo = gr.Interface(whoami, gr.Textbox(label="name"), gr.Textbox(label="output"))
demo.render()
'''

MESSAGES_APP = '''
import stface as gr

def speak(mode):
    if mode == "info":
        gr.Info("an info message")
        gr.Warning("a warning", title="Careful")
        gr.Success("it worked")
        return "told"
    if mode == "titled":
        raise gr.Error("the input was odd", title="Oops")
    raise gr.Error("not shown", visible=False)

demo = gr.Interface(speak, gr.Radio(["info", "titled", "hidden"], label="mode"), gr.Textbox(label="output"))
demo.render()
'''


def _submit(at: AppTest) -> AppTest:
    next(b for b in at.button if b.label == "Submit").click()
    return at.run()


def test_a_request_parameter_is_filled_in_and_is_not_an_input():
    at = AppTest.from_string(REQUEST_APP, default_timeout=30).run()
    assert [t.label for t in at.text_input] == ["name"]  # the request is not drawn
    at.text_input[0].input("Ada")
    _submit(at)
    assert not at.exception and not at.error
    assert at.text_area[0].value.startswith("Ada in session True")


def test_called_as_a_function_fn_gets_no_request():
    def whoami(name, request: gr.Request):
        return f"{name}: {request}"

    demo = gr.Interface(whoami, "text", "text")
    assert [c.label for c in demo.input_components] == ["name"]
    assert demo("Ada") == "Ada: None"


def test_request_headers_match_whatever_their_case():
    request = gr.Request(headers={"X-Test": "yes"}, client_host="10.0.0.1", query_params={"q": "1"})
    assert request.headers["x-test"] == request.headers.get("X-TEST") == "yes"
    assert "x-TEST" in request.headers and request.client.host == "10.0.0.1"


def test_info_warning_and_success_show_as_toasts():
    at = AppTest.from_string(MESSAGES_APP, default_timeout=30).run()
    at.radio[0].set_value("info")
    _submit(at)
    toasts = [t.value for t in at.toast]
    assert toasts == ["an info message", "**Careful**: a warning", "it worked"]
    assert at.text_area[0].value == "told"


def test_an_error_title_heads_its_message_and_an_invisible_error_shows_nothing():
    at = AppTest.from_string(MESSAGES_APP, default_timeout=30).run()
    at.radio[0].set_value("titled")
    _submit(at)
    assert [e.value for e in at.error] == ["Oops: the input was odd"]
    at.radio[0].set_value("hidden")
    _submit(at)
    assert [e.value for e in at.error] == []
    assert not at.exception


def test_outside_the_page_messages_go_to_the_log(caplog):
    def speak(text):
        gr.Info("informed")
        gr.Warning("warned", title="Careful")
        return text

    with caplog.at_level(logging.INFO, logger="stface"):
        assert gr.Interface(speak, "text", "text")("x") == "x"
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [("INFO", "informed"), ("WARNING", "Careful: warned")]


def test_a_chat_fn_gets_the_request_and_its_messages_show():
    app = '''
import stface as gr

def answer(message, history, request: gr.Request):
    gr.Info("thinking")
    return f"{message} / session {bool(request.session_hash)}"

gr.ChatInterface(answer, type="messages").render()
'''
    at = AppTest.from_string(app, default_timeout=30).run()
    at.chat_input[0].set_value("hi").run()
    assert [t.value for t in at.toast] == ["thinking"]
    assert at.chat_message[-1].markdown[0].value == "hi / session True"


OAUTH_APP = '''
from typing import Optional
import stface as gr

def hello(name, profile: Optional[gr.OAuthProfile], token: gr.OAuthToken | None):
    return f"{name}: {profile.name if profile else 'nobody'} {token.token if token else 'no token'}"

def strict(name, profile: gr.OAuthProfile):
    return profile.name

gr.Interface(hello, gr.Textbox(label="name"), gr.Textbox(label="out")).render(key="a")
gr.Interface(strict, gr.Textbox(label="who"), gr.Textbox(label="strict out")).render(key="b")
'''


def test_oauth_parameters_are_filled_in_and_ask_to_log_in_when_required():
    at = AppTest.from_string(OAUTH_APP, default_timeout=30).run()
    assert [t.label for t in at.text_input] == ["name", "who"]  # profile and token are not inputs
    at.text_input[0].input("Ada")
    [b for b in at.button if b.label == "Submit"][0].click()
    at.run()
    assert at.text_area[0].value == "Ada: nobody no token"  # nobody logged in: None for Optional
    at.text_input[1].input("x")
    [b for b in at.button if b.label == "Submit"][1].click()
    at.run()
    assert [e.value for e in at.error] == ["Please log in first: this function needs to know who you are."]


def test_an_oauth_profile_reads_like_gradios():
    profile = gr.OAuthProfile({"name": "Ada", "email": "ada@example.org", "picture": "p.png"})
    assert (profile.name, profile.username, profile.picture, profile["name"]) == ("Ada", "ada@example.org", "p.png", "Ada")
    assert gr.Interface(lambda s, p: p, ["text"], "text").input_components  # an unannotated parameter stays an input


def test_the_request_is_read_from_the_page_only_when_something_asks_for_it():
    from stface.request import current_request, requested

    made: list[int] = []

    def make() -> gr.Request:
        made.append(1)
        return gr.Request(headers={"X-User": "ada"}, session_hash="s1")

    with requested(make):
        assert made == []  # fn that takes no request costs nothing
        assert current_request().headers["x-user"] == "ada"
        assert current_request() is current_request()
    assert made == [1] and current_request() is None


def test_a_cached_fn_still_sees_the_session_through_a_lazy_request():
    from stface.caching import _session_hash
    from stface.request import requested

    with requested(lambda: gr.Request(session_hash="s2")):
        assert _session_hash() == "s2"


SPINNER_APP = '''
import time
import stface as gr

def echo(text):
    if text == "slow":
        time.sleep(0.3)
    return text

demo = gr.Interface(echo, gr.Textbox(label="text"), gr.Textbox(label="output"))
demo.render()
'''


def test_the_spinner_rule_quick_after_three_quick_requests_and_back_after_one_slow():
    from stface.runtime.page_run import quick, remember

    key = "test-spinner-rule"
    assert not quick(key)  # never answered: the spinner is used
    for _ in range(3):
        remember(key, 0.01)
    assert quick(key)
    remember(key, 0.4)
    assert not quick(key)  # one slow request brings it back
    remember(key, 0.01)
    remember(key, 0.01)
    assert not quick(key)
    remember(key, 0.01)
    assert quick(key)


def test_the_page_records_how_long_each_request_took():
    from stface.runtime import page_run

    page_run._recent.clear()  # another test's interface may share this one's key
    at = AppTest.from_string(SPINNER_APP, default_timeout=30).run()
    answers = []
    for text in ["a", "b", "c"]:
        at.text_input[0].input(text)
        answers.append(_submit(at).text_area[0].value)
    (key,) = page_run._recent
    assert page_run.quick(key)
    at.text_input[0].input("slow")
    answers.append(_submit(at).text_area[0].value)
    assert not page_run.quick(key)
    assert answers == ["a", "b", "c", "slow"] and not at.exception


def test_the_connection_watcher_is_inline_code_to_streamlit_not_a_file_path():
    """Streamlit reads a one-line ``js=`` string with ``[`` or ``/`` in it as a file's path."""
    from streamlit.components.v2.component_path_utils import ComponentPathUtils

    from stface.runtime.reconnect import _JS

    assert ComponentPathUtils.looks_like_inline_content(_JS)
    assert "setTriggerValue" in _JS and "data-test-connection-state" in _JS
