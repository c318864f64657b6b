"""How an interface behaves on a page: submit, clear, errors, state, live, embedding."""

import textwrap

from app_support import button, html_bodies, run_script


def page(body: str):
    return run_script("import stface as gr\n" + textwrap.dedent(body))


COUNTING = """
import streamlit as st
calls = st.session_state.setdefault("calls", [])
def echo(text):
    calls.append(text)
    return text[::-1]
gr.Interface(echo, "text", "text").launch()
"""


def test_fn_runs_on_submit_only():
    at = page(COUNTING)
    at.text_input[0].input("typed").run()  # typing inside the form does not submit
    assert at.session_state["calls"] == []
    at.text_input[0].input("abc")
    button(at, "Submit").click().run()
    assert at.session_state["calls"] == ["abc"]
    assert at.text_area[0].value == "cba"
    at.run()  # a plain rerun keeps the output and does not call fn again
    assert at.session_state["calls"] == ["abc"]
    assert at.text_area[0].value == "cba"


def test_clear_resets_inputs_and_outputs():
    at = page("gr.Interface(lambda s: s.upper(), gr.Textbox(value='start'), 'text').launch()")
    at.text_input[0].input("changed")
    button(at, "Submit").click().run()
    assert at.text_area[0].value == "CHANGED"
    button(at, "Clear").click().run()
    assert at.text_input[0].value == "start"
    assert at.text_area[0].value == ""


def test_generic_exception_shows_a_generic_message_without_details():
    at = page("""
    def boom(text):
        raise RuntimeError("secret path /srv/model.bin")
    gr.Interface(boom, "text", "text").launch()
    """)
    button(at, "Submit").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Something went wrong while running the function. Please try again."]


def test_show_error_shows_the_exception():
    at = page("""
    def boom(text):
        raise RuntimeError("bad input " + text)
    gr.Interface(boom, "text", "text").launch(show_error=True)
    """)
    at.text_input[0].input("x")
    button(at, "Submit").click().run()
    assert [e.value for e in at.error] == ["RuntimeError: bad input x"]


def test_system_exit_in_fn_does_not_stop_the_app_and_the_next_submit_works():
    at = page("""
    import sys
    def maybe_exit(text):
        if text == "exit":
            sys.exit(3)
        return "ok " + text
    gr.Interface(maybe_exit, "text", "text").launch()
    """)
    at.text_input[0].input("exit")
    button(at, "Submit").click().run()
    assert not at.exception and len(at.error) == 1
    at.text_input[0].input("again")
    button(at, "Submit").click().run()
    assert not at.error
    assert at.text_area[0].value == "ok again"


def test_wrong_output_count_is_shown_as_a_clear_error():
    at = page("gr.Interface(lambda s: (s, s), 'text', 'text').launch()")
    button(at, "Submit").click().run()
    assert not at.error  # one output takes the tuple as one value, as in Gradio
    at = page("gr.Interface(lambda s: s, 'text', ['text', 'text']).launch()")
    button(at, "Submit").click().run()
    assert "has 2 outputs" in at.error[0].value


def test_invalid_input_shows_the_component_message():
    at = page("gr.Interface(lambda d: d, gr.JSON(label='config'), 'json').launch()")
    at.text_area[0].input("{not json")
    button(at, "Submit").click().run()
    assert at.error[0].value.startswith("'config' is not valid JSON")


def test_state_persists_across_submits_within_a_session():
    source = """
    def store(word, history=[]):
        history = history + [word]
        return ", ".join(history), history
    gr.Interface(store, ["text", "state"], ["text", "state"]).launch()
    """
    at = page(source)
    for word in ("a", "b", "c"):
        at.text_input[0].input(word)
        button(at, "Submit").click().run()
    assert at.text_area[0].value == "a, b, c"
    other_session = page(source)
    other_session.text_input[0].input("z")
    button(other_session, "Submit").click().run()
    assert other_session.text_area[0].value == "z"


def test_live_interfaces_run_on_change_without_a_submit_button():
    at = page("gr.Interface(lambda n: n * 2, gr.Slider(0, 10), 'number', live=True).launch()")
    assert "Submit" not in [b.label for b in at.button]
    at.slider[0].set_value(3).run()
    assert at.text_input[0].value == "6"


def test_output_only_interfaces_have_a_generate_button():
    at = page("gr.Interface(lambda: 'generated', None, 'text').launch()")
    button(at, "Generate").click().run()
    assert at.text_area[0].value == "generated"


def test_two_interfaces_on_one_page_keep_their_own_state():
    at = page("""
    import streamlit as st
    up = gr.Interface(lambda s: s.upper(), "text", "text")
    down = gr.Interface(lambda s: s.lower(), "text", "text")
    st.header("Two tools")
    up.render(key="up")
    down.render(key="down")
    """)
    at.text_input(key="stface-up:in:0").input("MiXeD")
    at.button(key=[b.key for b in at.button if b.label == "Submit"][0]).click().run()
    assert at.text_area(key="stface-up:out:0").value == "MIXED"
    assert at.text_area(key="stface-down:out:0").value == ""


def test_title_description_and_article_are_drawn_and_escaped():
    at = page("""
    gr.Interface(lambda s: s, "text", "text", title="<img src=x onerror=alert(1)>",
                 description="**bold** [x](javascript:alert(1))", article="The end.").launch()
    """)
    assert any("&lt;img src=x onerror=alert(1)&gt;</h1>" in body for body in html_bodies(at))
    markdown = [m.value for m in at.markdown]
    assert any("**bold**" in m and "javascript" not in m for m in markdown)
    assert "The end." in markdown


def test_submit_and_clear_labels_can_be_changed():
    at = page("gr.Interface(lambda s: s, 'text', 'text', submit_btn='Go', clear_btn=None).launch()")
    assert [b.label for b in at.button] == ["Go"]
