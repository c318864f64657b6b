"""Plots on a page, driven by AppTest: each library's own Streamlit element, and what fn gets and returns."""

from __future__ import annotations

import json
import sys
import textwrap
import types

import pyarrow as pa
from app_support import button, run_example, run_script

HEADER = """
import matplotlib
matplotlib.use("Agg")
import pandas as pd
import streamlit as st
import stface as gr
received = st.session_state.setdefault("received", [])
"""


def page(body: str):
    return run_script(HEADER + textwrap.dedent(body))


def chart_table(element) -> list[dict]:
    """The rows a vega_lite_chart element sends the browser (Arrow IPC in the proto)."""
    return pa.ipc.open_stream(element.proto.data.data).read_all().to_pandas().to_dict("records")


def test_the_plots_example_draws_matplotlib_plotly_and_a_line_plot_from_one_fn():
    at = run_example("plots")
    assert not at.exception
    assert not at.get("image") and not at.get("plotly_chart")  # nothing until Submit
    button(at, "Submit").click().run()
    assert not at.exception and not at.error
    (picture,) = at.get("image")
    assert picture.proto.imgs[0].url.endswith(".png")  # st.pyplot's picture of the figure
    (plotly_chart,) = at.get("plotly_chart")
    traces = json.loads(plotly_chart.proto.spec)["data"]
    assert [t["name"] for t in traces] == ["USA", "Canada"]
    (vega,) = at.get("vega_lite_chart")
    spec = json.loads(vega.proto.spec)
    assert spec["title"] == "Outbreak forecast (LinePlot)"
    assert spec["encoding"]["color"]["field"] == "country"
    rows = chart_table(vega)
    assert len(rows) == 2 * 60 and {r["country"] for r in rows} == {"USA", "Canada"}  # February: 60 days each
    assert "Cases per day; drag to pan, scroll to zoom." in [c.value for c in at.caption]


def test_an_altair_chart_is_drawn_by_streamlit_and_demo_returns_the_chart():
    at = page("""
    import altair as alt
    def chart(n):
        frame = pd.DataFrame({"x": list(range(int(n))), "y": [i * i for i in range(int(n))]})
        made = alt.Chart(frame).mark_line().encode(x="x", y="y")
        received.append(made)
        return made
    gr.Interface(chart, gr.Number(value=4), gr.Plot(label="Squares")).launch()
    """)
    button(at, "Submit").click().run()
    assert not at.error
    (vega,) = at.get("vega_lite_chart")
    assert json.loads(vega.proto.spec)["mark"]["type"] == "line"
    assert "Squares" in [c.value for c in at.caption]


def test_a_plot_output_shows_its_value_before_submit_and_no_plot_when_fn_returns_none():
    at = page("""
    import plotly.graph_objects as go
    start = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    gr.Interface(lambda s: None, "text", gr.Plot(value=start)).launch()
    """)
    assert len(at.get("plotly_chart")) == 1
    button(at, "Submit").click().run()
    assert not at.get("plotly_chart") and "No plot." in [c.value for c in at.caption]


BOKEH_APP = """
class Figure:  # bokeh is not installed here; stface knows bokeh figures by their package
    name = "fig"
Figure.__module__ = "bokeh.plotting._figure"
gr.Interface(lambda s: Figure(), "text", "plot").launch()
"""


def test_a_bokeh_figure_without_streamlit_bokeh_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "streamlit_bokeh", None)  # as if streamlit-bokeh were not installed
    at = page(BOKEH_APP)
    button(at, "Submit").click().run()
    (message,) = [e.value for e in at.error]
    assert "pip install streamlit-bokeh" in message and "matplotlib, plotly or altair" in message


def test_a_bokeh_figure_goes_to_the_streamlit_bokeh_component_when_installed(monkeypatch):
    drawn = []
    component = types.ModuleType("streamlit_bokeh")  # stands in for the installed streamlit-bokeh

    def streamlit_bokeh(figure, use_container_width=True, theme="streamlit", key=None):
        drawn.append((figure.name, use_container_width, key))

    component.streamlit_bokeh = streamlit_bokeh
    monkeypatch.setitem(sys.modules, "streamlit_bokeh", component)
    at = page(BOKEH_APP)
    button(at, "Submit").click().run()
    assert not at.error
    ((name, stretch, key),) = drawn
    assert name == "fig" and stretch is True and key.endswith(":plot")


def test_a_line_plot_output_sends_the_dataframe_and_a_spec_with_the_options():
    at = page("""
    def table(n):
        return pd.DataFrame({"step": range(int(n)), "loss": [1 / (i + 1) for i in range(int(n))], "run": "a"})
    gr.Interface(table, gr.Number(value=5),
                 gr.LinePlot(x="step", y="loss", color="run", y_lim=[0, 1], overlay_point=True, label="Loss")).launch()
    """)
    button(at, "Submit").click().run()
    (vega,) = at.get("vega_lite_chart")
    assert [r["loss"] for r in chart_table(vega)] == [1.0, 0.5, 1 / 3, 0.25, 0.2]
    spec = json.loads(vega.proto.spec)
    assert spec["encoding"]["y"]["scale"]["domainMax"] == 1
    assert spec["layer"][1]["encoding"]["opacity"] == {"value": 1}
    assert "Loss" in [c.value for c in at.caption]


def test_a_wrong_column_shows_the_columns_there_are():
    at = page("""
    gr.Interface(lambda s: pd.DataFrame({"a": [1], "b": [2]}), "text", gr.BarPlot(x="a", y="price")).launch()
    """)
    button(at, "Submit").click().run()
    (message,) = [e.value for e in at.error]
    assert "no column 'price'" in message and "'a', 'b'" in message


def test_a_scatter_plot_input_hands_fn_its_dataframe():
    at = page("""
    points = pd.DataFrame({"w": [1.0, 2.0, 3.0], "h": [2.0, 4.0, 7.0]})
    def total(frame):
        received.append(frame)
        return float(frame["h"].sum())
    gr.Interface(total, gr.ScatterPlot(value=points, x="w", y="h"), "number").launch()
    """)
    assert len(at.get("vega_lite_chart")) == 1  # the input's chart
    button(at, "Submit").click().run()
    assert at.text_input[0].value in ("13", "13.0")
    assert at.session_state["received"][0]["w"].tolist() == [1.0, 2.0, 3.0]


def test_timeseries_upload_reaches_fn_and_the_returned_dataframe_is_charted():
    at = page("""
    def smooth(frame):
        received.append(frame)
        frame = frame.copy()
        frame["temp"] = frame["temp"].rolling(2, min_periods=1).mean()
        return frame
    out = gr.Timeseries(x="time", y=["temp"], colors=["red"])
    gr.Interface(smooth, gr.Timeseries(x="time", y="temp"), out).launch()
    """)
    assert not at.get("vega_lite_chart")  # no CSV, no chart
    at.file_uploader[0].set_value(("w.csv", b"time,temp\n1,2.0\n2,4.0\n3,6.0\n", "text/csv"))
    button(at, "Submit").click().run()
    assert not at.error
    assert at.session_state["received"][0]["temp"].tolist() == [2.0, 4.0, 6.0]
    preview, output = at.get("vega_lite_chart")
    assert [r["temp"] for r in chart_table(preview)] == [2.0, 4.0, 6.0]
    assert [r["temp"] for r in chart_table(output)] == [2.0, 3.0, 5.0]
    assert json.loads(output.proto.spec)["encoding"]["color"]["scale"]["range"] == ["red"]
