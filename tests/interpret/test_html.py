import html.parser

import numpy as np
import pytest

from stface.interpret.html import cells_html, heatmap, normalise, text_html

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    '"><iframe srcdoc="<b>x</b>">',
    "<style>body{display:none}</style>",
    "[x](javascript:alert(1))",
    "a\u202eb\u200b",
]


class _Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]


def parsed(markup):
    parser = _Tags()
    parser.feed(markup)
    return parser


@pytest.mark.parametrize("payload", PAYLOADS)
def test_tokens_and_labels_never_become_elements_or_handlers(payload):
    for markup in (text_html([(payload, 0.5), (" ", 0)]), cells_html([payload], [0.3])):
        tree = parsed(markup)
        assert set(tree.tags) <= {"div", "span"}
        assert not any(name.startswith("on") or name == "srcdoc" for name in tree.attributes)


def test_scores_become_finite_and_clamped_before_colours():
    assert normalise([float("nan"), float("inf"), "1;x", 2.0, -4.0, None]) == [0.0, 0.0, 0.0, 0.5, -1.0, None]
    markup = text_html([("a", float("nan")), ("b", "red;position:fixed"), ("c", 1e308)])
    assert "nan" not in markup.lower() and "position" not in markup
    assert 'data-score="1.000"' in markup


def test_positive_scores_are_red_and_negative_blue():
    markup = text_html([("she", 0.8), ("he", -0.8)])
    assert "rgba(239, 68, 68, 1.000)" in markup and "rgba(59, 130, 246, 1.000)" in markup


def test_cells_mark_the_current_value():
    markup = cells_html(["apple", "kiwi"], [0.5, None])
    assert markup.count('data-current="true"') == 1


def test_heatmap_tints_only_what_mattered():
    picture = np.full((2, 2, 3), 100, dtype=np.uint8)
    tinted = heatmap(picture, [[0.0, 1.0], [np.nan, 0.5]])
    assert tinted.dtype == np.uint8 and tuple(tinted[0, 0]) == (100, 100, 100)
    assert tinted[0, 1, 0] > 150 > tinted[0, 1, 1] and tinted[1, 0, 0] == 100
