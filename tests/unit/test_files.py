from pathlib import Path

import pytest

import stface as gr
from stface.paths import stface_temp_dir
from stface.components._codecs import MediaFile
from stface.components.files import NamedString


def test_single_file_becomes_a_path_with_a_name():
    path = gr.File().preprocess(MediaFile("report.txt", b"hello"))
    assert isinstance(path, NamedString) and path.name == str(path)
    assert Path(path).read_bytes() == b"hello" and Path(path).name == "report.txt"


def test_gradio_3_file_type_and_binary_types():
    assert Path(gr.File(type="file").preprocess(MediaFile("a.txt", b"x")).name).read_bytes() == b"x"
    assert gr.File(type="binary").preprocess(MediaFile("a.txt", b"x")) == b"x"
    assert gr.File(type="bytes").preprocess(MediaFile("a.txt", b"x")) == b"x"


def test_multiple_files_give_lists():
    paths = gr.File(file_count="multiple").preprocess([MediaFile("a.txt", b"1"), MediaFile("b.txt", b"2")])
    assert [Path(p).read_bytes() for p in paths] == [b"1", b"2"]
    assert gr.Files().multiple_files


def test_uploaded_names_do_not_decide_where_files_go():
    path = Path(gr.File().preprocess(MediaFile("../../escape.txt", b"x")))
    assert path.name == "escape.txt" and path.resolve().is_relative_to(stface_temp_dir())


def test_outputs_become_downloads_and_call_returns_paths(tmp_path):
    source = tmp_path / "result.csv"
    source.write_text("a,b\n")
    demo = gr.Interface(lambda: str(source), None, "file")
    returned = demo()
    assert Path(returned).read_text() == "a,b\n" and Path(returned).name == "result.csv"


def test_file_types_become_uploader_types():
    assert gr.File(file_types=[".pdf", "CSV", "image/*"]).upload_types == ["pdf", "csv"]
    with pytest.raises(ValueError, match="file_count"):
        gr.File(file_count="many")


def test_video_passes_paths_and_plays_files(tmp_path):
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42")
    video = gr.Video()
    assert Path(video.preprocess(MediaFile("clip.mp4", clip.read_bytes()))).read_bytes() == clip.read_bytes()
    assert video.postprocess(str(clip)).data == clip.read_bytes()
    assert video.postprocess((str(clip), None)).name == "clip.mp4"
    assert gr.Interface(lambda v: v, "video", "playablevideo")(str(clip)).endswith("clip.mp4")
