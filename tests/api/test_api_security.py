"""The API's file and login rules (SECURITY.md, "The API"), tried against a real `stface launch` server.

A file reference is accepted only when it names an upload of the same caller
or a file the server handed out; paths, ``..``, symlinks and URLs are refused
and nothing is fetched; uploads keep their size limit; every route answers 401
before login when ``auth`` is set.
"""

from __future__ import annotations

import contextlib
import glob
import http.client
import http.server
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

FILE_META = {"_type": "gradio.FileData"}


@contextlib.contextmanager
def caller(server) -> Iterator[httpx.Client]:
    """An HTTP caller with its own API session (the cookie /config hands out)."""
    with httpx.Client(base_url=server.url, timeout=60) as made:
        assert made.get("/config").status_code == 200 and made.cookies.get("stface-api-session")
        yield made


def result(client: httpx.Client, api_name: str, data: list) -> tuple[str, object]:
    posted = client.post(f"/gradio_api/call/{api_name}", json={"data": data})
    assert posted.status_code == 200, posted.text
    with client.stream("GET", f"/gradio_api/call/{api_name}/{posted.json()['event_id']}") as response:
        lines = [line for line in response.iter_lines() if line]
    return lines[0].split(":", 1)[1].strip(), json.loads(lines[1].split(":", 1)[1])


def refused(client: httpx.Client, reference: object) -> str:
    event, data = result(client, "read", [reference])
    assert event == "error", data
    assert "root:" not in json.dumps(data)
    return data["error"]


def upload(client: httpx.Client, name: str, content: bytes) -> str:
    response = client.post("/gradio_api/upload", files=[("files", (name, content))])
    assert response.status_code == 200, response.text
    return response.json()[0]


def stored_files(server) -> list[str]:
    return glob.glob(f"/tmp/stface-{server.process.pid}-*/api/**/*", recursive=True)


@pytest.mark.parametrize(
    "reference",
    [
        {"path": "/etc/passwd", "meta": FILE_META},
        {"path": "/etc/passwd"},
        "/etc/passwd",
        {"path": "../../../../etc/passwd", "meta": FILE_META},
        {"path": "abcdefghijklmnopqrstuvwxyz/../../../../etc/passwd", "meta": FILE_META},
        {"path": "%2e%2e/%2e%2e/etc/passwd", "meta": FILE_META},
        {"path": "~/.ssh/id_rsa", "meta": FILE_META},
        {"path": "\\\\server\\share\\x", "meta": FILE_META},
    ],
)
def test_bare_paths_and_traversal_are_refused(kitchen, reference):
    with caller(kitchen) as client:
        message = refused(client, reference)
    assert "was refused" in message and "handle_file" in message


def test_files_of_the_app_folder_are_not_readable_by_path(kitchen):
    with caller(kitchen) as client:
        assert "refused" in refused(client, {"path": str(kitchen.app_dir / "secret.txt"), "meta": FILE_META})
        assert "refused" in refused(client, {"path": str(kitchen.app_dir / "app.py"), "meta": FILE_META})


def test_outputs_outside_the_file_policy_are_not_served(kitchen):
    with caller(kitchen) as client:
        event, data = result(client, "give", ["/etc/passwd"])
        assert event == "error" and "outside the folders stface serves" in data["error"]
        event, data = result(client, "give", [str(kitchen.app_dir / ".env")])
        assert event == "error"


def test_urls_are_refused_and_never_fetched(kitchen):
    hits = []

    class Trap(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"fetched")

        def log_message(self, *args):
            pass

    trap = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Trap)
    threading.Thread(target=trap.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{trap.server_address[1]}/x.txt"
    try:
        with caller(kitchen) as client:
            assert "refused" in refused(client, {"path": url, "url": url, "meta": FILE_META, "orig_name": "x.txt"})
            assert "refused" in refused(client, {"path": f"{url}/gradio_api/file=abc/x.txt", "meta": FILE_META})
            fake = f"{kitchen.url}/gradio_api/file=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/x.txt"
            assert "refused" in refused(client, {"path": fake, "url": fake, "meta": FILE_META})
    finally:
        trap.shutdown()
    assert hits == []


def test_another_sessions_upload_is_refused(kitchen):
    with caller(kitchen) as alice, caller(kitchen) as mallory:
        handle = upload(alice, "diary.txt", b"alice's diary")
        assert result(alice, "read", [{"path": handle, "meta": FILE_META}]) == ("complete", ["alice's diary"])
        assert "refused" in refused(mallory, {"path": handle, "meta": FILE_META})
        assert "refused" in refused(mallory, {"path": handle, "url": f"{kitchen.url}/gradio_api/file={handle}"})
        assert mallory.get(f"/gradio_api/file={handle}").status_code == 404
        assert alice.get(f"/gradio_api/file={handle}").content == b"alice's diary"


def test_a_handle_whose_file_became_a_symlink_is_refused(kitchen):
    with caller(kitchen) as client:
        handle = upload(client, "swapme-7f3a.txt", b"harmless")
        (stored,) = [p for p in stored_files(kitchen) if p.endswith("swapme-7f3a.txt")]
        os.remove(stored)
        os.symlink("/etc/passwd", stored)
        assert "refused" in refused(client, {"path": handle, "meta": FILE_META})
        assert client.get(f"/gradio_api/file={handle}").status_code == 404


def test_file_route_serves_only_handles(kitchen):
    """Raw request lines (no client normalises the ``..``): never a byte of the target."""
    host, port = "127.0.0.1", kitchen.port
    for path in ["/etc/passwd", "../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e/etc/passwd",
                 f"{kitchen.app_dir}/secret.txt", "secret.txt", "app.py", "AAAAAAAAAAAAAAAAAAAAAAAAAAAA/app.py",
                 "AAAAAAAAAAAAAAAAAAAAAAAAAAAA/../../secret.txt"]:  # fmt: skip
        connection = http.client.HTTPConnection(host, port, timeout=30)
        connection.request("GET", f"/gradio_api/file={path}")
        response = connection.getresponse()
        body = response.read()
        connection.close()
        assert response.status in (400, 404), path
        assert b"root:" not in body and b"secret" not in body


def test_uploaded_html_downloads_instead_of_rendering(kitchen):
    with caller(kitchen) as client:
        handle = upload(client, "page.html", b"<script>alert(1)</script>")
        response = client.get(f"/gradio_api/file={handle}")
        assert response.headers["content-type"] == "application/octet-stream"
        assert response.headers["content-disposition"].startswith("attachment")


def test_upload_names_never_decide_where_files_go(kitchen):
    with caller(kitchen) as client:
        for name in ["../../evil.txt", "a/b.txt", "..", "CON.txt", "x" * 9000 + ".txt", "nul\x00.txt"]:
            response = client.post("/gradio_api/upload", files=[("files", (name, b"data"))])
            if response.status_code == 400:  # a name the multipart parser refuses outright: nothing stored
                continue
            (handle,) = response.json()
            assert "/" not in handle.split("/", 1)[1] and ".." != handle.split("/", 1)[1]
    assert not Path("/tmp/evil.txt").exists()
    root = glob.glob(f"/tmp/stface-{kitchen.process.pid}-*")[0]
    assert all(os.path.realpath(p).startswith(root) for p in stored_files(kitchen) if not os.path.islink(p))


def test_oversized_upload_is_refused_and_nothing_is_kept(kitchen):
    with caller(kitchen) as client:
        before = set(stored_files(kitchen))
        response = client.post("/gradio_api/upload", files=[("files", ("big.bin", b"x" * (201 * 1024)))])
        assert response.status_code == 413 and "maximum allowed size" in response.text
        assert set(stored_files(kitchen)) == before
        assert client.post("/gradio_api/upload", files=[("files", ("ok.bin", b"x" * (199 * 1024)))]).status_code == 200


def test_every_route_needs_login_when_auth_is_set(login_app):
    with httpx.Client(base_url=login_app.url, timeout=30) as anonymous:
        for method, path in [
            ("GET", "/config"), ("GET", "/gradio_api/info"), ("POST", "/gradio_api/upload"),
            ("POST", "/gradio_api/queue/join"), ("GET", "/gradio_api/queue/data?session_hash=x"),
            ("POST", "/gradio_api/call/hi"), ("POST", "/gradio_api/call/v2/hi"), ("GET", "/gradio_api/call/hi/abc"),
            ("GET", "/gradio_api/file=abc/x.txt"), ("GET", "/gradio_api/heartbeat/x"), ("POST", "/gradio_api/cancel"),
        ]:  # fmt: skip
            response = anonymous.request(method, path, json={"data": ["x"]} if method == "POST" else None)
            assert response.status_code == 401, path
            assert response.json()["detail"]["error"] == "Not authenticated"
        assert anonymous.post("/login", data={"username": "ada", "password": "nope"}).status_code == 400
        assert anonymous.get("/gradio_api/info").status_code == 401
    with httpx.Client(base_url=login_app.url, timeout=30) as member:
        assert member.post("/login", data={"username": "bo", "password": "x"}).json() == {"success": True}
        posted = member.post("/gradio_api/call/hi", json={"data": ["Bo"]})
        with member.stream("GET", f"/gradio_api/call/hi/{posted.json()['event_id']}") as response:
            assert 'data: ["Hi Bo"]' in list(response.iter_lines())
