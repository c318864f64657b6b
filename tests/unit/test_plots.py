"""Plot, LinePlot / ScatterPlot / BarPlot and Timeseries: conversions, options and the charts' specs."""

from __future__ import annotations

import json
import warnings

import altair as alt
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
import pytest  # noqa: E402

import stface as gr  # noqa: E402
from stface.components._codecs import MediaFile  # noqa: E402
from stface.components.plot import PlotFigure, plot_figure  # noqa: E402
from stface.components.registry import component_from  # noqa: E402
from stface.errors import ComponentValueError, Error  # noqa: E402

SALES = pd.DataFrame({"day": [1, 2, 3, 4], "sales": [3.0, 5.0, 4.0, 6.0], "shop": ["a", "a", "b", "b"],
                      "staff": [1, 2, 3, 4]})  # fmt: skip


# -- gr.Plot ------------------------------------------------------------------


def test_a_matplotlib_figure_an_axes_an_axes_array_and_pyplot_all_give_their_figure():
    figure, axes = plt.subplots()
    assert plot_figure(figure) == PlotFigure("matplotlib", figure)
    assert plot_figure(axes).figure is figure
    grid_figure, grid = plt.subplots(2, 2)
    assert plot_figure(grid).figure is grid_figure
    current = plt.figure()
    plt.plot([1, 2], [3, 4])
    assert plot_figure(plt).figure is current
    sub = plt.figure().subfigures(1, 2)[0]
    assert plot_figure(sub).figure is sub.figure  # the root Figure


def test_matplotlib_figures_are_closed_in_pyplot_but_still_draw():
    figure, axes = plt.subplots()
    axes.plot([0, 1], [1, 0])
    assert figure.number in plt.get_fignums()
    shown = gr.Plot().postprocess(figure)
    assert figure.number not in plt.get_fignums()  # pyplot no longer keeps it alive
    import io

    buffer = io.BytesIO()
    shown.figure.savefig(buffer, format="png")
    assert buffer.getvalue().startswith(b"\x89PNG")


def test_plotly_altair_and_bokeh_figures_are_recognised():
    plotly_figure = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]))
    assert plot_figure(plotly_figure) == PlotFigure("plotly", plotly_figure)
    chart = alt.Chart(SALES).mark_line().encode(x="day", y="sales")
    assert plot_figure(chart).library == "altair"
    assert plot_figure(chart + chart).library == "altair"  # a LayerChart

    class BokehFigure:  # bokeh is not installed here; its figures are recognised by their package
        pass

    BokehFigure.__module__ = "bokeh.plotting._figure"
    bokeh_figure = BokehFigure()
    assert plot_figure(bokeh_figure) == PlotFigure("bokeh", bokeh_figure)


def test_a_value_that_is_no_figure_says_what_a_plot_takes():
    with pytest.raises(
        ComponentValueError, match=r"matplotlib Figure.*plotly Figure.*altair Chart.*bokeh.*gr\.LinePlot"
    ):
        gr.Plot(label="Forecast").postprocess(SALES)
    with pytest.raises(ComponentValueError, match="Forecast"):
        gr.Plot(label="Forecast").postprocess("a string")
    with pytest.raises(ComponentValueError):
        plot_figure(np)  # a module, but not pyplot


def test_plot_returns_the_figure_from_demo_and_hands_fn_the_figure_as_an_input():
    plotly_figure = go.Figure(go.Bar(x=["a"], y=[1]))
    demo = gr.Interface(lambda n: plotly_figure, "number", "plot")
    assert isinstance(demo.output_components[0], gr.Plot)
    assert demo(1) is plotly_figure
    assert gr.Plot().as_python(None) is None
    seen = []
    echo = gr.Interface(lambda figure: seen.append(figure) or "ok", gr.Plot(value=plotly_figure), "text")
    assert echo(plotly_figure) == "ok" and seen == [plotly_figure]
    assert gr.Plot(value=plotly_figure).initial_payload() == PlotFigure("plotly", plotly_figure)
    assert gr.Plot(value=lambda: plotly_figure).initial_payload().figure is plotly_figure
    assert gr.Plot().initial_payload() is None


def test_plot_accepts_gradio_6_options_with_one_warning():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plot = gr.Plot(format="png", every=None, buttons=None, min_width=200, label="P")
    assert plot.label == "P"
    assert any("format" in str(w.message) for w in caught)


def test_shortcuts_name_each_plot_class():
    assert type(component_from("plot")) is gr.Plot
    assert type(component_from("lineplot")) is gr.LinePlot
    assert type(component_from("scatter_plot")) is gr.ScatterPlot
    assert type(component_from("BarPlot")) is gr.BarPlot
    assert type(component_from("timeseries")) is gr.Timeseries
    assert gr.TimeSeries is gr.Timeseries


# -- LinePlot / ScatterPlot / BarPlot -------------------------------------------


def test_a_line_plot_draws_x_against_y_with_titles_tooltips_and_invisible_points():
    plot = gr.LinePlot(x="day", y="sales", title="Sales", x_title="Day", y_title="Sold")
    spec = plot.vega_lite_spec(SALES)
    assert spec["title"] == "Sales"
    x, y = spec["encoding"]["x"], spec["encoding"]["y"]
    assert (x["field"], x["type"], x["title"]) == ("day", "quantitative", "Day")
    assert (y["field"], y["type"], y["title"]) == ("sales", "quantitative", "Sold")
    assert "aggregate" not in y  # numbers on x: one point per row
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["line", "point"]
    assert spec["layer"][1]["encoding"]["opacity"] == {"value": 0}
    assert [t["field"] for t in spec["encoding"]["tooltip"]] == ["sales", "day"]
    assert spec["layer"][0]["params"][0]["bind"] == "scales"  # pan and zoom (Gradio 3.50's interactive)
    json.dumps(spec)


def test_line_plot_options_overlay_points_stroke_dash_limits_formats_and_size():
    plot = gr.LinePlot(x="day", y="sales", overlay_point=True, stroke_dash="shop", x_lim=[0, None], y_lim=[1, 9],
                       x_label_angle=45, y_axis_format=".1f", x_axis_labels_visible=False, height=250, width=400,
                       interactive=False)  # fmt: skip
    spec = plot.vega_lite_spec(SALES)
    assert spec["layer"][1]["encoding"]["opacity"] == {"value": 1}
    assert spec["encoding"]["strokeDash"]["field"] == "shop"
    assert spec["encoding"]["x"]["scale"] == {"zero": False, "domainMin": 0}
    assert spec["encoding"]["y"]["scale"] == {"zero": False, "domainMin": 1, "domainMax": 9}
    assert spec["encoding"]["x"]["axis"] == {"labelAngle": 45, "labels": False, "ticks": False}
    assert spec["encoding"]["y"]["axis"] == {"format": ".1f"}
    assert (spec["height"], spec["width"]) == (250, 400)
    assert "params" not in spec["layer"][0]  # interactive=False: no pan and zoom


def test_color_series_take_the_color_map_and_the_legend_options():
    plot = gr.LinePlot(x="day", y="sales", color="shop", color_map={"b": "#ff0000"}, color_title="Shop")
    color = plot.vega_lite_spec(SALES)["encoding"]["color"]
    assert color["field"] == "shop" and color["type"] == "nominal"
    assert color["scale"]["domain"] == ["a", "b"]
    assert color["scale"]["range"][1] == "#ff0000" and color["scale"]["range"][0].startswith("#")
    assert color["legend"] == {"title": "Shop", "orient": "bottom"}
    hidden = gr.LinePlot(x="day", y="sales", color="shop", colors_in_legend=[]).vega_lite_spec(SALES)
    assert hidden["encoding"]["color"]["legend"] is None
    some = gr.LinePlot(x="day", y="sales", color="shop", colors_in_legend=["a"]).vega_lite_spec(SALES)
    assert some["encoding"]["color"]["legend"]["values"] == ["a"]
    old = gr.LinePlot(x="day", y="sales", color="shop", color_legend_title="Store", color_legend_position="none")
    assert old.vega_lite_spec(SALES)["encoding"]["color"]["legend"] is None
    placed = gr.LinePlot(x="day", y="sales", color="shop", color_legend_title="Store", color_legend_position="left")
    assert placed.vega_lite_spec(SALES)["encoding"]["color"]["legend"] == {"title": "Store", "orient": "left"}


def test_tooltip_axis_all_none_and_listed_columns():
    def fields(**options):
        spec = gr.ScatterPlot(x="day", y="sales", color="shop", **options).vega_lite_spec(SALES)
        return [t["field"] for t in spec["encoding"].get("tooltip", [])]

    assert fields() == ["sales", "day", "shop"]
    assert fields(tooltip="all") == ["sales", "day", "shop", "staff"]
    assert fields(tooltip=["staff"]) == ["sales", "day", "shop", "staff"]
    assert fields(tooltip="staff") == ["sales", "day", "shop", "staff"]  # Gradio 3.50 took one column name
    assert fields(tooltip="none") == []
    assert fields(tooltip=None) == []


def test_bars_over_categories_are_summed_or_aggregated_and_sorted():
    spec = gr.BarPlot(x="shop", y="sales", sort="-y").vega_lite_spec(SALES)
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["y"]["aggregate"] == "sum"
    assert spec["encoding"]["x"]["sort"] == "-y"
    assert "params" not in spec  # no pan and zoom over categories
    assert "zero" not in spec["encoding"]["y"]["scale"]  # bars start at zero
    mean = gr.BarPlot(x="shop", y="sales", y_aggregate="mean", sort=["b", "a"]).vega_lite_spec(SALES)
    assert mean["encoding"]["y"]["aggregate"] == "mean" and mean["encoding"]["x"]["sort"] == ["b", "a"]
    assert gr.BarPlot(x="shop", y="sales", sort="x").vega_lite_spec(SALES)["encoding"]["x"]["sort"] == "ascending"
    assert gr.BarPlot(x="shop", y="sales", sort="-x").vega_lite_spec(SALES)["encoding"]["x"]["sort"] == "descending"


def test_gradio_350_bar_options_vertical_and_group():
    spec = gr.BarPlot(x="shop", y="sales", vertical=False, y_lim=[0, 20]).vega_lite_spec(SALES)
    assert spec["encoding"]["y"]["field"] == "shop" and spec["encoding"]["x"]["field"] == "sales"
    assert spec["encoding"]["x"]["aggregate"] == "sum"
    assert spec["encoding"]["x"]["scale"] == {"domainMin": 0, "domainMax": 20}
    grouped = gr.BarPlot(x="day", y="sales", group="shop", group_title="Store").vega_lite_spec(SALES)
    assert grouped["encoding"]["column"] == {"field": "shop", "type": "nominal", "title": "Store"}
    assert "params" not in grouped


def test_scatter_points_size_shape_and_a_number_colour():
    spec = gr.ScatterPlot(x="day", y="sales", color="staff", size="staff", shape="shop").vega_lite_spec(SALES)
    assert spec["mark"]["type"] == "point"
    assert spec["encoding"]["color"]["type"] == "quantitative" and "scale" not in spec["encoding"]["color"]
    assert spec["encoding"]["size"]["type"] == "quantitative"
    assert spec["encoding"]["shape"]["type"] == "nominal"
    categories = gr.ScatterPlot(x="shop", y="sales").vega_lite_spec(SALES)
    assert "aggregate" not in categories["encoding"]["y"]  # points are never summed unless binned


def test_x_bin_and_temporal_limits_follow_gradio_6():
    times = pd.DataFrame({"t": pd.to_datetime(["2024-01-01 00:00", "2024-01-01 01:30"]), "v": [1, 2]})
    spec = gr.LinePlot(x="t", y="v", x_bin="1h", y_aggregate="max", x_lim=[1704067200, None]).vega_lite_spec(times)
    assert spec["encoding"]["x"]["type"] == "temporal"
    assert spec["encoding"]["x"]["bin"] == {"step": 3_600_000}
    assert spec["encoding"]["y"]["aggregate"] == "max"
    assert spec["encoding"]["x"]["scale"]["domainMin"] == 1704067200 * 1000  # seconds, as Gradio 6 takes them
    dated = gr.LinePlot(x="t", y="v", x_lim=["2024-01-01", "2024-01-02"]).vega_lite_spec(times)
    assert dated["encoding"]["x"]["scale"]["domainMax"] == 1704153600000
    numeric = gr.ScatterPlot(x="day", y="sales", x_bin=2).vega_lite_spec(SALES)
    assert numeric["encoding"]["x"]["bin"] == {"step": 2.0} and numeric["encoding"]["y"]["aggregate"] == "sum"


def test_bad_options_fail_where_they_are_written():
    with pytest.raises(ValueError, match="y_aggregate"):
        gr.BarPlot(x="a", y="b", y_aggregate="average")
    with pytest.raises(ValueError, match="x_bin"):
        gr.LinePlot(x="a", y="b", x_bin="5 weeks")
    with pytest.raises(ValueError, match="sort"):
        gr.BarPlot(x="a", y="b", sort="z")
    with pytest.raises(ValueError, match="x_lim"):
        gr.LinePlot(x="a", y="b", x_lim=[1])
    with pytest.raises(ValueError, match="color_legend_position"):
        gr.LinePlot(x="a", y="b", color_legend_position="middle")


def test_missing_columns_and_axes_are_named_with_the_columns_there_are():
    with pytest.raises(ComponentValueError, match=r"needs x= and y=.*day, sales"):
        gr.LinePlot().postprocess(SALES)
    with pytest.raises(ComponentValueError, match=r"no column 'price'.*'day'"):
        gr.LinePlot(x="day", y="price").postprocess(SALES)
    with pytest.raises(ComponentValueError, match="no column 'region'"):
        gr.LinePlot(x="day", y="sales", color="region").postprocess(SALES)
    with pytest.raises(ComponentValueError, match="pandas DataFrame"):
        gr.ScatterPlot(x="a", y="b").postprocess([1, 2, 3])


def test_the_dataframe_is_shown_as_given_and_an_index_can_be_x():
    frame = SALES.set_index("day")
    plot = gr.LinePlot(x="day", y="sales")
    assert plot.postprocess(frame) is frame
    assert plot.as_python(frame) is frame
    data = plot.chart_data(frame)
    assert list(data.columns)[:2] == ["day", "sales"]
    numbered = pd.DataFrame({0: [1, 2], 1: [3, 4]})  # column names become text for Vega
    assert gr.ScatterPlot(x="0", y="1").vega_lite_spec(numbered)["encoding"]["x"]["field"] == "0"


def test_gradio_6_plot_data_becomes_a_dataframe():
    data = {"columns": ["x", "y"], "data": [[1, 2], [3, 4]], "datatypes": {}, "mark": "line"}
    frame = gr.LinePlot(x="x", y="y").postprocess(data)
    assert frame.to_dict("list") == {"x": [1, 3], "y": [2, 4]}


def test_specs_are_plain_json_even_with_numpy_values_and_missing_categories():
    frame = pd.DataFrame({"x": np.arange(3), "y": np.array([1.5, np.nan, 2.0]), "c": ["a", None, "b"]})
    spec = gr.LinePlot(x="x", y="y", color="c", x_lim=[np.int64(0), np.float64(2.5)]).vega_lite_spec(frame)
    text = json.dumps(spec, allow_nan=False)
    assert '"domain": ["a", "b"]' in text and '"domainMax": 2.5' in text


def test_field_names_with_dots_are_escaped():
    frame = pd.DataFrame({"a.b": [1, 2], "c[0]": [3, 4]})
    spec = gr.ScatterPlot(x="a.b", y="c[0]").vega_lite_spec(frame)
    assert spec["encoding"]["x"]["field"] == "a\\.b" and spec["encoding"]["y"]["field"] == "c\\[0\\]"
    assert spec["encoding"]["x"]["title"] == "a.b"


def test_a_native_plot_as_an_input_hands_fn_its_dataframe():
    plot = gr.LinePlot(value=SALES, x="day", y="sales")
    assert plot.initial_payload().equals(SALES)
    assert plot.initial_payload() is not SALES  # each session gets its own copy
    assert gr.LinePlot(value=lambda: SALES, x="day", y="sales").initial_payload().equals(SALES)
    demo = gr.Interface(lambda frame: float(frame["sales"].sum()), plot, "number")
    assert demo(SALES) == 18.0
    assert plot.preprocess(None) is None


def test_labels_are_hidden_unless_given_as_in_gradio_6():
    assert gr.LinePlot(x="a", y="b").show_label is False
    assert gr.LinePlot(x="a", y="b", label="Sales").show_label is None
    assert gr.BarPlot(x="a", y="b", show_label=True).show_label is True


def test_gradio_options_stface_cannot_act_on_warn_once():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plot = gr.ScatterPlot(x="a", y="b", show_actions_button=True, buttons=["export"], every=None, inputs=None,
                              elem_id="p", container=False, scale=2, min_width=100)  # fmt: skip
    assert plot.x == "a"
    assert any("show_actions_button" in str(w.message) for w in caught)


# -- Timeseries (Gradio 3.50) -----------------------------------------------------


CSV = b"time,temp,humidity\n2024-01-01,3.5,80\n2024-01-02,4.0,75\n2024-01-03,2.5,90\n"


def test_an_uploaded_csv_reaches_fn_as_a_dataframe():
    frame = gr.Timeseries().preprocess(MediaFile("weather.csv", CSV))
    assert list(frame.columns) == ["time", "temp", "humidity"]
    assert frame["temp"].tolist() == [3.5, 4.0, 2.5]
    assert gr.Timeseries().preprocess(None) is None


def test_a_csv_path_a_dataframe_or_gradio_3_rows_are_shown(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the app's folder may be served
    (tmp_path / "w.csv").write_bytes(CSV)
    series = gr.Timeseries(x="time", y="temp")
    assert series.postprocess("w.csv")["humidity"].tolist() == [80, 75, 90]
    assert series.postprocess(pd.DataFrame({"time": [1], "temp": [2]}))["temp"].tolist() == [2]
    rows = series.postprocess({"headers": ["time", "temp"], "data": [[1, 2], [2, 3]]})
    assert rows["temp"].tolist() == [2, 3]
    with pytest.raises(Error, match="outside the folders"):
        series.postprocess("/etc/hostname")
    assert gr.Timeseries(value=str(tmp_path / "w.csv")).initial_payload().shape == (3, 3)


def test_timeseries_draws_each_y_column_in_its_colour_against_x():
    frame = gr.Timeseries().preprocess(MediaFile("w.csv", CSV))
    spec = gr.Timeseries(colors=["red", "blue"]).vega_lite_spec(frame)
    assert spec["transform"][0]["fold"] == ["temp", "humidity"]  # every column after the first
    assert spec["encoding"]["x"]["field"] == "time"
    assert spec["encoding"]["x"]["type"] == "temporal"  # the CSV's dates are read as dates for the chart
    assert spec["encoding"]["color"]["scale"] == {"domain": ["temp", "humidity"], "range": ["red", "blue"]}
    one = gr.Timeseries(x="time", y="temp").vega_lite_spec(frame)
    assert one["transform"][0]["fold"] == ["temp"] and one["encoding"]["y"]["title"] == "temp"
    assert frame["time"].dtype == object or str(frame["time"].dtype) == "str"  # fn's DataFrame is untouched


def test_y_columns_the_table_lacks_are_left_out_and_keep_their_colours():
    # Gradio's fraud_detector demo drops the columns a person unticks, then returns the table.
    series = gr.Timeseries(x="time", y=["retail", "food", "other"], colors=["red", "green", "blue"])
    frame = pd.DataFrame({"time": [0, 1], "retail": [1, 2], "other": [3, 4]})
    assert series.postprocess(frame) is frame
    spec = series.vega_lite_spec(frame)
    assert spec["transform"][0]["fold"] == ["retail", "other"]
    assert spec["encoding"]["color"]["scale"]["range"] == ["red", "blue"]


def test_timeseries_errors_name_the_problem():
    with pytest.raises(ComponentValueError, match=r"no y column \('pressure'\); the table has 'time', 'temp'"):
        gr.Timeseries(y=["pressure"]).postprocess(pd.DataFrame({"time": [1], "temp": [2]}))
    with pytest.raises(ComponentValueError, match="no column 'when' for x"):
        gr.Timeseries(x="when").postprocess(pd.DataFrame({"time": [1], "temp": [2]}))
    with pytest.raises(ComponentValueError, match="could not read 'bad.csv' as CSV"):
        gr.Timeseries().preprocess(MediaFile("bad.csv", b"\xff\xfe\x00\x00garbage\n\x00"))


def test_gradio_3_inputs_and_outputs_namespaces_have_timeseries():
    old_in = gr.inputs.Timeseries("time", "temp", "Weather", True)
    assert (old_in.x, old_in.y, old_in.label, old_in.optional) == ("time", ["temp"], "Weather", True)
    old_out = gr.outputs.Timeseries("time", ["a", "b"])
    assert isinstance(old_out, gr.Timeseries) and old_out.y == ["a", "b"]


# -- flagging ------------------------------------------------------------------------


def test_flagged_plots_keep_the_picture_or_gradios_plot_json(tmp_path):
    import csv

    from stface.flagging import CSVLogger

    figure, axes = plt.subplots()
    axes.plot([0, 1], [1, 0])
    plotly_figure = go.Figure(go.Bar(x=["a"], y=[1]))
    components = [gr.Plot(label="mpl"), gr.Plot(label="plotly"), gr.LinePlot(x="day", y="sales", label="line")]
    payloads = [c.postprocess(v) for c, v in zip(components, [figure, plotly_figure, SALES])]
    log = CSVLogger(verbose=False)
    log.setup(components, tmp_path)
    log.flag(payloads)
    with open(tmp_path / "log.csv", newline="") as handle:
        row = list(csv.DictReader(handle))[0]
    assert (tmp_path / row["mpl"]).read_bytes().startswith(b"\x89PNG")
    saved = json.loads(row["plotly"])
    assert saved["type"] == "plotly" and json.loads(saved["plot"])["data"][0]["type"] == "bar"
    assert json.loads(row["line"])["columns"] == ["day", "sales", "shop", "staff"]


# -- every spec is valid Vega-Lite ----------------------------------------------------


def _valid_vega_lite(spec: dict) -> None:
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema import core

    validate_jsonschema({**spec, "data": {"name": "table"}}, core.load_schema())  # Streamlit adds the data


TIMES = pd.DataFrame({"t": pd.date_range("2024-01-01", periods=4, freq="h"), "v": [1, 3, 2, 4], "k": list("abab")})


@pytest.mark.parametrize(
    "plot, frame",
    [
        (gr.LinePlot(x="day", y="sales", color="shop", stroke_dash="shop", overlay_point=True, y_lim=[0, None],
                     tooltip="all", title="t", height=200, width=300, x_axis_labels_visible="hidden"), SALES),
        (gr.LinePlot(x="t", y="v", color="k", x_bin="2h", y_aggregate="mean", x_lim=[1704067200, None],
                     color_map={"a": "red"}), TIMES),
        (gr.BarPlot(x="shop", y="sales", group="staff", vertical=False, sort="-y", color="shop"), SALES),
        (gr.BarPlot(x="shop", y="sales", sort=["b", "a"], y_aggregate="count", x_label_angle=-45), SALES),
        (gr.ScatterPlot(x="day", y="sales", color="staff", size="staff", shape="shop", colors_in_legend=[],
                        size_legend_position="none", shape_legend_title="Shop"), SALES),
        (gr.ScatterPlot(x="day", y="sales", x_bin=2, tooltip=["staff"], interactive=False), SALES),
        (gr.Timeseries(x="t", y=["v"], colors=["red"]), TIMES),
        (gr.Timeseries(), SALES),
    ],
)  # fmt: skip
def test_the_specs_are_valid_vega_lite(plot, frame):
    _valid_vega_lite(plot.vega_lite_spec(frame))


def test_the_schema_check_itself_catches_a_bad_spec():
    from jsonschema import ValidationError

    with pytest.raises(ValidationError):
        _valid_vega_lite({"mark": {"type": "point"}, "encoding": {"x": {"field": "a", "scale": {"domainMinn": 1}}}})


def test_marks_are_cut_at_the_axes_only_where_limits_are_set():
    assert gr.ScatterPlot(x="day", y="sales").vega_lite_spec(SALES)["mark"]["clip"] is False
    assert gr.ScatterPlot(x="day", y="sales", y_lim=[4, None]).vega_lite_spec(SALES)["mark"]["clip"] is True
    layers = gr.LinePlot(x="day", y="sales", x_lim=[2, 3]).vega_lite_spec(SALES)["layer"]
    assert [layer["mark"]["clip"] for layer in layers] == [True, True]
