"""``gr.load("http://host:port/")`` of another stface app, through gradio_client: one app calls another over HTTP."""

from __future__ import annotations

import numpy as np
from PIL import Image

import stface as gr


def test_load_an_stface_app_by_url(kitchen):
    remote = gr.load(kitchen.url, api_name="/greet")
    assert [c.label for c in remote.input_components] == ["name"]
    assert remote("Ada") == "Hello Ada!"


def test_series_chains_two_remote_endpoints(kitchen):
    chain = gr.Series(gr.load(kitchen.url, api_name="/greet"), gr.load(kitchen.url, api_name="/shout"))
    assert chain("Ada") == "HELLO ADA!"


def test_parallel_runs_remote_endpoints_side_by_side(kitchen):
    both = gr.Parallel(gr.load(kitchen.url, api_name="/greet"), gr.load(kitchen.url, api_name="/shout"))
    assert both("Ada") == ["Hello Ada!", "ADA"]


def test_files_travel_between_remote_endpoints(kitchen, tmp_path):
    pixels = np.arange(6 * 4 * 3, dtype=np.uint8).reshape(6, 4, 3)
    Image.fromarray(pixels).save(tmp_path / "in.png")
    twice = gr.Series(gr.load(kitchen.url, api_name="/mirror"), gr.load(kitchen.url, api_name="/mirror"))
    assert np.array_equal(np.asarray(twice(str(tmp_path / "in.png")))[..., :3], pixels)


def test_remote_label_and_several_outputs(kitchen):
    assert gr.load(kitchen.url, api_name="/classify")("x") == {"cat": 0.75, "dog": 0.25}
    assert gr.load(kitchen.url, api_name="/stats")("a b", 2, True) == ["A BA B", 2, {"words": ["a", "b"]}]


def test_remote_gr_error_keeps_its_message(kitchen):
    remote = gr.load(kitchen.url, api_name="/fail")
    try:
        remote("gr")
    except gr.Error as error:
        assert error.message == "That is not allowed."
    else:
        raise AssertionError("the remote gr.Error did not arrive")
