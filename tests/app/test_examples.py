"""The seed examples, filled in and submitted through Streamlit's AppTest."""

from app_support import button, html_bodies, run_example


def test_hello_greets_after_submit():
    at = run_example("hello")
    assert not at.exception
    at.text_area(key=at.text_area[0].key).input("Ada")
    button(at, "Submit").click().run()
    assert at.text_area[1].value == "Hello Ada!"
    assert at.text_area[1].disabled


def test_hello_shows_its_title():
    assert any("Hello</h1>" in body for body in html_bodies(run_example("hello")))


def test_calculator_example_row_fills_the_inputs_then_submit_computes():
    at = run_example("calculator")
    button(at, "4 · divide · 2").click().run()
    assert [n.value for n in at.number_input] == [4, 2]
    assert at.radio[0].value == "divide"
    assert at.text_input[0].value == ""  # nothing computed yet: examples fill, they do not run
    button(at, "Submit").click().run()
    assert at.text_input[0].value == "2"


def test_calculator_error_is_shown_and_the_next_submit_works():
    at = run_example("calculator")
    at.number_input[0].set_value(1)
    at.radio[0].set_value("divide")
    at.number_input[1].set_value(0)
    button(at, "Submit").click().run()
    assert [e.value for e in at.error] == ["Cannot divide by zero!"]
    at.number_input[1].set_value(4)
    button(at, "Submit").click().run()
    assert not at.error
    assert at.text_input[0].value == "0.25"


def test_sentence_builder_combines_every_kind_of_input():
    at = run_example("sentence_builder")
    button(at, "2 · cat · \\['Japan', 'Pakistan'\\] · park · \\['ate', 'swam'\\] · True").click().run()
    button(at, "Submit").click().run()
    assert at.text_area[0].value == (
        "The 2 cats from Japan and Pakistan went to the park where they ate and swam until the morning"
    )


def test_sentence_builder_defaults_come_from_the_components():
    at = run_example("sentence_builder")
    assert at.slider[0].value == 4
    assert at.multiselect[1].value == ["swam", "slept"]
    at.selectbox[0].set_value("dog")
    at.radio[0].set_value("zoo")
    button(at, "Submit").click().run()
    assert at.text_area[0].value.startswith("The 4 dogs from  went to the zoo where they swam and slept")


def test_gender_label_shows_the_predicted_class_with_confidences():
    at = run_example("gender")
    button(at, "Submit").click().run()
    body = next(b for b in html_bodies(at) if "stface-label" in b)
    assert 'stface-label-top" style="font-size:2rem;font-weight:700">female<' in body
    assert "67%" in body and "33%" in body
