"""Every HTML builder against the payload corpus, and flagging CSV round trips."""

from __future__ import annotations

import csv
import html.parser

import pytest

import stface as gr
from stface.components.highlighted_text import highlighted_html
from stface.components.label import LabelData, label_html
from stface.flagging import CSVLogger
from stface.interpret.html import cells_html, text_html

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    '"><iframe srcdoc="<script>alert(1)</script>">',
    "[x](javascript:alert(1))",
    "<style>body{display:none}</style>",
    "\u202eevil\u200b",
    "' onmouseover='alert(1)",
]


class Elements(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.styles: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]
        self.styles += [value or "" for name, value in attrs if name == "style"]


def elements(markup: str) -> Elements:
    parser = Elements()
    parser.feed(markup)
    return parser


BUILDERS = {
    "label": lambda p: label_html(LabelData(p, ((p, 0.5), ("ok", float("nan")))), caption=p),
    "highlighted categories": lambda p: highlighted_html([(p, p), ("x", None)], {p: p + ";background:url(x)"}, caption=p, legend=True),
    "highlighted scores": lambda p: highlighted_html([(p, 0.7), (p, "1;background:url(x)")]),
    "interpretation text": lambda p: text_html([(p, 0.3), (" ", 0)]),
    "interpretation cells": lambda p: cells_html([p, p], [None, float("inf")]),
}


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("builder", list(BUILDERS))
def test_builders_create_no_elements_or_handlers_from_text(builder, payload):
    markup = BUILDERS[builder](payload)
    parsed = elements(markup)
    assert set(parsed.tags) <= {"div", "span", "mark", "br"}, parsed.tags
    assert not [a for a in parsed.attributes if a.startswith("on") or a in ("srcdoc", "href", "src")]
    for style in parsed.styles:
        assert "url(" not in style and "expression" not in style and "nan" not in style.lower(), style
        assert "<" not in style and ">" not in style


def test_titles_are_escaped_in_the_page():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(
        "import stface as gr\n"
        f"gr.Interface(str, 'text', 'text', title={PAYLOADS[0]!r}, article={PAYLOADS[3]!r}).launch()\n"
    ).run()
    title = next(h.value for h in at.get("html") if "stface-title" in h.value)
    assert "<img" not in title and "&lt;img" in title
    assert all("javascript:" not in m.value for m in at.markdown)


def test_flagging_csv_round_trips_with_neutralised_formulas(tmp_path):
    logger = CSVLogger(verbose=False)
    components = [gr.Textbox(label="text"), gr.Number(label="n"), gr.Textbox(label="out")]
    logger.setup(components, tmp_path)
    rows = [["=1+1", 3.5, "@SUM(A1)"], ["-2", -7, "plain, with \"quotes\"\nand a newline"], ["\tTAB", 0, "+cmd"]]
    for row in rows:
        logger.flag(row, "=evil()")
    with open(logger.path, newline="", encoding="utf-8") as handle:
        read = list(csv.reader(handle))
    assert all(len(r) == 6 for r in read)
    assert [r[0] for r in read[1:]] == ["'=1+1", "-2", "'\tTAB"]
    assert [r[1] for r in read[1:]] == ["3.5", "-7", "0"]
    assert read[2][2] == 'plain, with "quotes"\nand a newline'
    assert {r[3] for r in read[1:]} == {"'=evil()"}
