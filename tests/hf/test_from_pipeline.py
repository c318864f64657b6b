"""Interface.from_pipeline on real transformers pipelines built from the tiny local models, offline."""

import numpy as np
import pytest

import stface as gr

transformers = pytest.importorskip("transformers")

SOUND = (8000, (np.sin(np.arange(8000) / 8000 * 2 * np.pi * 300) * 8000).astype(np.int16))
CASES = {  # model: (task as given to transformers.pipeline, inputs, outputs, value)
    "stface-tiny/gpt2": ("text-generation", [gr.Textbox], [gr.Textbox], ("it was the best of times",)),
    "stface-tiny/bert-sentiment": ("sentiment-analysis", [gr.Textbox], [gr.Label], ("good times",)),
    "stface-tiny/wav2vec2-ctc": ("automatic-speech-recognition", [gr.Audio], [gr.Textbox], (SOUND,)),
    "stface-tiny/vit-classifier": ("image-classification", [gr.Image], [gr.Label], (np.zeros((40, 40, 3), np.uint8),)),
    "stface-tiny/bert-ner": ("ner", [gr.Textbox], [gr.HighlightedText], ("he and she ran",)),
    "stface-tiny/bert-mlm": ("fill-mask", [gr.Textbox], [gr.Label], ("the cat [MASK] on mat",)),
    "stface-tiny/bert-nli": (
        "zero-shot-classification", [gr.Textbox, gr.Textbox, gr.Checkbox], [gr.Label], ("the cat sat", "animal, food", False)
    ),
    "stface-tiny/bert-features": ("feature-extraction", [gr.Textbox], [gr.Dataframe], ("good times",)),
}


def _same(a, b):
    if hasattr(a, "shape") or hasattr(b, "shape"):  # a table of vectors (numpy or pandas)
        return np.allclose(np.asarray(a), np.asarray(b))
    return a == b


@pytest.mark.parametrize("name", list(CASES))
def test_a_pipeline_gets_the_components_and_answers_that_load_gives_its_model(tiny_models, name):
    task, inputs, outputs, value = CASES[name]
    configured = {"aggregation_strategy": "simple"} if task == "ner" else {}  # as gr.load groups entities
    pipe = transformers.pipeline(task, model=name, **configured)
    demo = gr.Interface.from_pipeline(pipe)
    assert [type(c) for c in demo.input_components] == inputs
    assert [type(c) for c in demo.output_components] == outputs
    assert demo.title == type(pipe.model).__name__  # as Gradio titles it
    answer = demo(*value)
    if task == "text-generation":  # the tiny model samples: the prompt, continued
        assert answer.startswith(value[0]) and len(answer) > len(value[0])
    else:
        assert _same(answer, gr.load(f"models/{name}", task=task)(*value))


def test_a_pipeline_is_called_as_its_owner_configured_it(tiny_models):
    prompt = "it was the best of times"
    short = gr.Interface.from_pipeline(transformers.pipeline("text-generation", model="stface-tiny/gpt2", max_new_tokens=2))
    assert len(short(prompt).split()) <= len(prompt.split()) + 2  # gr.load's bound of 50 new tokens does not apply
    tokens = gr.Interface.from_pipeline(transformers.pipeline("ner", model="stface-tiny/bert-ner"))("he and she ran")
    assert "".join(text for text, _ in tokens) == "he and she ran"  # not grouped: one span per token, as configured
    assert {label for _, label in tokens if label} <= {"B-PER", "I-PER", "O"}


def test_a_pipeline_built_from_its_class_has_no_task_and_is_known_by_the_class(tiny_models):
    made = transformers.pipeline("fill-mask", model="stface-tiny/bert-mlm")
    pipe = transformers.FillMaskPipeline(model=made.model, tokenizer=made.tokenizer)
    assert not getattr(pipe, "task", "")
    demo = gr.Interface.from_pipeline(pipe, title="Fill the gap", examples=[["the cat [MASK] on mat"]])
    assert demo.title == "Fill the gap" and [type(c) for c in demo.output_components] == [gr.Label]
    assert len(demo("the cat [MASK] on mat")) == 5


def test_what_cannot_be_served_says_what_can(tiny_models):
    pipe = transformers.pipeline("image-feature-extraction", model="stface-tiny/vit-classifier")
    with pytest.raises(ValueError, match="cannot build an interface for a 'image-feature-extraction' pipeline; "
                                         "it can for .*text-classification"):  # fmt: skip
        gr.Interface.from_pipeline(pipe)
    with pytest.raises(TypeError, match="takes a transformers pipeline, such as transformers.pipeline"):
        gr.Interface.from_pipeline(lambda text: text)
