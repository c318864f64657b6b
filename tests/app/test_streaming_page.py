"""Generators, progress, concurrency and batching on a page."""

import pytest
from app_support import button, run_script


def test_generator_output_ends_at_the_last_update():
    at = run_script("""
import stface as gr
def count(n):
    text = ""
    for i in range(int(n)):
        text += str(i)
        yield text
gr.Interface(count, gr.Number(value=4), "text").launch()
""")
    button(at, "Submit").click().run()
    assert at.text_area[0].value == "0123"
    assert not at.error


def test_an_error_mid_stream_keeps_what_was_shown_and_then_shows_the_error():
    at = run_script("""
import stface as gr
def count(n):
    yield "first"
    yield "second"
    raise gr.Error("the model ran out of tokens")
gr.Interface(count, "number", "text").launch()
""")
    button(at, "Submit").click().run()
    assert at.text_area[0].value == "second"
    assert [e.value for e in at.error] == ["the model ran out of tokens"]


def test_progress_in_fn_does_not_disturb_the_result():
    at = run_script("""
import stface as gr
def slow(text, progress=gr.Progress()):
    for _ in progress.tqdm(range(5), desc="working"):
        pass
    return text.upper()
gr.Interface(slow, "text", "text").launch()
""")
    at.text_input[0].input("abc")
    button(at, "Submit").click().run()
    assert at.text_area[0].value == "ABC" and not at.exception


@pytest.mark.parametrize("wrap", ["[results]", "(results,)"])
def test_batched_interfaces_answer_with_their_row_in_both_gradio_forms(wrap):
    at = run_script(f"""
import stface as gr
def trim_words(words, lens):
    results = [w[:int(n)] for w, n in zip(words, lens)]
    return {wrap}
gr.Interface(trim_words, ["textbox", gr.Number(label="n")], "textbox", batch=True, max_batch_size=8).launch()
""")
    at.text_input[0].input("hello")
    at.number_input[0].set_value(3)
    button(at, "Submit").click().run()
    assert at.text_area[0].value == "hel" and not at.error
