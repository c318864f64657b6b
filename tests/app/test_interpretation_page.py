"""The Interpret button on a page."""

from app_support import button, html_bodies, run_example, run_script


def interpretation_html(at):
    return [body for body in html_bodies(at) if "stface-interpretation" in body]


def test_interpret_appears_after_submit_and_highlights_tokens():
    at = run_example("gender_interpretation")
    assert "Interpret" not in [b.label for b in at.button]
    button(at, "Submit").click().run()
    button(at, "Interpret").click().run()
    assert not at.exception and not at.error
    (markup,) = interpretation_html(at)
    assert '"background:rgba(239, 68, 68, 0.500);padding:2px 0;border-radius:3px">She<' in markup
    assert 'rgba(59, 130, 246, 1.000);padding:2px 0;border-radius:3px">his<' in markup


def test_a_new_submit_clears_the_old_interpretation():
    at = run_example("gender_interpretation")
    button(at, "Submit").click().run()
    button(at, "Interpret").click().run()
    at.text_input[0].input("he said")
    button(at, "Submit").click().run()
    assert interpretation_html(at) == []


def test_numbers_and_choices_are_drawn_as_cells():
    at = run_script("""
import stface as gr
def loan(amount, employed, kind):
    risk = min(1.0, amount / 100 + (0 if employed else 0.3))
    return {"approve": 1 - risk, "reject": risk}
gr.Interface(loan, [gr.Slider(0, 100, value=40), "checkbox", gr.Radio(["car", "house"], value="car")], "label",
             interpretation="default").launch()
""")
    button(at, "Submit").click().run()
    button(at, "Interpret").click().run()
    cells = interpretation_html(at)
    assert len(cells) == 3
    assert cells[0].count("stface-cell") == 8
    assert cells[1].count('data-current="true"') == 1 and "unchecked" in cells[1]
    assert ">car<" in cells[2] and ">house<" in cells[2]


def test_interpretation_errors_are_shown_not_raised():
    at = run_script("""
import stface as gr
gr.Interface(lambda t: t, "text", "text", interpretation="default").launch()
""")
    button(at, "Submit").click().run()
    button(at, "Interpret").click().run()
    assert not at.exception
    assert "needs a Label or Number as the first output" in at.error[0].value


def test_a_parallel_mix_is_interpreted_on_the_page():
    at = run_script("""
import stface as gr
def mood(text):
    good = sum(w == "good" for w in text.split()) / max(len(text.split()), 1)
    return {"good": good, "bad": 1 - good}
gr.Parallel(gr.Interface(mood, "text", "label", title="mood"), gr.Interface(str.upper, "text", "text", title="upper"),
            interpretation="default").launch()
""")
    at.text_input[0].input("a good day")
    button(at, "Submit").click().run()
    button(at, "Interpret").click().run()
    assert not at.exception and not at.error
    (markup,) = interpretation_html(at)
    assert ">good<" in markup and ">day<" in markup
