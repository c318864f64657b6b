"""Gradio 6 spellings Interface demos use: Dialogue, Dataframe(column_count=), WaveformOptions, set_static_paths."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import stface as gr
from stface.errors import Error
from stface.paths import FilePolicy


def test_dialogue_formats_lines_as_gradio_6_does():
    dialogue = gr.Dialogue(speakers=["Ann", "Bo"])
    lines = [{"speaker": "Ann", "text": "Hi"}, {"speaker": "Bo", "text": "Hello there"}]
    assert dialogue.preprocess(lines) == "[Ann] Hi\n[Bo] Hello there"
    assert gr.Dialogue(speakers=["Ann"], type="list").preprocess(lines) == lines
    assert dialogue.lines("[Ann] Hi\nno speaker") == [{"speaker": "Ann", "text": "Hi"}, {"speaker": "Ann", "text": "no speaker"}]
    custom = gr.Dialogue(speakers=["A"], formatter=lambda s, t: f"{s}: {t}", separator=" | ")
    assert custom.preprocess(lines) == "Ann: Hi | Bo: Hello there"
    assert gr.Dialogue().preprocess("free text") == "free text"  # no speakers: a text area
    with pytest.raises(ValueError, match="'speaker'"):
        dialogue.preprocess(["just a string"])
    with pytest.raises(ValueError, match="'list' or 'text'"):
        gr.Dialogue(type="dict")


def test_dialogue_in_a_page_reaches_fn_formatted():
    app = '''
import stface as gr
gr.Interface(lambda d: d.upper(), gr.Dialogue(speakers=["Ann", "Bo"], value=[{"speaker": "Bo", "text": "yo"}]),
             gr.Textbox(label="out")).render()
'''
    at = AppTest.from_string(app, default_timeout=30).run()
    next(b for b in at.button if b.label == "Submit").click()
    at.run()
    assert not at.exception
    assert at.text_area(key=[t.key for t in at.text_area if t.label == "out"][0]).value == "[BO] YO"


def test_dataframe_takes_gradio_6s_column_count():
    table = gr.Dataframe(column_count=(2, "fixed"), row_count=3, type="array")
    assert table.col_count == (2, "fixed") and table.row_count == (3, "dynamic")
    assert table.preprocess(None) == [["", ""], ["", ""], ["", ""]]


def test_waveform_options_are_accepted_by_audio():
    options = gr.WaveformOptions(waveform_color="#01C6FF", show_controls=True)
    with pytest.warns(UserWarning, match="no effect in stface: waveform_options"):  # drawn without a waveform
        audio = gr.Audio(waveform_options=options)
    assert options.show_controls and audio.sources == ["upload", "microphone"]


def test_set_static_paths_lets_outputs_name_files_there(tmp_path, monkeypatch):
    from stface import paths

    monkeypatch.setattr(paths, "_static_paths", [])
    inside = tmp_path / "assets" / "logo.txt"
    inside.parent.mkdir()
    inside.write_text("x")
    policy = FilePolicy(app_dir=str(tmp_path / "app"))
    monkeypatch.setattr(paths, "stface_temp_dir", lambda: tmp_path / "t", raising=False)
    monkeypatch.setattr(paths.tempfile, "gettempdir", lambda: str(tmp_path / "t"))
    with pytest.raises(Error):
        policy.check(inside)
    gr.set_static_paths([str(tmp_path / "assets")])
    assert policy.check(inside) == inside.resolve()
    blocked = FilePolicy(app_dir=str(tmp_path / "app"), blocked=[str(tmp_path / "assets")])
    with pytest.raises(Error, match="blocked"):
        blocked.check(inside)  # blocked_paths still win
