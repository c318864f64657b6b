"""Each masker lays its explanation out as data; the page only draws it."""

import numpy as np
import pytest
from interpret_support import gender, half_red, loud_start, loudness, redness

import stface as gr
from stface.interpret import Cells, Heatmap, Tokens, display_for
from stface.interpret.html import cells_html, heatmap, text_html


def shown(demo, *values):
    """The display of each input's explanation, as the page would draw it."""
    payloads = demo._payloads(values)
    explanations = demo.interpret(*values)
    return [display_for(c, p, e) for c, p, e in zip(demo.input_components, payloads, explanations)]


def test_text_is_tokens_with_their_scores():
    (tokens,) = shown(gr.Interface(gender, "text", "label", interpretation="default"), "she met his dog")
    assert isinstance(tokens, Tokens)
    assert [token for token, _ in tokens.pairs] == ["she", " ", "met", " ", "his", " ", "dog", " "]
    assert [round(score, 2) for _, score in tokens.pairs[::2]] == [-0.5, 0.0, 0.5, 0.0]
    assert tokens.html() == text_html(tokens.pairs)
    assert tokens.html().count('class="stface-token"') == 8


def test_numbers_sliders_choices_and_checkboxes_are_labelled_cells():
    def loan(amount, years, kind, employed, extras):
        risk = min(1.0, amount / 100 + years / 50 + (kind == "house") * 0.1 + (0 if employed else 0.3) + 0.05 * len(extras))
        return {"approve": 1 - risk, "reject": risk}

    demo = gr.Interface(loan, [gr.Number(), gr.Slider(0, 70), gr.Radio(["car", "house"]), "checkbox",
                               gr.CheckboxGroup(["pet", "pool"])], "label", interpretation="default")  # fmt: skip
    number, slider, radio, checkbox, group = shown(demo, 20, 10, "car", True, ["pool"])
    assert all(isinstance(cells, Cells) for cells in (number, slider, radio, checkbox, group))
    assert number.labels == ("19.4", "19.6", "19.8", "20", "20.2", "20.4", "20.6")
    assert number.scores[3] is None and all(s is not None for i, s in enumerate(number.scores) if i != 3)
    assert slider.labels == ("0", "10", "20", "30", "40", "50", "60", "70") and len(slider.scores) == 8
    assert radio.labels == ("car", "house") and radio.scores[0] is None and radio.scores[1] is not None
    assert checkbox.labels == ("unchecked", "checked") and checkbox.scores[1] is None
    assert group.labels == ("pet", "pool ✓") and None not in group.scores
    assert radio.html() == cells_html(["car", "house"], radio.scores)
    assert radio.html().count('data-current="true"') == 1 and radio.html().count('class="stface-cell"') == 2


def test_image_is_a_heatmap_of_the_picture():
    image = half_red(24, 32)
    demo = gr.Interface(redness, "image", "label", interpretation="default")
    (picture,) = shown(demo, image)
    assert isinstance(picture, Heatmap)
    assert picture.picture.shape == (24, 32, 3) and picture.picture.dtype == np.uint8
    assert np.array_equal(picture.picture, heatmap(image, demo.interpret(image)[0]))


def test_audio_and_inputs_without_a_masker_are_numbered_parts():
    (audio,) = shown(gr.Interface(loudness, "audio", "label", interpretation="default"), loud_start())
    assert audio.labels == tuple(f"part {i}" for i in range(1, 9)) and audio.scores[0] > 0
    custom = display_for(gr.Dataframe(), [[1, 2]], [0.5, -0.25])
    assert custom == Cells(("part 1", "part 2"), (0.5, -0.25))


@pytest.mark.parametrize("method", ["default", "shap"])
def test_a_custom_function_is_displayed_as_the_built_in_method_is(method):
    built_in = gr.Interface(gender, "text", "label", interpretation=method, num_shap=4)
    explanation = built_in.interpret("she met him")
    custom = gr.Interface(gender, "text", "label", interpretation=lambda text: explanation[0])
    assert shown(custom, "she met him") == shown(built_in, "she met him")


def test_displays_are_frozen_data():
    cells = Cells(("a",), (0.5,))
    with pytest.raises(AttributeError):
        cells.labels = ("b",)  # type: ignore[misc]
    assert Tokens((("a", 1.0),)) == Tokens((("a", 1.0),))
