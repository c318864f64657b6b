import sys

import numpy as np
import pytest

import stface as gr

WORDS = " ".join(["she", "said", "he", "was", "late"] * 8)  # 40 words


def gender(sentence):
    words = sentence.split()
    m = sum(w in ("he", "his") for w in words)
    f = sum(w in ("she", "her") for w in words)
    return {"male": m / max(m + f, 1), "female": f / max(m + f, 1)}


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
    rate = 8000
    samples = np.zeros(rate, dtype=np.int16)
    samples[:1000] = 10000  # all the energy in the first segment

    def loudness(audio):
        sr, data = audio
        loud = min(1.0, 6 * float(np.abs(data.astype(float)).mean()) / 10000)
        return {"loud": loud, "quiet": 1 - loud}

    result = gr.Interface(loudness, "audio", "label", interpretation="default").interpret((rate, samples))[0]
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
    image = np.zeros((32, 32, 3), dtype=np.uint8)
    image[:, :16] = (255, 0, 0)

    def redness(img):
        r = float(img[..., 0].mean()) / 255
        return {"red": r, "other": 1 - r}

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
    samples = np.zeros(8000, dtype=np.int16)
    samples[:1000] = 10000

    def loudness(audio):
        loud = min(1.0, 6 * float(np.abs(audio[1].astype(float)).mean()) / 10000)
        return {"loud": loud, "quiet": 1 - loud}

    scores = gr.Interface(loudness, "audio", "label", interpretation="shap", num_shap=40).interpret((8000, samples))[0]
    assert len(scores) == 8
    assert scores[0] == max(scores) and scores[0] > 0.5
