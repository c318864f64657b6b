"""Gradio's flagging callbacks: CSVLogger (both signatures), SimpleCSVLogger, the values callbacks receive,
and HuggingFaceDatasetSaver against a local stand-in for the Hub (and with no Hub reachable)."""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import stface as gr
from stface.components._codecs import AudioClip, MediaFile
from stface.components.label import LabelData
from stface.flagging import ClassicCSVLogger, FlagMethod
from stface.flagging.values import flag_data, gradio_value


def read(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def png() -> MediaFile:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (3, 2), "red").save(buffer, format="PNG")
    return MediaFile("cat.png", buffer.getvalue())


# -- the names, as Gradio's modules spell them ------------------------------------------


def test_gradio_flagging_names_import_from_stface_flagging():
    from stface.flagging import (  # noqa: F401 - the import is the test
        CSVLogger,
        FlaggingCallback,
        HuggingFaceDatasetJSONSaver,
        HuggingFaceDatasetSaver,
        SimpleCSVLogger,
    )

    assert gr.CSVLogger is CSVLogger and gr.flagging.FlaggingCallback is FlaggingCallback
    with pytest.raises(TypeError, match="abstract"):
        FlaggingCallback()


def test_a_callback_without_gradios_methods_is_refused_clearly():
    with pytest.raises(TypeError, match="FlaggingCallback .*has no setup or flag.*stface.CSVLogger"):
        gr.Interface(str.upper, "text", "text", flagging_callback=object())


# -- CSVLogger ------------------------------------------------------------------------------


def test_gradio_3_signature_writes_log_csv_with_flag_username_and_timestamp(tmp_path):
    logger = gr.CSVLogger()
    logger.setup([gr.Textbox(label="text"), gr.Number(label="n")], tmp_path)
    assert logger.flag(["hi", 2], "wrong", "ada") == 1
    assert logger.flag(["=2+2", None]) == 2
    header, first, second = read(tmp_path / "log.csv")
    assert header == ["text", "n", "flag", "username", "timestamp"]
    assert first[:4] == ["hi", "2", "wrong", "ada"] and second[:4] == ["'=2+2", "", "", ""]


def test_gradio_6_signature_names_the_file_keeps_file_data_and_says_where(tmp_path, capsys):
    components = [gr.Image(label="photo"), gr.File(label="docs", file_count="multiple")]
    logger = gr.CSVLogger(simplify_file_data=False, verbose=True, dataset_file_name="mine.csv")
    logger.setup(components, tmp_path)
    logger.flag([png(), [MediaFile("a.txt", b"A"), MediaFile("b.txt", b"B")]], None, None)
    assert capsys.readouterr().out.strip() == f"Created dataset file at: {tmp_path / 'mine.csv'}"
    _, row = read(tmp_path / "mine.csv")
    photo, docs = json.loads(row[0]), json.loads(row[1])
    assert photo["meta"] == {"_type": "gradio.FileData"} and photo["orig_name"] == "cat.png"
    assert (tmp_path / photo["path"]).read_bytes().startswith(b"\x89PNG") and not Path(photo["path"]).is_absolute()
    assert [(tmp_path / d["path"]).read_bytes() for d in docs] == [b"A", b"B"]

    again = gr.CSVLogger(dataset_file_name="mine.csv")
    again.setup(components, tmp_path)
    again.flag([None, None])
    assert capsys.readouterr().out.strip() == f"Using existing dataset file at: {tmp_path / 'mine.csv'}"
    assert len(read(tmp_path / "mine.csv")) == 3


def test_another_interface_in_the_same_folder_gets_its_own_file(tmp_path):
    first, second = gr.CSVLogger(verbose=False), gr.CSVLogger(verbose=False)
    first.setup([gr.Textbox(label="question")], tmp_path)
    second.setup([gr.Textbox(label="prompt"), gr.Textbox(label="answer")], tmp_path)
    first.flag(["a"]), second.flag(["b", "B"]), first.flag(["c"])
    assert [r[0] for r in read(tmp_path / "log.csv")] == ["question", "a", "c"]
    assert [r[:2] for r in read(tmp_path / "log2.csv")] == [["prompt", "answer"], ["b", "B"]]


def test_flag_before_setup_or_with_the_wrong_count_says_what_to_do(tmp_path):
    with pytest.raises(RuntimeError, match=r"before setup\(components, flagging_dir\)"):
        gr.CSVLogger().flag(["x"])
    logger = gr.CSVLogger(verbose=False)
    logger.setup([gr.Textbox()], tmp_path)
    with pytest.raises(ValueError, match="got 2 value\\(s\\) for 1 component"):
        logger.flag(["x", "y"])


def test_classic_csv_logger_always_writes_log_csv(tmp_path):
    logger = ClassicCSVLogger()
    logger.setup([gr.Textbox(label="other")], tmp_path)
    (tmp_path / "log.csv").write_text("different,columns\n")
    logger.flag(["x"])
    assert read(tmp_path / "log.csv")[1][0] == "x"


# -- SimpleCSVLogger ------------------------------------------------------------------------


def test_simple_csv_logger_writes_values_only_and_copies_files_as_gradio(tmp_path):
    logger = gr.SimpleCSVLogger()
    logger.setup([gr.Textbox(label="text"), gr.Image(label="photo"), gr.Number(label="n")], tmp_path / "flags")
    assert (tmp_path / "flags").is_dir()  # setup makes the folder, as Gradio's does
    assert logger.flag(["@SUM(A1)", png(), 4], "ignored", "ada") == 1
    assert logger.flag(["two", None, None]) == 2
    rows = read(tmp_path / "flags" / "log.csv")
    assert rows[0][0] == "'@SUM(A1)" and rows[0][2] == "4" and rows[1] == ["two", "", ""]
    photo = json.loads(rows[0][1])  # component.flag: the copy's FileData, as Gradio 4+ writes it
    assert Path(photo["path"]).parent.parent == tmp_path / "flags" / "photo"
    assert Path(photo["path"]).name == "cat.png" and Path(photo["path"]).read_bytes().startswith(b"\x89PNG")


def test_a_callback_written_for_gradio_works_on_the_values_stface_gives(tmp_path):
    """Gradio 4+'s ClassicCSVLogger body, as apps copy it: component.flag(sample, flag_dir=...)."""

    class CopiedFromGradio(gr.FlaggingCallback):
        def setup(self, components, flagging_dir):
            self.components, self.flagging_dir = components, flagging_dir

        def flag(self, flag_data, flag_option=None, username=None):
            row = [c.flag(s, flag_dir=Path(self.flagging_dir) / c.label) for c, s in zip(self.components, flag_data)]
            with open(Path(self.flagging_dir) / "mine.csv", "a", newline="") as handle:
                csv.writer(handle).writerow(row)
            return 1

    callback = CopiedFromGradio()
    demo = gr.Interface(lambda a: a, "audio", "audio", flagging_callback=callback, flagging_dir=str(tmp_path))
    clip = AudioClip(8000, np.zeros(80, np.int16))
    callback.flag(flag_data(demo.flagged_components(), [clip, clip]))
    cells = read(tmp_path / "mine.csv")[0]
    assert all(Path(json.loads(cell)["path"]).read_bytes()[:4] == b"RIFF" for cell in cells)
    assert gr.Textbox().deserialize(json.loads(cells[0])) == json.loads(cells[0])["path"]  # Gradio 3's spelling


# -- what callbacks receive ----------------------------------------------------------------


def test_values_have_gradios_shapes():
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    assert gradio_value(gr.Dataframe(), frame) == {
        "headers": ["a", "b"],
        "data": [[1, "x"], [2, "y"]],
        "metadata": None,
    }
    assert gradio_value(gr.LinePlot(x="a", y="a"), frame)["columns"] == ["a", "b"]
    assert gradio_value(gr.Label(), LabelData("cat")) == {"label": "cat", "confidences": None}
    assert gradio_value(gr.HighlightedText(), [("Ada", "PER"), (" wrote", None)]) == [
        {"token": "Ada", "class_or_confidence": "PER"}, {"token": " wrote", "class_or_confidence": None}]  # fmt: skip
    assert gradio_value(gr.CheckboxGroup(["a", "b"]), ["a"]) == ["a"]
    gallery = gradio_value(gr.Gallery(), [(np.zeros((2, 2, 3), np.uint8), "dark"), "https://example.com/cat.png"])
    assert gallery[0]["caption"] == "dark" and Path(gallery[0]["image"]["path"]).is_file()
    assert gallery[1]["image"]["url"] == "https://example.com/cat.png"
    single, several = gr.File(), gr.File(file_count="multiple")
    assert gradio_value(single, [MediaFile("a.txt", b"A")])["orig_name"] == "a.txt"
    assert [f["orig_name"] for f in gradio_value(several, [MediaFile("a.txt", b"A")])] == ["a.txt"]
    json.dumps(flag_data([gr.Chatbot()], [gr.Chatbot().postprocess([["hi", "hello"]])]))  # JSON, whatever the shape


# -- FlagMethod ------------------------------------------------------------------------------


def test_flag_method_reports_a_failure_as_gradio_does(tmp_path):
    class Broken(gr.FlaggingCallback):
        def setup(self, components, flagging_dir):
            pass

        def flag(self, flag_data, flag_option="", username=None):
            raise OSError("disk full")

    assert FlagMethod(Broken(), "Flag", "")(gr.Request(), "x") == "Error!"
    logger = gr.CSVLogger(verbose=False)
    logger.setup([gr.Textbox(label="t")], tmp_path)
    assert FlagMethod(logger, "Flag as bad", "bad")(gr.Request(username="ada"), "x") == "Flag as bad"
    assert read(logger.path)[1][:3] == ["x", "bad", "ada"]


# -- HuggingFaceDatasetSaver -----------------------------------------------------------------


class _Hub(BaseHTTPRequestHandler):
    """The endpoints huggingface_hub calls to create a dataset, commit files and download them."""

    repos: dict[str, dict[str, bytes]]
    commits: list[tuple[str, str, list[str]]]

    def log_message(self, *args):
        pass

    def _send(self, code, body=b"", headers=None):
        body = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
        self.send_response(code)
        for key, value in {"Content-Length": str(len(body)), **(headers or {})}.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        host = f"http://{self.headers['Host']}"
        if self.path == "/api/repos/create":
            data = json.loads(body)
            repo = f"{data.get('organization') or 'ada'}/{data['name']}"
            self.repos.setdefault(repo, {})
            return self._send(200, {"url": f"{host}/datasets/{repo}", "name": repo})
        if self.path == "/api/validate-yaml":
            return self._send(200, {})
        _, _, _, org, name, action, _ = self.path.split("/")  # /api/datasets/<org>/<name>/<action>/main
        repo = f"{org}/{name}"
        if action == "preupload":
            files = [
                {"path": f["path"], "uploadMode": "regular", "shouldIgnore": False} for f in json.loads(body)["files"]
            ]
            return self._send(200, {"files": files})
        lines = [json.loads(line) for line in body.decode().splitlines() if line.strip()]
        added = [line["value"] for line in lines if line["key"] == "file"]
        for file in added:
            self.repos[repo][file["path"]] = base64.b64decode(file["content"])
        summary = next(line["value"]["summary"] for line in lines if line["key"] == "header")
        self.commits.append((repo, summary, sorted(f["path"] for f in added)))
        oid = hashlib.sha1(str(len(self.commits)).encode()).hexdigest()
        self._send(200, {"commitUrl": f"{host}/datasets/{repo}/commit/{oid}", "commitOid": oid, "pullRequestUrl": None})

    def do_GET(self):  # /datasets/<org>/<name>/resolve/main/<path>
        parts = self.path.split("?")[0].split("/")
        data = self.repos.get("/".join(parts[2:4]), {}).get("/".join(parts[6:]))
        if data is None:
            return self._send(404, {"error": "Entry not found"}, {"X-Error-Code": "EntryNotFound"})
        self._send(200, data, {"ETag": f'"{hashlib.sha1(data).hexdigest()}"', "X-Repo-Commit": "1" * 40})

    do_HEAD = do_GET


@pytest.fixture
def hub() -> Iterator[tuple[str, type[_Hub]]]:
    handler = type("Hub", (_Hub,), {"repos": {}, "commits": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


SAVE = """
import sys, numpy as np, stface as gr
saver = gr.{cls}("hf_test_token", "ada/mistakes")
saver.setup([gr.Textbox(label="text"), gr.Image(label="photo")], sys.argv[1])
print(saver.flag(["=hi", np.zeros((3, 3, 3), np.uint8)], "wrong", "ada"))
print(saver.flag(["two", None]))
"""


def save(
    endpoint: str, folder: Path, cls: str = "HuggingFaceDatasetSaver", offline: str = "0"
) -> subprocess.CompletedProcess:
    """A fresh process, as HF_ENDPOINT is read when huggingface_hub is imported (the tests' HF_HUB_OFFLINE lifted)."""
    env = {**os.environ, "HF_ENDPOINT": endpoint, "HF_HUB_OFFLINE": offline, "HF_HUB_DISABLE_TELEMETRY": "1",
           "HF_HOME": str(folder / "hf")}  # fmt: skip
    return subprocess.run([sys.executable, "-c", SAVE.format(cls=cls), str(folder)], env=env, capture_output=True,
                          text=True, timeout=120)  # fmt: skip


def test_flags_reach_the_dataset_and_a_new_process_continues_the_count(hub, tmp_path):
    endpoint, state = hub
    first = save(endpoint, tmp_path / "one")
    assert first.returncode == 0, first.stderr
    assert first.stdout.split() == ["1", "2"]
    files = state.repos["ada/mistakes"]
    assert b"path: data.csv" in files["README.md"]
    header, row, second = list(csv.reader(files["data.csv"].decode().splitlines()))
    assert header == ["text", "photo", "photo file", "flag", "username"]
    assert row[0] == "'=hi" and row[3:] == ["wrong", "ada"] and second == ["two", "", "", "", ""]
    assert files[row[1]].startswith(b"\x89PNG") and row[2] == f"{endpoint}/datasets/ada/mistakes/resolve/main/{row[1]}"
    assert json.loads(files["dataset_info.json"])["flagged"]["features"]["photo file"] == {"_type": "Image"}
    assert [summary for _, summary, _ in state.commits][-2:] == ["Flagged sample #1", "Flagged sample #2"]

    again = save(endpoint, tmp_path / "two")  # another server: setup fetches the rows already saved
    assert again.stdout.split() == ["3", "4"], again.stderr
    assert len(list(csv.reader(state.repos["ada/mistakes"]["data.csv"].decode().splitlines()))) == 5


def test_the_json_saver_writes_one_folder_per_sample(hub, tmp_path):
    endpoint, state = hub
    result = save(endpoint, tmp_path, "HuggingFaceDatasetJSONSaver")
    assert result.stdout.split() == ["1", "2"], result.stderr
    samples = sorted(p for p in state.repos["ada/mistakes"] if p.endswith("metadata.jsonl"))
    first = json.loads(state.repos["ada/mistakes"][samples[0]])
    assert len(samples) == 2 and {"text", "photo", "photo file", "flag", "username"} <= set(first)


@pytest.mark.parametrize("offline", ["0", "1"])
def test_no_reachable_hub_is_a_clear_error_at_setup(tmp_path, offline):
    with socket.socket() as closed:  # a port nothing listens on: the connection is refused
        closed.bind(("127.0.0.1", 0))
        endpoint = f"http://127.0.0.1:{closed.getsockname()[1]}"
    result = save(endpoint, tmp_path, offline=offline)
    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("ConnectionError: HuggingFaceDatasetSaver could not reach the Hugging Face Hub")
    assert endpoint in message and "HF_ENDPOINT" in message and "gr.CSVLogger()" in message
    assert ("offline mode is enabled" in message) is (offline == "1")
