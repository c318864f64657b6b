import pytest

import stface as gr
from stface.components.highlighted_text import highlighted_html


def test_entities_dict_becomes_pairs_like_gradio():
    value = {"text": "Hi Ada", "entities": [{"entity": "PER", "start": 3, "end": 6}]}
    assert gr.HighlightedText().postprocess(value) == [("Hi ", None), ("Ada", "PER"), ("", None)]
    grouped = {"text": "Ada", "entities": [{"entity_group": "PER", "start": 0, "end": 3}]}
    assert gr.HighlightedText().postprocess(grouped)[1] == ("Ada", "PER")
    assert gr.HighlightedText().postprocess({"text": "x", "entities": []}) == [("x", None)]


def test_combine_adjacent_merges_same_category():
    box = gr.HighlightedText(combine_adjacent=True, adjacent_separator=" ")
    assert box.postprocess([("a", "X"), ("b", "X"), ("c", None)]) == [("a b", "X"), ("c", None)]


def test_malformed_values_are_refused_with_the_expected_form():
    with pytest.raises(ValueError, match="'text' and 'entities'"):
        gr.HighlightedText().postprocess({"words": []})
    with pytest.raises(ValueError, match=r"\(text, category\) pairs"):
        gr.HighlightedText().postprocess(["loose"])


def test_html_escapes_text_and_categories_and_colours_scores():
    html = highlighted_html([("<img src=x onerror=alert(1)>", "<b>"), ("she", 0.8), ("he", -0.4), ("x", None)])
    assert "<img" not in html and "<b>" not in html
    assert "rgba(239, 68, 68, 0.800)" in html and "rgba(59, 130, 246, 0.400)" in html


def test_color_map_is_used_for_categories_and_legend():
    html = highlighted_html([("Ada", "PER")], {"PER": "#00ff00"}, legend=True)
    assert html.count("#00ff00") == 2
