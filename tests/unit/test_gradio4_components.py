"""Gradio 4–6 components Interface apps use: DateTime, DownloadButton, ImageSlider, MultimodalTextbox,
FileExplorer and ParamViewer."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PIL import Image as PILImage

import stface as gr
from stface.components._codecs import MediaFile
from stface.components.image_slider import compare
from stface.errors import Error


def test_datetime_gives_fn_a_timestamp_a_datetime_or_text():
    assert gr.DateTime(timezone="UTC").preprocess("1970-01-01 01:00:00") == 3600.0
    moment = gr.DateTime(type="datetime", timezone="Europe/Paris").preprocess("2026-06-01 12:00:00")
    assert moment.utcoffset() == dt.timedelta(hours=2)
    assert gr.DateTime(type="string", include_time=False).preprocess("2026-11-27") == "2026-11-27"
    assert gr.DateTime(timezone="UTC").postprocess(0) == "1970-01-01 00:00:00"
    assert gr.DateTime().postprocess(dt.datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02 03:04:05"
    assert gr.DateTime().preprocess("  ") is None
    assert abs(gr.DateTime().preprocess("now") - dt.datetime.now().timestamp()) < 5
    with pytest.raises(Error, match="not a date like 2026-01-31 13:45:00"):
        gr.DateTime().preprocess("next tuesday")
    with pytest.raises(Error, match="not a known time zone"):
        gr.DateTime(timezone="Mars/Olympus").preprocess("2026-01-01")


def test_download_button_serves_a_file_fn_returns(tmp_path):
    from stface.paths import FilePolicy, using_policy

    report = tmp_path / "report.txt"
    report.write_text("numbers")
    button = gr.DownloadButton("Get the report")
    with using_policy(FilePolicy(app_dir=str(tmp_path))):
        payload = button.postprocess(str(report))
    assert (payload.name, payload.data, button.label) == ("report.txt", b"numbers", "Get the report")
    assert button.preprocess(str(report)) == str(report)
    assert open(button.as_python(MediaFile("a.bin", b"\x00"))).read() == "\x00"


def test_image_slider_converts_both_images_and_cuts_at_the_position():
    slider = gr.ImageSlider(type="pil")
    black, white = np.zeros((2, 4, 3), np.uint8), np.full((2, 4, 3), 255, np.uint8)
    first, second = slider.preprocess((black, white))
    assert isinstance(first, PILImage.Image) and first.size == (4, 2)
    shown = np.array(compare(*slider.postprocess((black, white)), 50))
    assert shown[0, 0].tolist() == [0, 0, 0] and shown[0, 3].tolist() == [255, 255, 255]
    with pytest.raises(Error, match="a pair of images"):
        slider.postprocess(black)


def test_multimodal_textbox_gives_text_and_file_paths(tmp_path):
    box = gr.MultimodalTextbox(file_types=["image"], file_count="multiple")
    value = box.preprocess({"text": "look", "files": [MediaFile("cat.png", b"png bytes")]})
    assert value["text"] == "look" and open(value["files"][0], "rb").read() == b"png bytes"
    assert box.preprocess("just text") == {"text": "just text", "files": []}
    with pytest.raises(Error, match="Invalid file type: notes.pdf"):
        box.preprocess({"text": "", "files": [str(tmp_path / "notes.pdf")]})
    assert box.postprocess(None) == {"text": "", "files": []}


def test_file_explorer_lists_the_folder_and_never_leaves_it(tmp_path):
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.py").write_text("b")
    (tmp_path / "sub" / "skip.log").write_text("c")
    explorer = gr.FileExplorer(root_dir=tmp_path, ignore_glob="*.log")
    assert explorer.choices() == ["a.txt", "sub/b.py"]
    assert explorer.preprocess(["sub/b.py"]) == [str(tmp_path / "sub" / "b.py")]
    with pytest.raises(Error, match="outside"):
        explorer.preprocess(["../../etc/passwd"])
    single = gr.FileExplorer(root_dir=tmp_path, file_count="single")
    assert single.preprocess(["a.txt"]) == str(tmp_path / "a.txt")
    with pytest.raises(Error, match="only one file"):
        single.preprocess(["a.txt", "sub/b.py"])


def test_param_viewer_shows_each_parameter_as_text():
    viewer = gr.ParamViewer()
    assert viewer.postprocess({"n": {"type": "int", "default": 3, "description": "how many"}, "x": "a value"}) == {
        "n": {"type": "int", "description": "how many", "default": "3"},
        "x": {"type": "", "description": "a value", "default": ""},
    }
    assert not viewer.can_input
