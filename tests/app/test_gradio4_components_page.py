"""The Gradio 4–6 components in a page (AppTest)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

APP = '''
import stface as gr

def show(when, text):
    return when, {"when": {"type": "str", "description": str(when)}}, gr.update(value=text)

demo = gr.Interface(
    show,
    [gr.DateTime(label="when", include_time=False, type="string", value="2026-11-27"), gr.MultimodalTextbox(label="note")],
    [gr.DateTime(label="echo", include_time=False), gr.ParamViewer(label="params"), gr.MultimodalTextbox(label="back")],
)
demo.render()
'''


def test_datetime_multimodal_and_param_viewer_in_a_page():
    at = AppTest.from_string(APP, default_timeout=30).run()
    assert not at.exception
    assert [d.value.isoformat() for d in at.date_input] == ["2026-11-27"]
    at.text_area(key=[t.key for t in at.text_area if t.label == "note"][0]).input("hello")
    next(b for b in at.button if b.label == "Submit").click()
    at.run()
    assert not at.exception and not at.error
    assert [t.value for t in at.text_input if t.label == "echo"] == ["2026-11-27"]
    assert "hello" in [m.value for m in at.markdown]
    assert len(at.dataframe) == 1


def test_the_dates_and_dialogue_example_summarises_its_inputs():
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "examples" / "dates_and_dialogue.py"
    at = AppTest.from_string(script.read_text(), default_timeout=30).run()  # its launch() draws in place
    next(b for b in at.button if b.label == "Submit").click()
    at.run()
    assert not at.exception and not at.error
    summary = [t.value for t in at.text_area if t.label == "Summary"][0]
    assert summary.startswith("On Friday 27 November 2026 at 10:30, 2 line(s) were said")
