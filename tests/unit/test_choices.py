import pytest

import stface as gr


def test_dropdown_value_and_index_types():
    assert gr.Dropdown(["C", "D", "E"]).preprocess("D") == "D"
    assert gr.Dropdown(["C", "D", "E"], type="index").preprocess("E") == 2
    assert gr.Dropdown(["C", "D"]).preprocess(None) is None


def test_dropdown_multiselect_returns_lists():
    dropdown = gr.Dropdown(["ran", "swam", "ate"], multiselect=True, value=["swam"])
    assert dropdown.initial_payload() == ["swam"]
    assert dropdown.preprocess(["ate", "ran"]) == ["ate", "ran"]
    assert gr.Dropdown(["a", "b"], multiselect=True, type="index").preprocess(["b"]) == [1]
    assert gr.Dropdown(["a"], multiselect=True).initial_payload() == []


def test_unknown_choice_is_an_error_listing_the_choices():
    with pytest.raises(gr.Error, match="Choose one of: 'C', 'D'"):
        gr.Dropdown(["C", "D"], label="note").preprocess("X")
    assert gr.Dropdown(["C"], allow_custom_value=True).preprocess("X") == "X"


def test_choices_may_be_display_value_pairs():
    radio = gr.Radio([("Add", "+"), ("Subtract", "-")])
    assert radio.values == ["+", "-"]
    assert radio.preprocess("-") == "-"
    assert radio.name_of("-") == "Subtract"


def test_radio_types():
    assert gr.Radio(["add", "subtract"]).preprocess("add") == "add"
    assert gr.Radio(["add", "subtract"], type="index").preprocess("subtract") == 1
    with pytest.raises(ValueError, match="'value' or 'index'"):
        gr.Radio(["a"], type="label")


def test_checkbox_group_keeps_choice_order_and_supports_index():
    group = gr.CheckboxGroup(["USA", "Japan", "Pakistan"])
    assert group.preprocess(["Pakistan", "USA"]) == ["USA", "Pakistan"]
    assert gr.CheckboxGroup(["a", "b", "c"], type="index").preprocess(["c", "a"]) == [0, 2]
    assert group.initial_payload() == []
    assert gr.CheckboxGroup(["a", "b"], value="a").initial_payload() == ["a"]
    with pytest.raises(gr.Error):
        group.preprocess(["Mars"])


def test_checkbox_is_boolean():
    assert gr.Checkbox().initial_payload() is False
    assert gr.Checkbox(value=True).preprocess(1) is True
    assert gr.Checkbox().postprocess(0) is False
