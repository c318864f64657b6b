import math

import pytest

import stface as gr
from stface.components.number import round_to_precision


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [(2.6, None, 2.6), (2.6, 0, 3), (2.345, 2, 2.35), (7, None, 7.0)],
)
def test_round_to_precision_follows_gradio(value, precision, expected):
    result = round_to_precision(value, precision)
    assert result == expected
    assert type(result) is type(expected)


def test_number_bounds_are_checked_with_a_clear_message():
    number = gr.Number(minimum=0, maximum=10)
    assert number.preprocess(5) == 5.0
    with pytest.raises(gr.Error, match="less than minimum value 0"):
        number.preprocess(-1)
    with pytest.raises(gr.Error, match="greater than maximum value 10"):
        number.preprocess(11)


def test_number_refuses_text_and_non_finite_values():
    with pytest.raises(gr.Error, match="expects a number"):
        gr.Number().preprocess("abc")
    with pytest.raises(gr.Error, match="finite"):
        gr.Number().preprocess(math.inf)
    assert gr.Number().preprocess("4") == 4.0
    assert gr.Number().preprocess(None) is None


def test_number_postprocess_rounds_and_initial_payload_matches_widget_type():
    assert gr.Number(precision=0).postprocess(2.4) == 2
    assert gr.Number(value=3, precision=0).initial_payload() == 3
    assert gr.Number(value=3).initial_payload() == 3.0
    assert gr.Number().initial_payload() is None


def test_slider_default_step_is_gradios():
    assert gr.Slider(0, 100).step == 1
    assert gr.Slider(0, 1).step == 0.01
    assert gr.Slider(0, 10000).step == 100
    assert gr.Slider(2, 20).step == 0.1  # so the sentence builder count is a float, as in Gradio


def test_slider_starts_at_minimum_or_value_and_checks_range():
    assert gr.Slider(2, 20).initial_payload() == 2
    assert gr.Slider(2, 20, value=4).initial_payload() == 4
    assert isinstance(gr.Slider(0, 100, value=4).initial_payload(), int)
    assert isinstance(gr.Slider(0, 1, value=0.5).initial_payload(), float)
    with pytest.raises(gr.Error, match="outside the slider's range"):
        gr.Slider(0, 10).preprocess(11)
    with pytest.raises(ValueError, match="greater than minimum"):
        gr.Slider(5, 5)


def test_slider_randomize_draws_steps_inside_the_range():
    slider = gr.Slider(0, 1, step=0.25, randomize=True)
    seen = {slider.initial_payload() for _ in range(200)}
    assert seen <= {0.0, 0.25, 0.5, 0.75, 1.0}
    assert len(seen) > 1
