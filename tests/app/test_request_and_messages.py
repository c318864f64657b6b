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
