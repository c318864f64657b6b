"""Plots in a real browser: matplotlib and plotly figures draw pixels, a LinePlot draws the DataFrame's points.

examples/plots.py runs one fn that returns a matplotlib figure, a plotly
figure and a DataFrame for a LinePlot (USA and Canada over February's 60 days
by default, so 120 rows).
"""

from __future__ import annotations

import io

import pytest
from e2e_support import ROOT, open_app, submit
from PIL import Image as PILImage
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

OUTPUTS = "[class*='-outputs']"


def assert_drawn(locator, what: str) -> None:
    """The element's pixels, read from a screenshot, are not all one colour (nor nearly)."""
    picture = PILImage.open(io.BytesIO(locator.screenshot())).convert("RGB")
    counts = sorted((count for count, _ in picture.getcolors(maxcolors=1 << 24)), reverse=True)
    total = picture.width * picture.height
    assert picture.width > 100 and picture.height > 100, f"{what} is {picture.size}"
    assert len(counts) > 20, f"{what} has only {len(counts)} colours"
    assert counts[0] / total < 0.97, f"{what} is {counts[0] / total:.1%} one colour"


def test_matplotlib_plotly_and_line_plot_outputs_render(launch_app, new_page):
    server = launch_app(ROOT / "examples" / "plots.py")
    page = new_page()
    page.set_viewport_size({"width": 1280, "height": 2000})
    open_app(page, server.url)
    outputs = page.locator(OUTPUTS)
    expect(outputs.locator("[data-testid='stPlotlyChart']")).to_have_count(0)
    submit(page)

    picture = outputs.locator("[data-testid='stImage'] img")
    expect(picture).to_have_count(1)
    page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=picture.element_handle())
    assert_drawn(picture, "the matplotlib picture")

    plotly_chart = outputs.locator("[data-testid='stPlotlyChart']")
    expect(plotly_chart.locator("svg.main-svg").first).to_be_visible()
    expect(plotly_chart.locator("g.trace.scatter")).to_have_count(2)  # USA and Canada
    assert_drawn(plotly_chart, "the plotly chart")

    vega = outputs.locator("[data-testid='stVegaLiteChart']")
    points = vega.locator("g.mark-symbol.role-mark path")
    expect(points).to_have_count(120)  # one (invisible) point per row of the DataFrame
    expect(vega.locator("g.mark-line.role-mark path")).to_have_count(2)  # a line per country
    labels = points.evaluate_all("(paths) => paths.map(p => p.getAttribute('aria-label'))")
    assert labels[0] == "day: 0; cases: 100; country: USA"
    assert {label.split("country: ")[1] for label in labels} == {"USA", "Canada"}
    assert {label.split(";")[0] for label in labels} == {f"day: {d}" for d in range(60)}
    assert_drawn(vega, "the LinePlot")
