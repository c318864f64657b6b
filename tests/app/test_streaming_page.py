"""Generators, progress, concurrency and batching on a page."""

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


def test_batched_interfaces_answer_each_session_with_its_own_row():
    at = run_script("""
import stface as gr
def upper(texts):
    return ([t.upper() for t in texts],)
gr.Interface(upper, "text", "text", batch=True, max_batch_size=8).launch()
""")
    at.text_input[0].input("row")
    button(at, "Submit").click().run()
    assert at.text_area[0].value == "ROW"
