"""Examples caching, tabs, embedding, auth and themes on a page."""

import pytest
from app_support import button, run_script

import stface as gr
from stface.runtime.auth import check_credentials
from stface.themes import theme_options


def test_cached_examples_are_computed_once_per_process_and_shown_on_click():
    source = """
import stface as gr
def shout(text):
    import builtins
    builtins.__dict__.setdefault("stface_cache_calls", []).append(text)
    return text.upper()
gr.Interface(shout, "text", "text", examples=[["one"], ["two"]], cache_examples=True).launch()
"""
    import builtins

    builtins.__dict__.pop("stface_cache_calls", None)
    at = run_script(source)
    assert builtins.stface_cache_calls == ["one", "two"]
    button(at, "two").click().run()
    assert at.text_input[0].value == "two" and at.text_area[0].value == "TWO"
    again = run_script(source)  # another session, same process: no recomputation
    button(again, "one").click().run()
    assert again.text_area[0].value == "ONE"
    assert builtins.stface_cache_calls == ["one", "two"]


def test_examples_are_paginated():
    at = run_script("""
import stface as gr
gr.Interface(str.upper, "text", "text", examples=[[str(i)] for i in range(7)], examples_per_page=3).launch()
""")
    assert [b.label for b in at.button if b.label.isdigit()] == ["0", "1", "2"]
    at.number_input(key=[n.key for n in at.number_input if n.label == "Examples page"][0]).set_value(3).run()
    assert [b.label for b in at.button if b.label.isdigit()] == ["6"]


def test_example_labels_name_the_buttons_and_a_click_fills_that_row():
    at = run_script("""
import stface as gr
gr.Interface(str.upper, "text", "text", examples=[["a long first example"], ["second"]],
             example_labels=["First", "Second"]).launch()
""")
    assert [b.label for b in at.button if b.label in ("First", "Second", "second")] == ["First", "Second"]
    button(at, "First").click().run()
    assert at.text_input[0].value == "a long first example"
    with pytest.raises(ValueError, match="example_labels has 1 labels for 2 examples; give one per row"):
        gr.Interface(str.upper, "text", "text", examples=[["a"], ["b"]], example_labels=["A"])


@pytest.mark.parametrize(("accordion", "label"), [(None, "Additional inputs"), ("Settings", "Settings")])
def test_additional_inputs_sit_in_a_closed_expander_and_reach_fn(accordion, label):
    at = run_script(f"""
import stface as gr
gr.Interface(lambda text, times: text * int(times), gr.Textbox(label="text"), "text",
             additional_inputs=[gr.Number(2, label="times")], additional_inputs_accordion={accordion!r}).launch()
""")
    (expander,) = at.expander
    assert expander.label == label and not expander.proto.expanded
    assert [n.label for n in expander.number_input] == ["times"]
    assert [t.label for t in expander.text_input] == []  # the main input stays outside
    at.text_input[0].input("ab")
    button(at, "Submit").click().run()
    assert at.text_area[0].value == "abab"


def test_tabbed_interface_draws_each_interface_in_its_own_tab():
    at = run_script("""
import stface as gr
hello = gr.Interface(lambda n: "Hello " + n, "text", "text")
bye = gr.Interface(lambda n: "Bye " + n, "text", "text")
gr.TabbedInterface([hello, bye], ["Hello", "Bye"], title="Greetings").launch()
""")
    assert [t.label for t in at.tabs] == ["Hello", "Bye"]
    at.text_input[1].input("Ada")
    [b for b in at.tabs[1].button if b.label == "Submit"][0].click().run()
    assert at.text_area[1].value == "Bye Ada" and at.text_area[0].value == ""


def test_interfaces_embed_in_tabs_and_columns_of_an_existing_page():
    at = run_script("""
import streamlit as st
import stface as gr
st.title("Dashboard")
left, right = st.columns(2)
with left:
    gr.Interface(str.upper, "text", "text").render(key="a")
with right:
    tab, = st.tabs(["Lower"])
    with tab:
        gr.Interface(str.lower, "text", "text").render(key="b")
""")
    assert at.title[0].value == "Dashboard"
    at.text_input(key="stface-b:in:0").input("MiXeD")
    at.button(key=[b.key for b in at.button if b.label == "Submit"][1]).click().run()
    assert at.text_area(key="stface-b:out:0").value == "mixed"


def test_auth_hides_everything_until_login():
    at = run_script("""
import stface as gr
gr.Interface(str.upper, "text", "text", title="Secret tool").launch(auth=("ada", "lovelace"), auth_message="Members only")
""")
    assert not [h for h in at.get("html") if "Secret tool" in h.value]
    assert [t.label for t in at.text_input] == ["Username", "Password"]
    at.text_input[0].input("ada")
    at.text_input[1].input("wrong")
    at.button[0].click().run()
    assert at.error[0].value == "Incorrect username or password."
    at.text_input[1].input("lovelace")
    at.button[0].click().run()
    assert [h for h in at.get("html") if "Secret tool" in h.value]


@pytest.mark.parametrize(
    ("auth", "user", "password", "ok"),
    [
        (("a", "b"), "a", "b", True),
        (("a", "b"), "a", "x", False),
        ([("a", "b"), ("c", "d")], "c", "d", True),
        ([("a", "b"), ("c", "d")], "a", "d", False),
        (lambda u, p: u == p, "same", "same", True),
    ],
)
def test_credentials(auth, user, password, ok):
    assert check_credentials(auth, user, password) is ok


def test_themes_map_onto_streamlit_options():
    assert theme_options("dark") == {"theme.base": "dark"}
    assert theme_options("soft") == {"theme.base": "light", "theme.primaryColor": "#6366f1"}
    assert theme_options(gr.themes.Base(primary_hue="green")) == {"theme.base": "light", "theme.primaryColor": "#22c55e"}
    assert theme_options(None) == {}
    with pytest.warns(UserWarning, match="no Streamlit equivalent"):
        assert theme_options("gradio/seafoam") == {}


def test_launch_applies_the_theme_to_the_server(monkeypatch):
    from stface.runtime import server

    captured = {}
    monkeypatch.setattr(server, "serve_forever", lambda script, flags: captured.update(flags))
    gr.Interface(str.upper, "text", "text", theme="dark").launch(server_port=9, quiet=True)
    assert captured["theme.base"] == "dark" and captured["server.port"] == 9


def test_parallel_and_series_run_in_the_page():
    at = run_script("""
import stface as gr
upper = gr.Interface(str.upper, "text", "text", title="upper")
exclaim = gr.Interface(lambda s: s + "!", "text", "text", title="exclaim")
gr.Parallel(gr.Series(upper, exclaim), upper).launch()
""")
    at.text_input[0].input("hi")
    button(at, "Submit").click().run()
    assert [t.value for t in at.text_area] == ["HI!", "HI"]
