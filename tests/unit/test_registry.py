import pytest

import stface as gr
from stface.components.registry import component_from, shortcut_names

SHORTCUTS = {
    "text": gr.Textbox,
    "textbox": gr.Textbox,
    "textarea": gr.TextArea,
    "number": gr.Number,
    "slider": gr.Slider,
    "dropdown": gr.Dropdown,
    "checkbox": gr.Checkbox,
    "checkboxgroup": gr.CheckboxGroup,
    "checkbox_group": gr.CheckboxGroup,
    "radio": gr.Radio,
    "label": gr.Label,
    "json": gr.JSON,
    "html": gr.HTML,
    "markdown": gr.Markdown,
    "highlight": gr.HighlightedText,
    "highlightedtext": gr.HighlightedText,
    "dataframe": gr.Dataframe,
    "numpy": gr.Dataframe,
    "matrix": gr.Dataframe,
    "list": gr.Dataframe,
    "state": gr.State,
    "TEXT": gr.Textbox,
}


@pytest.mark.parametrize(("name", "cls"), SHORTCUTS.items())
def test_gradio_shortcuts_resolve(name, cls):
    component = component_from(name)
    assert isinstance(component, cls)


def test_each_shortcut_builds_a_new_component():
    assert component_from("text") is not component_from("text")


def test_dict_specs_pass_options():
    dropdown = component_from({"name": "dropdown", "choices": ["a", "b"]})
    assert dropdown.values == ["a", "b"]
    with pytest.raises(ValueError, match="needs a 'name' key"):
        component_from({"choices": []})


def test_unknown_shortcut_lists_the_valid_names():
    with pytest.raises(ValueError, match="Unknown input shortcut 'txt'. Valid names: .*textbox"):
        component_from("txt", role="input")
    assert "textarea" in shortcut_names()


def test_other_types_are_refused():
    with pytest.raises(TypeError, match="shortcut string"):
        component_from(42)
