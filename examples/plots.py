"""Plots: one fn draws the same forecast with matplotlib, plotly and a LinePlot (like Gradio's outbreak demo)."""

import matplotlib

matplotlib.use("Agg")  # draw off-screen: the page shows the picture

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import plotly.express as px  # noqa: E402

import stface as gr  # noqa: E402

COUNTRIES = ["USA", "Canada", "Mexico", "UK"]


def forecast(r, month, countries, social_distancing):
    """Cases per day over ``month`` months for each country, growing at rate ``r``."""
    months = ["January", "February", "March", "April", "May"].index(month) + 1
    days = np.arange(0, 30 * months)
    rows = []
    for offset, country in enumerate(countries or COUNTRIES[:1]):
        growth = (r - 1) / 50 * (0.5 if social_distancing else 1.0)
        cases = 100 * (1 + growth) ** days * (1 + 0.1 * offset)
        rows.append(pd.DataFrame({"day": days, "cases": cases.round(1), "country": country}))
    frame = pd.concat(rows, ignore_index=True)

    figure, axes = plt.subplots(figsize=(6, 3.5))
    for country, part in frame.groupby("country", sort=False):
        axes.plot(part["day"], part["cases"], label=country)
    axes.set_xlabel("day")
    axes.set_ylabel("cases")
    axes.set_title("Outbreak forecast (matplotlib)")
    axes.legend()

    interactive = px.line(frame, x="day", y="cases", color="country", title="Outbreak forecast (plotly)")
    return figure, interactive, frame


demo = gr.Interface(
    forecast,
    [
        gr.Slider(1, 4, value=2, label="R"),
        gr.Dropdown(["January", "February", "March", "April", "May"], value="February", label="Month"),
        gr.CheckboxGroup(COUNTRIES, value=["USA", "Canada"], label="Countries"),
        gr.Checkbox(label="Social distancing?"),
    ],
    [
        gr.Plot(label="matplotlib"),
        gr.Plot(label="plotly"),
        gr.LinePlot(
            x="day",
            y="cases",
            color="country",
            title="Outbreak forecast (LinePlot)",
            tooltip=["country"],
            label="LinePlot",
            caption="Cases per day; drag to pan, scroll to zoom.",
        ),
    ],
    examples=[[2, "March", ["USA", "Mexico"], False], [3, "January", ["UK"], True]],
    title="Outbreak forecast",
    description="The same forecast drawn by matplotlib, plotly and a native LinePlot.",
)

if __name__ == "__main__":
    demo.launch()
