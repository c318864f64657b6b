"""Gradio's HTTP protocol with a plain HTTP client: the curl calls, the raw queue, uploads and downloads."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid

import httpx
import pytest


@pytest.fixture
def http(kitchen):
    with httpx.Client(base_url=kitchen.url, timeout=60) as made:
        yield made


def events(http: httpx.Client, path: str) -> list[tuple[str, object]]:
    """(event, data) pairs of a curl-protocol stream."""
    found = []
    with http.stream("GET", path) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        event = None
        for line in response.iter_lines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:"):
                found.append((event, json.loads(line.split(":", 1)[1])))
    return found


def call(http: httpx.Client, api_name: str, data: list) -> list[tuple[str, object]]:
    posted = http.post(f"/gradio_api/call/{api_name}", json={"data": data})
    assert posted.status_code == 200, posted.text
    return events(http, f"/gradio_api/call/{api_name}/{posted.json()['event_id']}")


def test_call_then_stream_complete(http):
    assert call(http, "greet", ["Ada"]) == [("complete", ["Hello Ada!"])]


def test_several_outputs(http):
    assert call(http, "stats", ["a b", 1, False]) == [("complete", ["a b", 2, {"words": ["a", "b"]}])]


def test_generator_streams_generating_events_then_complete(http):
    got = call(http, "count", [3])
    assert got == [("generating", ["step 0"]), ("generating", ["step 1"]), ("generating", ["step 2"]),
                   ("complete", ["step 2"])]  # fmt: skip


def test_gr_error_is_an_error_event_with_its_message(http):
    ((event, data),) = call(http, "fail", ["gr"])
    assert event == "error" and data["error"] == "That is not allowed." and data["title"] == "Error"


def test_other_errors_are_generic(http):
    assert call(http, "fail", ["other"]) == [("error", {"error": None})]


def test_call_v2_takes_values_by_parameter_name_with_defaults(http):
    posted = http.post("/gradio_api/call/v2/stats", json={"text": "x y"})
    assert posted.status_code == 200
    assert events(http, f"/gradio_api/call/stats/{posted.json()['event_id']}") == [
        ("complete", ["x y", 2, {"words": ["x", "y"]}])
    ]
    refused = http.post("/gradio_api/call/v2/stats", json={"nope": 1})
    assert refused.status_code == 422 and "nope" in refused.json()["detail"]


def test_wrong_number_of_values_says_what_the_endpoint_takes(http):
    ((event, data),) = call(http, "stats", ["only one"])
    assert event == "error" and "takes 3 value(s) (text, times, shout); got 1" in data["error"]


def test_unknown_api_name_and_unknown_event(http):
    missing = http.post("/gradio_api/call/nope", json={"data": [1]})
    assert missing.status_code == 404
    assert "Could not infer function index for API name: nope" in missing.json()["detail"]
    assert "/greet" in missing.json()["detail"]
    assert events(http, "/gradio_api/call/greet/0123456789abcdef") == [("error", "404: Not Found")]


def test_upload_then_call_with_the_uploaded_file(http, tmp_path):
    uploaded = http.post("/gradio_api/upload", files=[("files", ("notes.txt", b"dear diary"))])
    assert uploaded.status_code == 200
    (handle,) = uploaded.json()
    assert handle.endswith("/notes.txt")
    file_data = {"path": handle, "meta": {"_type": "gradio.FileData"}}
    assert call(http, "read", [file_data]) == [("complete", ["dear diary"])]


def test_output_files_download_from_their_url(http, kitchen):
    (kitchen.app_dir / "report.txt").write_text("quarterly", encoding="utf-8")
    ((event, (file_data,)),) = call(http, "give", [str(kitchen.app_dir / "report.txt")])
    assert event == "complete"
    assert file_data["url"] == f"{kitchen.url}/gradio_api/file={file_data['path']}"
    assert str(kitchen.app_dir) not in json.dumps(file_data)  # a handle, never the server's path
    downloaded = http.get(file_data["url"])
    assert downloaded.status_code == 200 and downloaded.content == b"quarterly"
    assert downloaded.headers["x-content-type-options"] == "nosniff"


def test_hidden_endpoints_answer_but_are_not_listed_and_closed_ones_refuse(http):
    named = http.get("/gradio_api/info").json()["named_endpoints"]
    assert "/quiet" not in named and "/closed" not in named
    assert "/quiet" in http.get("/gradio_api/info", params={"all_endpoints": "True"}).json()["named_endpoints"]
    assert call(http, "quiet", ["psst"]) == [("complete", ["PSST"])]
    assert http.post("/gradio_api/call/closed", json={"data": ["x"]}).status_code == 404
    assert "closed" not in [d["api_name"] for d in http.get("/config").json()["dependencies"]]


def test_info_and_config(http):
    info = http.get("/gradio_api/info").json()
    assert set(info) == {"named_endpoints", "unnamed_endpoints"}
    snippets = info["named_endpoints"]["/greet"]["code_snippets"]
    assert "client.predict(\n    name=" in snippets["python"] and "/gradio_api/call/greet" in snippets["bash"]
    config = http.get("/config").json()
    assert config["protocol"] == "sse_v3" and config["api_prefix"] == "/gradio_api"
    assert "greet" in [d["api_name"] for d in config["dependencies"]]


def test_raw_queue_protocol_as_gradio_client_reads_it(http):
    """queue/join then queue/data: Gradio 6's messages, diffs for generators, progress, close_stream."""
    http.get("/config")  # the API session cookie, as gradio_client gets it
    config = http.get("/config").json()
    fn_index = next(d["id"] for d in config["dependencies"] if d["api_name"] == "count")
    session = uuid.uuid4().hex
    joined = http.post("/gradio_api/queue/join", json={"data": [2], "fn_index": fn_index, "session_hash": session})
    event_id = joined.json()["event_id"]
    messages = []
    with http.stream("GET", "/gradio_api/queue/data", params={"session_hash": session}) as response:
        for line in response.iter_lines():
            if line.startswith("data:"):
                messages.append(json.loads(line[5:]))
    kinds = [m["msg"] for m in messages]
    assert kinds[:2] == ["estimation", "process_starts"] and kinds[-2:] == ["process_completed", "close_stream"]
    assert all(m["event_id"] == event_id for m in messages[:-1])
    generating = [m["output"]["data"] for m in messages if m["msg"] == "process_generating"]
    assert generating == [["step 0"], [[["replace", [], "step 1"]]]]  # the first whole, then edits
    progress = [m["progress_data"][0] for m in messages if m["msg"] == "progress"]
    assert [p["progress"] for p in progress] == [0.0, 0.5] and progress[0]["desc"] == "counting"
    assert messages[-2]["success"] is True and messages[-2]["output"]["data"] == ["step 1"]
    (log,) = [m for m in messages if m["msg"] == "log"]  # gr.Info
    assert (log["log"], log["level"]) == ("counting to 2", "info")


def test_queue_data_without_a_call_is_404(http):
    assert http.get("/gradio_api/queue/data", params={"session_hash": "nobody"}).status_code == 404


def test_cancel_stops_a_generator(http):
    config = http.get("/config").json()
    fn_index = next(d["id"] for d in config["dependencies"] if d["api_name"] == "count")
    session = uuid.uuid4().hex
    event_id = http.post(
        "/gradio_api/queue/join", json={"data": [200], "fn_index": fn_index, "session_hash": session}
    ).json()["event_id"]
    messages = []
    with http.stream("GET", "/gradio_api/queue/data", params={"session_hash": session}) as response:
        for line in response.iter_lines():
            if not line.startswith("data:"):
                continue
            messages.append(json.loads(line[5:]))
            if messages[-1]["msg"] == "process_generating" and len(messages) < 50:
                http.post(
                    "/gradio_api/cancel", json={"fn_index": fn_index, "session_hash": session, "event_id": event_id}
                )
    generating = [m for m in messages if m["msg"] == "process_generating"]
    assert len(generating) < 200 and messages[-2] == {**messages[-2], "msg": "process_completed", "output": {}}


def test_the_snippets_run_as_written(kitchen, tmp_path):
    """The "Use via API" code, pasted into a shell and into Python, calls the app (files uploaded first)."""
    info = httpx.get(f"{kitchen.url}/gradio_api/info").json()["named_endpoints"]
    (tmp_path / "sample_file.pdf").write_bytes(b"%PDF-1.4 not really")
    shell = subprocess.run(["bash", "-c", info["/read"]["code_snippets"]["bash"]], cwd=tmp_path, capture_output=True,
                           text=True, timeout=120)  # fmt: skip
    assert "event: complete" in shell.stdout and "%PDF-1.4 not really" in shell.stdout, shell.stdout + shell.stderr
    python = subprocess.run([sys.executable, "-c", info["/greet"]["code_snippets"]["python"]], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert python.stdout.strip().endswith("Hello Hello!!!"), python.stdout + python.stderr
