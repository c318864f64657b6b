"""stface.load of tiny local models, by name, offline."""

import numpy as np
import pytest

import stface as gr
from stface.hub import models
from stface.hub.models import task_from_architecture
from stface.hub.remote import token_for

EXPECTED = {
    "stface-tiny/gpt2": ([gr.Textbox], [gr.Textbox]),
    "stface-tiny/bert-sentiment": ([gr.Textbox], [gr.Label]),
    "stface-tiny/marian-en-de": ([gr.Textbox], [gr.Textbox]),
    "stface-tiny/wav2vec2-ctc": ([gr.Audio], [gr.Textbox]),
    "stface-tiny/vit-classifier": ([gr.Image], [gr.Label]),
}
VALUES = {
    "stface-tiny/gpt2": "it was the best of times",
    "stface-tiny/bert-sentiment": "good times",
    "stface-tiny/marian-en-de": "hello world",
    "stface-tiny/wav2vec2-ctc": (8000, (np.sin(np.arange(8000) / 8000 * 2 * np.pi * 300) * 8000).astype(np.int16)),
    "stface-tiny/vit-classifier": np.zeros((40, 40, 3), dtype=np.uint8),
}


@pytest.mark.parametrize("prefix", ["huggingface/", "models/"])
@pytest.mark.parametrize("name", list(EXPECTED))
def test_tiny_models_load_by_name_with_the_right_components(tiny_models, prefix, name):
    io = gr.load(prefix + name)
    inputs, outputs = EXPECTED[name]
    assert [type(c) for c in io.input_components] == inputs
    assert [type(c) for c in io.output_components] == outputs
    result = io(VALUES[name])
    if outputs == [gr.Label]:
        assert isinstance(result, dict) and abs(sum(result.values()) - 1) < 1e-4
        assert set(result) == ({"NEGATIVE", "POSITIVE"} if "bert" in name else {"cat", "dog", "bird"})
    else:
        assert isinstance(result, str)
    if name.endswith("gpt2"):
        assert result.startswith("it was the best of times") and len(result) > len(VALUES[name])


def test_interface_kwargs_customise_the_loaded_interface(tiny_models):
    io = gr.Interface.load("huggingface/stface-tiny/gpt2", inputs=gr.Textbox(lines=5, label="Input Text"), title="Tiny GPT-2")
    assert io.title == "Tiny GPT-2"
    assert io.input_components[0].label == "Input Text" and io.input_components[0].lines == 5


def test_the_pipeline_is_built_once_per_process(tiny_models, monkeypatch):
    gr.load("huggingface/stface-tiny/bert-sentiment")
    built = []
    original = models._build
    monkeypatch.setattr(models, "_build", lambda *a: built.append(a) or original(*a))
    first = gr.load("huggingface/stface-tiny/bert-sentiment")
    second = gr.load("models/stface-tiny/bert-sentiment")
    assert built == []
    assert models.local_runner("stface-tiny/bert-sentiment", "text-classification") is models.local_runner(
        "stface-tiny/bert-sentiment", "text-classification"
    )
    assert first("good") == second("good")


@pytest.mark.parametrize(
    ("architecture", "task"),
    [
        ("GPT2LMHeadModel", "text-generation"),
        ("LlamaForCausalLM", "text-generation"),
        ("BertForSequenceClassification", "text-classification"),
        ("T5ForConditionalGeneration", "text2text-generation"),
        ("MarianMTModel", "translation"),
        ("Wav2Vec2ForCTC", "automatic-speech-recognition"),
        ("WhisperForConditionalGeneration", "automatic-speech-recognition"),
        ("ViTForImageClassification", "image-classification"),
        ("DetrForObjectDetection", "object-detection"),
        ("BertForTokenClassification", "token-classification"),
        ("BertForQuestionAnswering", "question-answering"),
        ("BertForMaskedLM", "fill-mask"),
        ("BertModel", "feature-extraction"),
    ],
)
def test_task_comes_from_the_architecture_offline(architecture, task):
    assert task_from_architecture(architecture) == task


def test_unsupported_tasks_list_the_supported_ones():
    from stface.hub.tasks import task_for

    with pytest.raises(ValueError, match="Unsupported task 'image-segmentation'. stface can load: .*text-generation"):
        task_for("image-segmentation")
    with pytest.raises(ValueError, match="Cannot tell what 'gpt2' is"):
        gr.load("gpt2")


def test_the_token_only_goes_to_hugging_face():
    assert token_for("gpt2", "hf_x") == "hf_x"
    assert token_for("https://api-inference.huggingface.co/models/gpt2", "hf_x") == "hf_x"
    assert token_for("https://my-endpoint.endpoints.huggingface.cloud", "hf_x") == "hf_x"
    assert token_for("http://127.0.0.1:9999/", "hf_x") is None
    assert token_for("https://huggingface.co.evil.example/", "hf_x") is None


def test_missing_transformers_names_the_extra(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "transformers", None)
    with pytest.raises(ImportError, match=r"pip install 'stface\[hf\]'"):
        models._need_transformers()


def test_question_answering_gives_an_answer_from_the_context_and_a_score(tiny_models):
    io = gr.load("huggingface/stface-tiny/bert-qa")
    assert [c.label for c in io.input_components] == ["Context", "Question"]
    answer, score = io("the cat sat on the mat", "where was the cat")
    assert isinstance(answer, str) and set(answer.split()) <= set("the cat sat on mat".split())
    assert 0 <= score["score"] <= 1


def test_token_classification_gives_highlighted_entities(tiny_models):
    io = gr.load("huggingface/stface-tiny/bert-ner")
    assert [type(c) for c in io.output_components] == [gr.HighlightedText]
    spans = io("he and she ran")
    assert "".join(text for text, _ in spans) == "he and she ran"


def test_fill_mask_and_zero_shot_give_labels(tiny_models):
    assert len(gr.load("huggingface/stface-tiny/bert-mlm")("the cat [MASK] on mat")) == 5
    io = gr.load("huggingface/stface-tiny/bert-nli", task="zero-shot-classification")
    scores = io("the cat sat", "animal, food", False)
    assert set(scores) == {"animal", "food"} and abs(sum(scores.values()) - 1) < 1e-4


def test_feature_extraction_gives_a_table_of_vectors(tiny_models):
    table = gr.load("huggingface/stface-tiny/bert-features")("good times")
    assert table.shape[1] == 32
