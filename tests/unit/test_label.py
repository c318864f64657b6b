import math

import pytest

import stface as gr
from stface.components.label import LabelData, label_html


def test_confidences_are_sorted_and_cut_to_top_classes():
    label = gr.Label(num_top_classes=2)
    data = label.postprocess({"a": 0.1, "b": 0.7, "c": 0.2})
    assert data == LabelData(label="b", confidences=(("b", 0.7), ("c", 0.2)))
    assert label.as_python(data) == {"b": 0.7, "c": 0.2}


def test_plain_labels_and_numbers_show_as_text():
    assert gr.Label().postprocess("cat") == LabelData(label="cat")
    assert gr.Label().postprocess(3) == LabelData(label="3")
    assert gr.Label().as_python(LabelData(label="cat")) == "cat"
    assert gr.Label().postprocess(None) == LabelData()


def test_gradio_postprocessed_dicts_are_accepted():
    data = gr.Label().postprocess({"label": "x", "confidences": [{"label": "x", "confidence": 0.9}]})
    assert data.confidences == (("x", 0.9),)


def test_bad_confidences_and_types_are_refused():
    with pytest.raises(ValueError, match="must be a number"):
        gr.Label().postprocess({"a": "high"})
    with pytest.raises(ValueError, match="finite"):
        gr.Label().postprocess({"a": math.nan})
    with pytest.raises(ValueError, match="expects a dict"):
        gr.Label().postprocess([1, 2])


def test_label_html_escapes_class_names_and_caption():
    html = label_html(LabelData("<img src=x onerror=alert(1)>", (("<b>", 1.5),)), caption="<script>")
    assert "<img" not in html and "<script>" not in html and "<b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "width:100.00%" in html  # confidence 1.5 clamped to 100%


def test_label_cannot_be_an_input():
    with pytest.raises(ValueError, match="cannot be used as an input"):
        gr.Interface(lambda x: x, "label", "text")
