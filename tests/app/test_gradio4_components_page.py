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
