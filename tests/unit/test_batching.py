"""batch=True as Gradio documents it: fn returns one list per output, as a list or a tuple."""

from __future__ import annotations

import re
import threading

import pytest

import stface as gr
from stface.concurrency import Batcher


def trim_words(words, lens):
    """Gradio's own batch example (guides: "Batch functions")."""
    return [[w[: int(n)] for w, n in zip(words, lens)]]


def trim_words_tuple(words, lens):
    return ([w[: int(n)] for w, n in zip(words, lens)],)


BOTH_FORMS = pytest.mark.parametrize("fn", [trim_words, trim_words_tuple], ids=["list", "tuple"])


@BOTH_FORMS
def test_calling_a_batched_interface_returns_the_first_row(fn):
    demo = gr.Interface(fn, ["textbox", gr.Number()], "textbox", batch=True)
    assert demo("hello", 3) == "hel"


def test_two_outputs_come_back_as_a_list_of_values():
    def split(words):
        return [[w.upper() for w in words], [len(w) for w in words]]

    demo = gr.Interface(split, "text", ["text", "number"], batch=True)
    assert demo("abc") == ["ABC", 3]


@pytest.mark.parametrize(
    "result, shown",
    [
        (["hel"], r"a list of 1 \(a str\)"),  # the results not wrapped in a list of outputs
        ([["hel"], ["x"]], r"a list of 2"),  # too many lists
        ([], r"a list of 0"),  # too few
        ([["hel", "extra"]], r"a list of 1 \(a list of 2\)"),  # one item too many for a batch of one
        ("hel", r"a str"),
        (None, r"a NoneType"),
    ],
)
def test_a_wrong_shape_gets_one_error_naming_the_expected_shape(result, shown):
    demo = gr.Interface(lambda words, lens: result, ["textbox", gr.Number()], "textbox", batch=True)
    with pytest.raises(gr.Error, match=r"list \(or tuple\) of 1 list\(s\), one per output, each with 1 item") as info:
        demo("hello", 3)
    assert re.search(f"it returned {shown}", str(info.value)), str(info.value)


def test_a_batched_generator_is_refused_at_construction():
    def counting(words):
        yield [words]

    with pytest.raises(ValueError, match="generators in batch mode"):
        gr.Interface(counting, "text", "text", batch=True)


@BOTH_FORMS
def test_cross_session_batching_gives_each_caller_its_row(fn):
    sizes = []

    def counted(words, lens):
        sizes.append(len(words))
        return fn(words, lens)

    batcher = Batcher(counted, max_batch_size=8, n_outputs=1, window_s=0.3)
    results = {}
    threads = [
        threading.Thread(target=lambda n=n: results.__setitem__(n, batcher.submit([f"word{n}", n + 1])))
        for n in range(5)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {n: (f"word{n}"[: n + 1],) for n in range(5)}
    assert sum(sizes) == 5 and len(sizes) < 5


def test_cross_session_batching_reports_a_wrong_shape_to_every_caller():
    batcher = Batcher(lambda words: words, max_batch_size=4, n_outputs=1, window_s=0.01)
    with pytest.raises(gr.Error, match="one per output"):
        batcher.submit(["x"])


@BOTH_FORMS
def test_the_page_path_gathers_batches_across_sessions(fn):
    demo = gr.Interface(fn, ["textbox", gr.Number()], "textbox", batch=True, max_batch_size=4)
    results = {}

    def one(n):
        (results[n],) = list(demo.predict_stream([f"session{n}", 7], gathered=True))

    threads = [threading.Thread(target=one, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {n: [f"session{n}"[:7]] for n in range(3)}


def _label_fn(batched_form):
    def score(sentence):
        words = sentence.split()
        positive = sum(w in ("good", "great") for w in words) / max(len(words), 1)
        return {"positive": positive, "negative": 1 - positive}

    def as_list(sentences):
        return [[score(s) for s in sentences]]

    def as_tuple(sentences):
        return ([score(s) for s in sentences],)

    return {"list": as_list, "tuple": as_tuple, "none": score}[batched_form]


@pytest.mark.parametrize("method", ["default", "shap"])
def test_interpretation_is_the_same_for_both_forms_and_unbatched(method):
    text = "a good day and a great night"
    explain = {
        form: gr.Interface(_label_fn(form), "text", "label", interpretation=method, num_shap=20, batch=form != "none")
        .interpret(text)
        for form in ("list", "tuple", "none")
    }
    assert explain["list"] == explain["tuple"]
    tokens = [(token, round(score, 6)) for token, score in explain["list"][0]]
    expected = [(token, round(score, 6)) for token, score in explain["none"][0]]
    assert tokens == expected
    # "negative" is predicted, so the two positive words push hardest away from it
    assert {token for token, _ in sorted(explain["list"][0], key=lambda pair: pair[1])[:2]} == {"good", "great"}


@BOTH_FORMS
def test_cached_examples_use_the_batch_contract(fn):
    from stface.runtime.examples import cached_results

    demo = gr.Interface(fn, ["textbox", gr.Number()], "textbox", batch=True, examples=[["hello", 2], ["world", 4]],
                        cache_examples=True, title=f"cache {fn.__name__}")  # fmt: skip
    results = cached_results(demo)
    assert [r.outputs for r in results] == [["he"], ["worl"]]
    assert all(r.error is None for r in results)
