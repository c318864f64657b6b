import csv
import json
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

import stface as gr
from stface.components._codecs import AudioClip, MediaFile
from stface.components.label import LabelData
from stface.flagging import CSVLogger, spreadsheet_safe


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-3.5", "-3.5"),
        (-3.5, -3.5),
        (7, 7),
        ("plain", "plain"),
    ],
)
def test_spreadsheet_formulas_are_neutralised_and_numbers_kept(cell, safe):
    assert spreadsheet_safe(cell) == safe


def read(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def logger_for(components, folder) -> CSVLogger:
    logger = CSVLogger(verbose=False)
    logger.setup(components, folder)
    return logger


def test_rows_have_labels_flag_username_and_timestamp(tmp_path):
    components = [gr.Textbox(label="text"), gr.Label(label="verdict")]
    logger = logger_for(components, tmp_path)
    assert logger.flag(["=cmd|' /C calc'!A0", LabelData("x", (("x", 0.9),))], "wrong") == 1
    header, row = read(logger.path)
    assert header == ["text", "verdict", "flag", "username", "timestamp"]
    assert row[0] == "'=cmd|' /C calc'!A0" and row[2] == "wrong" and row[4]
    assert json.loads(row[1]) == {"label": "x", "confidences": [{"label": "x", "confidence": 0.9}]}  # Gradio's shape


def test_media_are_copied_under_the_folder_with_generated_names(tmp_path):
    components = [gr.Image(label="photo"), gr.Audio(label="voice"), gr.File(label="doc")]
    logger = logger_for(components, tmp_path)
    payloads = [
        MediaFile("../../evil.png", b"\x89PNG"),
        AudioClip(8000, np.zeros(80, dtype=np.int16)),
        MediaFile("report.pdf", b"%PDF"),
    ]
    logger.flag(payloads)
    _, row = read(logger.path)
    for cell in row[:3]:
        path = (tmp_path / cell).resolve()
        assert path.is_relative_to(tmp_path.resolve()) and path.exists()
        assert "evil" not in cell and "report" not in cell
    assert row[0].endswith(".png") and row[1].endswith(".wav") and row[2].endswith(".pdf")


def test_many_threads_flagging_at_once_lose_nothing_and_write_one_header(tmp_path):
    logger = logger_for([gr.Textbox(label="n")], tmp_path)
    threads = [threading.Thread(target=logger.flag, args=([str(i)],)) for i in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rows = read(logger.path)
    assert rows[0][0] == "n" and sum(1 for r in rows if r[0] == "n") == 1
    assert sorted(int(r[0]) for r in rows[1:]) == list(range(40))
    assert all(len(r) == 4 for r in rows)


FLAG_FROM_PROCESS = """
import sys
import stface as gr
from stface.flagging import CSVLogger
logger = CSVLogger(verbose=False)
logger.setup([gr.Textbox(label="n")], sys.argv[1])
for i in range(int(sys.argv[2]), int(sys.argv[2]) + 20):
    logger.flag([str(i)])
"""


def test_several_processes_share_the_log_safely(tmp_path):
    processes = [
        subprocess.Popen([sys.executable, "-c", FLAG_FROM_PROCESS, str(tmp_path), str(start)]) for start in (0, 100, 200)
    ]
    assert [process.wait(timeout=120) for process in processes] == [0, 0, 0]
    rows = read(tmp_path / "log.csv")
    assert len(rows) == 61 and len({r[0] for r in rows[1:]}) == 60


def test_flagging_options_follow_gradio():
    assert gr.Interface(str, "text", "text").flagging_options == [("Flag", "")]
    assert gr.Interface(str, "text", "text", flagging_options=["wrong", "offensive"]).flagging_options == [
        ("Flag as wrong", "wrong"), ("Flag as offensive", "offensive")
    ]  # fmt: skip
    assert gr.Interface(str, "text", "text", flagging_options=[("Bad!", "bad")]).flagging_options == [("Bad!", "bad")]
    with pytest.raises(ValueError, match="list of strings or of \\(label, value\\) pairs"):
        gr.Interface(str, "text", "text", flagging_options="wrong")
