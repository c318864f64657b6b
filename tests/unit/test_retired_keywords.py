"""What Gradio 3.50 accepted, stface accepts: retired keywords from Gradio's own 3.x demos and guides.

Gradio 3.50 built components given unknown or retired keywords and only
warned (``check_deprecated_parameters``), and kept ``.style(...)`` as a
no-op with a warning. Each call below is copied from a Gradio 3.x demo or
guide (the file is named beside it); stface must build it, warn, and keep
the component working.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import stface as gr
from stface._kwargs import StfaceCompatibilityWarning

CMAP = {"+": "green", "-": "pink"}

#: (where it comes from, the call) for every stface component Gradio 3.50 has.
DEMO_CALLS = [
    ("unispeech-speaker-verification", lambda: gr.Audio(source="microphone", type="filepath", optional=True, label="Speaker #1")),
    ("video_component (3.x)", lambda: gr.Video(type="file")),
    ("video_subtitle (3.x)", lambda: gr.Video(type="file", label="In", interactive=True)),
    ("Gradio-and-Wandb-Integration guide", lambda: gr.Image(type="file")),
    ("image editor (3.x)", lambda: gr.Image(tool="editor")),
    ("blocks_style", lambda: gr.Textbox(label="Small Textbox", lines=1).style(rounded=False, border=False, container=False)),
    ("blocks_style", lambda: gr.Number(label="Number", show_label=False).style(rounded=False, border=False, container=False)),
    ("blocks_style", lambda: gr.Slider(label="Slider", show_label=False).style(margin=False, container=False)),
    ("blocks_style", lambda: gr.CheckboxGroup(["a", "b"], label="CG").style(rounded=False, container=False, item_container=False)),
    ("blocks_style", lambda: gr.Radio(["a", "b"], label="Radio").style(item_container=False, container=False)),
    ("blocks_style", lambda: gr.Dropdown(["a", "b"], label="Dropdown").style(rounded=False, container=False)),
    ("blocks_style", lambda: gr.Checkbox(label="Checkbox").style(rounded=False, border=False, container=False)),
    ("blocks_style", lambda: gr.Image(label="Image").style(height=100, rounded=False)),
    ("blocks_style", lambda: gr.Video(label="Video").style(height=100, rounded=False)),
    ("blocks_style", lambda: gr.Audio(label="Audio").style(rounded=False)),
    ("blocks_style", lambda: gr.File(label="File").style(rounded=False)),
    ("blocks_style", lambda: gr.Dataframe(label="Dataframe").style(rounded=False)),
    ("blocks_style", lambda: gr.Label().style(container=False)),
    ("blocks_style", lambda: gr.HTML(show_label=False).style()),
    ("blocks_style", lambda: gr.JSON(label="JSON").style(container=False)),
    ("blocks_style", lambda: gr.Markdown("md").style(rounded=False)),
    ("kitchen_sink", lambda: gr.HighlightedText(label="HighlightedText").style(color_map={"punc": "pink", "test 0": "blue"})),
    ("chatbot_multimodal", lambda: gr.Textbox(show_label=False, placeholder="Enter text").style(container=False)),
    ("blocks_essay (3.4x)", lambda: gr.Textbox(lines=2, interactive=True).style(show_copy_button=True)),
    ("create-your-own-friends-with-a-gan guide", lambda: gr.Slider(0, 1000, label="Seed", default=42)),
    ("create-your-own-friends-with-a-gan guide", lambda: gr.Slider(4, 64, label="Number of Punks", step=1, default=10)),
    ("deprecation table", lambda: gr.Textbox(optional=True, numeric=False)),
    ("deprecation table", lambda: gr.File(keep_filename=True)),
    ("deprecation table", lambda: gr.Number(width=100, height=20)),
    ("gr.outputs.Label default", lambda: gr.Label(type="auto")),
    ("blocks_flashcards (3.x)", lambda: gr.State(value=0, optional=True)),
    ("gr.outputs.Image default", lambda: gr.Image(type="auto")),
    ("gr.outputs.Dataframe default", lambda: gr.Dataframe(type="auto")),
]

#: Interface options that Gradio 3.50 warned about and Gradio's demos pass.
INTERFACE_CALLS = [
    ("unispeech-speaker-verification", {"layout": "horizontal", "theme": "huggingface", "allow_flagging": "never"}),
    ("digit_classifier", {"capture_session": True, "interpretation": "default"}),
    ("Echocardiogram-Segmentation", {"allow_flagging": False, "analytics_enabled": False, "thumbnail": "x.png"}),
    ("a typo Gradio 3.50 only warned about", {"desciron": "typo"}),
]

#: Gradio 3's gr.inputs / gr.outputs calls from its demos: stface supports every keyword, so no warning.
LEGACY_NAMESPACES = [
    ("blocks_flashcards", lambda: gr.Variable()),
    ("animeganv2", lambda: gr.inputs.Radio(["v1", "v2"], type="value", default="v2", label="version")),
    ("diff_texts", lambda: gr.inputs.Textbox(lines=3, default="The quick brown fox")),
    ("outbreak_forecast", lambda: gr.inputs.Slider(1, 4, default=3.2, label="R")),
    ("digit_classifier", lambda: gr.inputs.Image(shape=(28, 28), image_mode="L", invert_colors=False)),
    ("image_classifier_interpretation", lambda: gr.outputs.Label(num_top_classes=3)),
    ("diff_texts", lambda: gr.outputs.HighlightedText(color_map=CMAP)),
    ("calculator", lambda: gr.inputs.Radio(["add", "subtract", "multiply", "divide"])),
]

STILL_VALID = [*(call for _, call in LEGACY_NAMESPACES),
    lambda: gr.Image(shape=(112, 112), label="Echocardiogram"),
    lambda: gr.Image(label="Sketchpad", source="upload"),
    lambda: gr.Image(tool="sketch", source="upload", label="Mask"),  # blocks_mask: drawing is supported
    lambda: gr.inputs.Image(source="webcam", tool=None),  # webcam demo
    lambda: gr.Audio(label="Microphone", source="microphone"),
    lambda: gr.Textbox(lines=3, placeholder="Type here"),
    lambda: gr.State(label="kept"),
]


def _build(call):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        component = call()
    return component, [w for w in caught if issubclass(w.category, StfaceCompatibilityWarning)]


@pytest.mark.parametrize("call", [c for _, c in DEMO_CALLS], ids=[f"{i}:{w}" for i, (w, _) in enumerate(DEMO_CALLS)])
def test_retired_keywords_from_gradio_demos_build_with_a_warning(call):
    component, warned = _build(call)
    assert isinstance(component, gr.Component)
    assert len(warned) >= 1, "a retired keyword must be named in a warning"
    assert all("no effect in stface" in str(w.message) or "stface uses" in str(w.message) for w in warned)


def test_every_gradio_3_50_component_stface_has_is_in_the_table():
    covered = {type(_build(call)[0]).__name__ for _, call in DEMO_CALLS}
    gradio_350 = {"Textbox", "Number", "Slider", "Checkbox", "CheckboxGroup", "Radio", "Dropdown", "Image", "Video",
                  "Audio", "File", "Dataframe", "Label", "HighlightedText", "JSON", "HTML", "Markdown", "State"}  # fmt: skip
    assert gradio_350 <= covered


@pytest.mark.parametrize("options", [o for _, o in INTERFACE_CALLS], ids=[w for w, _ in INTERFACE_CALLS])
def test_retired_interface_options_build_a_working_interface_with_a_warning(options):
    def shout(text):
        return {"loud": float(text.isupper()), "quiet": float(not text.isupper())}

    with pytest.warns(StfaceCompatibilityWarning):
        demo = gr.Interface(shout, "text", "label", **options)
    assert demo("HEY") == {"loud": 1.0, "quiet": 0.0}


def test_one_warning_names_every_option_without_effect_and_suggests_a_close_name():
    _, warned = _build(lambda: gr.Textbox(optional=True, plceholder="x", scale=2))
    (message,) = [str(w.message) for w in warned]
    assert "optional, plceholder (did you mean 'placeholder'?), scale." in message


def test_retired_values_map_to_todays_and_keep_working():
    image, _ = _build(lambda: gr.Image(type="file"))
    assert image.type == "filepath"
    assert image.preprocess(np.zeros((2, 2, 3), dtype=np.uint8)).endswith(".png")
    slider, _ = _build(lambda: gr.Slider(0, 1000, label="Seed", default=42))
    assert slider.initial_payload() == 42  # Gradio 3.50 dropped default=; stface keeps it as the value
    textbox, _ = _build(lambda: gr.Textbox(label="a").style(container=False))
    assert textbox.preprocess("x") == "x" and textbox.label == "a"


@pytest.mark.parametrize("call", STILL_VALID)
def test_real_options_do_not_warn(call):
    _, warned = _build(call)
    assert warned == []
