"""Parallel and Series over loaded tiny models."""

import stface as gr


def test_parallel_of_two_generators(tiny_models):
    a = gr.load("huggingface/stface-tiny/gpt2", title="gpt2 a")
    b = gr.load("models/stface-tiny/gpt2", title="gpt2 b")
    outputs = gr.Parallel(a, b)("it was the best of times")
    assert len(outputs) == 2 and all(o.startswith("it was the best of times") for o in outputs)


def test_series_of_generator_and_translator(tiny_models):
    chain = gr.Series(gr.load("huggingface/stface-tiny/gpt2"), gr.load("huggingface/stface-tiny/marian-en-de"))
    translated = chain("it was the best of times")
    assert isinstance(translated, str) and translated
    assert [type(c) for c in chain.output_components] == [gr.Textbox]


def test_nested_mix_of_models_and_functions(tiny_models):
    nested = gr.Parallel(
        gr.Series(gr.load("huggingface/stface-tiny/gpt2"), gr.Interface(len, "text", "number", title="length")),
        gr.load("huggingface/stface-tiny/bert-sentiment"),
    )
    length, sentiment = nested("good times")
    assert length > len("good times") and set(sentiment) == {"NEGATIVE", "POSITIVE"}
