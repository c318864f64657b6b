"""Gradio 3.x's set_interpret_parameters: bad options are refused at once, with what to pass instead.

What each option does to the scores is checked against Gradio 3.50.2 itself
in test_parity.py (the fixtures whose inputs hold interpret_parameters).
"""

from __future__ import annotations

import pytest

import stface as gr


@pytest.mark.parametrize(
    ("make", "options", "message"),
    [
        (gr.Image, {"segments": 0}, "segments=...) takes a whole number of at least 1, not 0"),
        (gr.Audio, {"segments": 2.5}, "segments=...) takes a whole number of at least 1, not 2.5"),
        (lambda: gr.Slider(0, 10), {"steps": True}, "steps=...) takes a whole number of at least 1, not True"),
        (gr.Number, {"steps": -1}, "steps=...) takes a whole number of at least 1, not -1"),
        (gr.Textbox, {"separator": ""}, "separator=...) takes a non-empty string, not ''"),
        (gr.Textbox, {"replacement": 3}, "replacement=...) takes a string or None, not 3"),
    ],
)
def test_a_bad_option_is_refused_with_what_it_takes(make, options, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        make().set_interpret_parameters(**options)


def test_defaults_are_gradio_3_50s():
    assert (gr.Textbox().interpretation_separator, gr.Textbox().interpretation_replacement) == (" ", None)
    number = gr.Number()
    assert (number.interpretation_steps, number.interpretation_delta, number.interpretation_delta_type) == (3, 1, "percent")
    assert gr.Slider().interpretation_steps == 8
    assert gr.Image().interpretation_segments == 16
    assert gr.Audio().interpretation_segments == 8
    radio = gr.Radio(["a", "b"])
    assert radio.set_interpret_parameters() is radio  # Gradio's no-option hook, chainable


def test_an_unknown_delta_type_steps_by_delta_as_gradio_does():
    with pytest.warns(UserWarning, match="the types are 'percent' and 'absolute'"):
        number = gr.Number().set_interpret_parameters(steps=1, delta=2, delta_type="abs")
    demo = gr.Interface(lambda x: x, number, "number", interpretation="default")
    (pairs,) = demo.interpret(10)
    assert [value for value, _ in pairs] == [8.0, 10.0, 12.0]


def test_whole_numbers_need_whole_steps_and_the_error_says_which_option_to_change():
    number = gr.Number(precision=0).set_interpret_parameters(delta=0.5, delta_type="absolute")
    demo = gr.Interface(lambda x: x, number, "number", interpretation="default")
    with pytest.raises(gr.Error, match=r"the step \(0.5\) is not a whole number\. Pick a delta"):
        demo.interpret(10)


def test_options_do_not_change_how_a_component_converts():
    assert gr.Image().set_interpret_parameters(segments=4).converts_like(gr.Image())
