import pytest

import stface as gr


def test_preprocess_and_postprocess_turn_values_into_text():
    box = gr.Textbox()
    assert box.preprocess("hi") == "hi"
    assert box.preprocess(None) is None
    assert box.postprocess(3.5) == "3.5"
    assert box.postprocess(None) is None


def test_initial_payload_is_value_and_callable_values_are_called_per_session():
    calls = []
    box = gr.Textbox(value=lambda: calls.append(1) or "fresh")
    assert box.initial_payload() == "fresh"
    assert box.initial_payload() == "fresh"
    assert len(calls) == 2
    assert gr.Textbox(value=None).initial_payload() == ""


def test_lines_and_types_are_validated():
    assert gr.Textbox(lines=0).lines == 1
    assert gr.Textbox(lines=5, max_lines=2).max_lines == 5
    assert gr.TextArea().lines == 7
    for kind in ("text", "password", "email"):
        assert gr.Textbox(type=kind).type == kind
    with pytest.raises(ValueError, match="'text', 'password', 'email'"):
        gr.Textbox(type="secret")
