"""Gradio 6's Interface(validator=) with gr.validate, and fn parameters stface fills in (gr.Header, gr.EventData)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

import stface as gr
from stface.request import requested

VALIDATED_APP = """
import stface as gr

calls = []

def greet(name, age):
    calls.append(name)
    return f"{name} is {age}"

def check(name, age):
    return [gr.validate(bool(name.strip()), "Enter a name."), gr.validate(age >= 0, "Age cannot be negative.")]

demo = gr.Interface(greet, [gr.Textbox(label="name"), gr.Number(label="age")], gr.Textbox(label="out"), validator=check)
demo.render()
"""


def _submit(at: AppTest) -> AppTest:
    next(b for b in at.button if b.label == "Submit").click()
    return at.run()


def test_a_rejected_input_shows_its_message_and_fn_does_not_run():
    at = AppTest.from_string(VALIDATED_APP, default_timeout=30).run()
    at.text_input[0].input("Ada")
    at.number_input[0].set_value(-3)
    _submit(at)
    assert [e.value for e in at.error] == ["Age cannot be negative."]
    at.number_input[0].set_value(36)
    _submit(at)
    assert not at.error and at.text_area[0].value == "Ada is 36.0"


def test_several_rejections_name_their_inputs_and_the_same_rule_holds_on_a_call():
    def check(name, age):
        return [gr.validate(bool(name), "Enter a name."), gr.validate(age >= 0, "Age cannot be negative.")]

    calls = []

    def greet(name, age):
        calls.append(name)
        return name

    demo = gr.Interface(greet, ["text", "number"], "text", validator=check)
    try:
        demo("", -1)
    except gr.Error as exc:
        assert str(exc) == "name: Enter a name. age: Age cannot be negative."
    else:
        raise AssertionError("the validator did not stop the call")
    assert calls == [] and demo("Ada", 1) == "Ada"
    single = gr.Interface(lambda x: x, "text", "text", validator=lambda x: gr.validate(x != "no", "Not that."))
    assert single("yes") == "yes"
    try:
        single("no")
    except gr.Error as exc:
        assert str(exc) == "Not that."


def test_a_header_parameter_gets_its_header_and_is_not_an_input():
    def whoami(text, x_user_name: gr.Header, event: gr.EventData, selected: gr.SelectData):
        return f"{text}|{x_user_name}|{type(event).__name__}|{selected}"

    demo = gr.Interface(whoami, "text", "text")
    assert [c.label for c in demo.input_components] == ["text"]
    assert demo("hi") == "hi|None|NoneType|None"  # called as a function: no request
    with requested(gr.Request(headers={"X-User-Name": "ada"})):
        assert demo("hi") == "hi|ada|EventData|None"


def test_string_annotations_are_recognised_too():
    namespace: dict = {}
    exec(
        "from __future__ import annotations\nimport stface as gr\n"
        "def f(text, token: gr.Header | None, picked: gr.SelectData):\n    return text\n",
        namespace,
    )
    assert [c.label for c in gr.Interface(namespace["f"], "text", "text").input_components] == ["text"]


PRINTED_APP = """
import stface as gr

def fail(mode):
    raise gr.Error(f"shown {mode}", print_exception=(mode == "loud"))

demo = gr.Interface(fail, gr.Radio(["loud", "quiet"], label="mode"), gr.Textbox(label="out"))
demo.render()
"""


def test_an_error_is_logged_with_its_traceback_unless_print_exception_is_false(caplog):
    import logging

    at = AppTest.from_string(PRINTED_APP, default_timeout=30).run()
    with caplog.at_level(logging.INFO, logger="stface"):
        for mode in ("loud", "quiet"):
            at.radio[0].set_value(mode)
            _submit(at)
            assert [e.value for e in at.error] == [f"shown {mode}"]
    logged = [r for r in caplog.records if "raised gr.Error" in r.getMessage()]
    assert len(logged) == 1 and logged[0].exc_info and str(logged[0].exc_info[1]) == "shown loud"
