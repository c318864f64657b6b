import pytest

import stface as gr
from stface.components._html import escape, neutralise_script_links, score_background, unit_score


def test_json_parses_strings_as_gradio_3_does():
    assert gr.JSON().postprocess('{"a": [1, 2]}') == {"a": [1, 2]}
    assert gr.JSON().postprocess({"a": 1}) == {"a": 1}
    with pytest.raises(ValueError, match="not valid JSON"):
        gr.JSON().postprocess("{oops")


def test_json_input_parses_typed_text_with_a_clear_error():
    assert gr.JSON().preprocess('[1, 2]') == [1, 2]
    assert gr.JSON().preprocess({"already": "parsed"}) == {"already": "parsed"}
    with pytest.raises(gr.Error, match="not valid JSON"):
        gr.JSON(label="config").preprocess("{")
    assert gr.JSON(value={"a": 1}).initial_payload() == '{\n  "a": 1\n}'


def test_html_and_markdown_are_outputs_only():
    assert gr.HTML().postprocess(None) == ""
    assert gr.Markdown().postprocess("# T") == "# T"
    assert not gr.HTML.can_input and not gr.Markdown.can_input


def test_escape_covers_markup_quotes_and_invisible_characters():
    assert escape('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
    assert escape("a\u202eb") == "a&lt;U+202E&gt;b"  # visible, not decoded back by the browser


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "1; background:url(x)", None, True])
def test_scores_that_are_not_finite_numbers_become_zero(bad):
    assert unit_score(bad) == 0.0
    assert score_background(bad) == "rgba(239, 68, 68, 0.000)"


def test_scores_are_clamped():
    assert unit_score(5) == 1.0 and unit_score(-5) == -1.0
    assert score_background(-0.5) == "rgba(59, 130, 246, 0.500)"


def test_script_links_are_neutralised_in_markdown():
    assert "javascript" not in neutralise_script_links("[x](javascript:alert(1)) [y]( JavaScript:1)").lower()
    assert neutralise_script_links("[ok](https://example.org)") == "[ok](https://example.org)"
