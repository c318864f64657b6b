import sys

import numpy as np
import pytest
from interpret_support import gender, half_red, loud_start, loudness, redness

import stface as gr

WORDS = " ".join(["she", "said", "he", "was", "late"] * 8)  # 40 words


def counting(fn, batched):
    calls = []

    def wrapped(*args):
        calls.append(len(args[0]) if batched else 1)
        if batched:
            return ([fn(*row) for row in zip(*args)],)
        return fn(*args)

    return wrapped, calls


def test_batched_default_text_interpretation_makes_at_most_two_calls():
    fn, calls = counting(gender, batched=True)
    demo = gr.Interface(fn, "text", "label", interpretation="default", batch=True, max_batch_size=64)
    batched = demo.interpret(WORDS)
    assert len(calls) <= 2
    assert sum(calls) == 41  # the original and one row per word
    plain_fn, plain_calls = counting(gender, batched=False)
    plain = gr.Interface(plain_fn, "text", "label", interpretation="default").interpret(WORDS)
    assert len(plain_calls) == 41
    assert batched == plain


def test_small_batches_split_the_work():
    fn, calls = counting(gender, batched=True)
    gr.Interface(fn, "text", "label", interpretation="default", batch=True, max_batch_size=8).interpret(WORDS)
    assert len(calls) == 6 and max(calls) <= 8


def test_dropdown_is_interpreted_like_radio():
    table = {"apple": {"red": 0.7, "green": 0.3}, "kiwi": {"red": 0.1, "green": 0.9}, "lime": {"red": 0.0, "green": 1.0}}
    radio = gr.Interface(table.get, gr.Radio(list(table)), "label", interpretation="default").interpret("kiwi")
    dropdown = gr.Interface(table.get, gr.Dropdown(list(table)), "label", interpretation="default").interpret("kiwi")
    assert radio == dropdown
    assert dropdown[0][1] is None


def test_audio_gets_a_score_per_segment():
    result = gr.Interface(loudness, "audio", "label", interpretation="default").interpret(loud_start())[0]
    assert len(result) == 8
    assert result[0] > 0 and all(score == 0 for score in result[1:])


def test_number_output_scores_are_signed_differences():
    result = gr.Interface(lambda x: 2 * x, "number", "number", interpretation="default").interpret(10)[0]
    assert result[3] == (10.0, None)
    assert [round(s, 6) for _, s in result if s is not None] == [-0.6, -0.4, -0.2, 0.2, 0.4, 0.6]


def test_custom_function_receives_processed_inputs_and_one_entry_per_input():
    seen = []

    def custom(text, flag):
        seen.append((text, flag))
        return [[(text, 1.0)], (0.5, None)]

    demo = gr.Interface(lambda t, f: "x", ["text", "checkbox"], "label", interpretation=custom)
    assert demo.interpret("hi", 1) == [[("hi", 1.0)], (0.5, None)]
    assert seen == [("hi", True)]


def test_per_input_methods_and_none():
    demo = gr.Interface(lambda t, n: gender(t), ["text", "number"], "label", interpretation=["default", None])
    text, number = demo.interpret("she and he", 3)
    assert number is None and text[0][0] == "she"


def test_shap_with_a_batched_fn_calls_it_in_batches():
    fn, calls = counting(gender, batched=True)
    demo = gr.Interface(fn, "text", "label", interpretation="shap", num_shap=7, batch=True, max_batch_size=64)
    result = demo.interpret("she gave him her key")[0]
    assert [token for token, _ in result[::2]] == ["she", "gave", "him", "her", "key"]
    assert len(calls) < 10


def test_shap_on_images_gives_a_map():
    image = half_red(32, 32)
    heat = gr.Interface(redness, "image", "label", interpretation="shap", num_shap=2).interpret(image)[0]
    assert np.asarray(heat).shape == (32, 32)


@pytest.mark.parametrize(
    ("inputs", "outputs", "value", "message"),
    [
        ("text", "image", "x", "needs a Label or Number as the first output; this interface has Image"),
        ("dataframe", "label", [[1]], "Dataframe inputs cannot be interpreted; supported inputs: Textbox"),
        (gr.Dropdown(["a", "b"], multiselect=True), "label", ["a"], "multiselect Dropdown"),
    ],
)
def test_unsupported_combinations_are_clear_errors(inputs, outputs, value, message):
    demo = gr.Interface(lambda x: {"a": 1.0}, inputs, outputs, interpretation="default")
    with pytest.raises(gr.Error, match=message):
        demo.interpret(value)


def test_shap_on_numbers_is_refused_and_unknown_methods_too():
    with pytest.raises(gr.Error, match="support 'default' interpretation, not 'shap'"):
        gr.Interface(lambda n: {"a": 1.0}, "number", "label", interpretation="shap").interpret(1)
    with pytest.raises(ValueError, match="Unknown interpretation method 'lime'"):
        gr.Interface(lambda t: {"a": 1.0}, "text", "label", interpretation="lime").interpret("x")
    with pytest.raises(gr.Error, match="no interpretation"):
        gr.Interface(lambda t: {"a": 1.0}, "text", "label").interpret("x")


def test_missing_optional_packages_name_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "shap", None)
    with pytest.raises(ImportError, match=r"pip install 'stface\[interpret\]'"):
        gr.Interface(gender, "text", "label", interpretation="shap").interpret("she")
    monkeypatch.setitem(sys.modules, "skimage.segmentation", None)
    with pytest.raises(ImportError, match=r"scikit-image: pip install 'stface\[interpret\]'"):
        gr.Interface(lambda i: {"a": 1.0}, "image", "label", interpretation="default").interpret(np.zeros((8, 8, 3), np.uint8))


def test_shap_on_audio_gives_a_score_per_segment():
    scores = gr.Interface(loudness, "audio", "label", interpretation="shap", num_shap=40).interpret(loud_start())[0]
    assert len(scores) == 8
    assert scores[0] == max(scores) and scores[0] > 0.5


def test_a_webcam_photo_is_interpreted_as_taken_and_fn_sees_it_mirrored():
    import io

    from PIL import Image

    from stface.components._codecs import MediaFile
    from stface.components.image import WebcamPhoto
    from stface.interpret import explain

    buffer = io.BytesIO()
    Image.fromarray(half_red(32, 32)).save(buffer, "PNG")
    photo = WebcamPhoto(MediaFile("webcam.png", buffer.getvalue()))
    seen = []

    def right_redness(image):  # mirrored, the photo's red left half is on the right
        seen.append(image)
        r = float(image[:, 16:, 0].mean()) / 255
        return {"red": r, "other": 1 - r}

    demo = gr.Interface(right_redness, gr.Image(sources="webcam"), "label", interpretation="default")
    (heat,) = explain(demo, [photo])
    assert np.array_equal(seen[0], half_red(32, 32)[:, ::-1])
    heat = np.asarray(heat)
    assert heat.shape == (32, 32) and heat[:, :16].mean() > heat[:, 16:].mean()
