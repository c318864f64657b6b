import warnings

import pytest

import stface as gr
from stface._kwargs import StfaceCompatibilityWarning


def test_known_gradio_options_warn_once_naming_them_all():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gr.Textbox(scale=2, elem_id="x", show_copy_button=True)
    messages = [str(w.message) for w in caught if issubclass(w.category, StfaceCompatibilityWarning)]
    assert len(messages) == 1
    assert "elem_id, scale, show_copy_button" in messages[0]


def test_misspelled_component_option_warns_and_suggests_the_right_name():
    with pytest.warns(StfaceCompatibilityWarning, match="Textbox\\(\\): these options have no effect in stface: plceholder \\(did you mean 'placeholder'\\?\\)"):
        box = gr.Textbox(plceholder="x")
    assert box.placeholder is None  # Gradio 3.50 builds it too, without the option


def test_misspelled_interface_option_warns_and_suggests_the_right_name():
    with pytest.warns(StfaceCompatibilityWarning, match="did you mean 'examples'"):
        demo = gr.Interface(lambda x: x, "text", "text", exampels=[["a"]])
    assert demo("a") == "a"


def test_unknown_option_without_a_near_name_warns_without_a_suggestion():
    with pytest.warns(StfaceCompatibilityWarning, match="Interface\\(\\): these options have no effect in stface: zzz. Remove"):
        gr.Interface(lambda x: x, "text", "text", zzz=1)


def test_the_warning_points_at_the_app_line_that_caused_it():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gr.Textbox(scale=2)
    assert [w.filename for w in caught] == [__file__]


def test_interface_ignored_options_warn():
    with pytest.warns(StfaceCompatibilityWarning, match="thumbnail"):
        gr.Interface(lambda x: x, "text", "text", thumbnail="a.png", analytics_enabled=False)


def test_launch_options_are_checked_the_same_way():
    from stface.runtime.options import LaunchOptions

    with pytest.raises(TypeError, match="Did you mean 'server_port'"):
        LaunchOptions.from_kwargs(server_prot=1)
    with pytest.warns(StfaceCompatibilityWarning, match="debug"):
        assert LaunchOptions.from_kwargs(debug=True, server_port=9000).port == 9000
