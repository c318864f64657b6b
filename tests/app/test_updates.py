"""gr.update / gr.skip / a returned component change an output in the page, per session, as in Gradio 3.50."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import stface as gr
from stface._kwargs import StfaceCompatibilityWarning

APP = '''
import stface as gr

def react(mode):
    if mode == "hide":
        return gr.update(visible=False), "hidden"
    if mode == "relabel":
        return gr.update(value="new text", label="Renamed"), gr.skip()
    if mode == "choices":
        return gr.Textbox(label="From a component", value="made"), gr.update(value="b", choices=["a", "b", "c"])
    return "plain", "x"

demo = gr.Interface(react, gr.Radio(["hide", "relabel", "choices", "plain"], label="mode"),
                    [gr.Textbox(label="text"), gr.Radio(["x"], label="pick")])
demo.render()
'''


def _submit(at: AppTest, mode: str) -> AppTest:
    at.radio(key=[r.key for r in at.radio if r.label == "mode"][0]).set_value(mode)
    next(b for b in at.button if b.label == "Submit").click()
    return at.run()


def test_updates_change_label_value_visibility_and_choices():
    at = AppTest.from_string(APP, default_timeout=30).run()
    _submit(at, "relabel")
    assert [(t.label, t.value) for t in at.text_area] == [("Renamed", "new text")]
    _submit(at, "choices")
    assert [(t.label, t.value) for t in at.text_area] == [("From a component", "made")]
    pick = [r for r in at.radio if r.label == "pick"][0]
    assert pick.options == ["a", "b", "c"] and pick.value == "b"
    _submit(at, "hide")
    assert [t.label for t in at.text_area] == []  # hidden until shown again
    assert not at.exception


def test_an_update_without_a_value_keeps_what_the_output_shows():
    at = AppTest.from_string(APP, default_timeout=30).run()
    _submit(at, "plain")
    _submit(at, "relabel")  # the second output is gr.skip()
    assert [t.value for t in at.text_area] == ["new text"]
    assert [r.value for r in at.radio if r.label == "pick"] == ["x"]


def test_updates_belong_to_one_session():
    first = AppTest.from_string(APP, default_timeout=30).run()
    _submit(first, "hide")
    second = AppTest.from_string(APP, default_timeout=30).run()
    assert [t.label for t in second.text_area] == ["text"]


def test_called_as_a_function_an_update_returns_its_value():
    demo = gr.Interface(lambda s: gr.update(value=s.upper(), visible=True), "text", "text")
    assert demo("hi") == "HI"
    assert gr.Interface(lambda s: gr.skip(), "text", "text")("hi") is None


GRADIO3_APP = '''
import stface as gr

def react(mode):
    if mode == "relabel":
        return gr.Textbox.update(value="new text", label="Renamed", lines=None), gr.Radio.update(choices=["a", "b"], value="b")
    if mode == "clear":
        return gr.Textbox.update(value=None), gr.Radio.update(visible=False)
    return "plain", "x"

demo = gr.Interface(react, gr.Radio(["relabel", "clear", "plain"], label="mode"),
                    [gr.Textbox(label="text"), gr.Radio(["x"], label="pick")])
demo.render()
'''


def test_gradio_3_component_update_changes_outputs_as_gr_update_does():
    at = AppTest.from_string(GRADIO3_APP, default_timeout=30).run()
    _submit(at, "relabel")
    assert [(t.label, t.value) for t in at.text_area] == [("Renamed", "new text")]
    assert [(r.options, r.value) for r in at.radio if r.label == "pick"] == [(["a", "b"], "b")]
    _submit(at, "clear")
    assert [t.value for t in at.text_area] == [""]  # value=None clears; lines=None changed nothing
    assert [r.label for r in at.radio] == ["mode"]  # the pick radio is hidden
    assert not at.exception


def test_gradio_3_component_update_refuses_an_option_the_component_lacks():
    with pytest.raises(TypeError, match="Textbox.update\\(\\) got an unexpected keyword argument 'visibel'. Did you mean 'visible'"):
        gr.Textbox.update(visibel=False)
    with pytest.warns(StfaceCompatibilityWarning, match="deprecated in Gradio 3.50"):
        assert gr.Number.update(value=3) == {"__type__": "update", "value": 3}
    demo = gr.Interface(lambda s: gr.Textbox.update(value=s.upper()), "text", "text")
    assert demo("hi") == "HI"  # called as a function, as gr.update returns its value


STREAM_APP = '''
import stface as gr

def react(mode):
    if mode == "relabel":
        yield gr.update(value="a", label="Renamed"), "x"
        yield "b", gr.skip()
        return
    yield "first", gr.skip()
    yield (gr.update(visible=False) if mode == "hide" else gr.skip()), "x"

demo = gr.Interface(react, gr.Radio(["hide", "keep", "relabel"], label="mode"),
                    [gr.Textbox(label="text"), gr.Radio(["x"], label="pick")])
demo.render()
'''


def test_a_stream_changes_each_output_in_its_own_place():
    at = AppTest.from_string(STREAM_APP, default_timeout=30).run()
    _submit(at, "keep")  # the second update skips the text: it keeps "first"
    assert [t.value for t in at.text_area] == ["first"]
    assert [r.value for r in at.radio if r.label == "pick"] == ["x"]
    assert not at.main.get("html")  # the text box's streamed lookalike gave way to the text area
    _submit(at, "relabel")  # a label the first update set stays when the next one sets only the value
    assert [(t.label, t.value) for t in at.text_area] == [("Renamed", "b")]
    _submit(at, "hide")
    assert [t.label for t in at.text_area] == []  # hidden by an update in the middle of the stream
    assert [r.value for r in at.radio if r.label == "pick"] == ["x"] and not at.exception
