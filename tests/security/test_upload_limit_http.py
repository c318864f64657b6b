"""Upload limits on the server: an upload over ``max_file_size`` sent as a raw HTTP
request (no browser) is refused, and nothing is stored or passed to fn.

How a file reaches Streamlit 1.67 (Starlette + uvicorn, no Tornado): the page
PUTs a multipart form to ``/_stcore/upload_file/{session_id}/{file_id}`` with
the ``_streamlit_xsrf`` cookie and the same value in ``X-Xsrftoken``; the
session id must belong to an open websocket session. The handler refuses with
413 (a) from ``Content-Length`` alone, before reading the body, when it exceeds
``server.maxUploadSize`` MiB (framing included, so a file of exactly the limit
only fits chunked); (b) while streaming, once the body passes the
limit plus 1 MiB of multipart framing (``Transfer-Encoding: chunked``, no
Content-Length); (c) after parsing, when the one file is over the limit. A
Content-Length smaller than the body only lets that many bytes in (400).
``max_file_size="1mb"`` is ``server.maxUploadSize=1``: 1 MiB, 1,048,576 bytes.

Streamlit's limit is whole MiB, so a smaller ``max_file_size`` (Gradio's own
demo uses "15kb") is enforced by stface on the page: the file is dropped before
fn and removed from Streamlit's upload store.

The sessions for the raw requests come from a raw websocket, as the page opens
one. To show what fn receives, a page picks a tiny file and the test swaps its
upload for a raw request carrying the real bytes under the page's file id; the
page then names that id on Submit, so fn sees whatever the server kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import os
import socket
import sys
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from e2e_support import Server, free_port, open_app, submit, wait_idle
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

MiB = 1024 * 1024
LIMIT = MiB  # max_file_size="1mb" -> server.maxUploadSize = 1 -> 1 MiB
SMALL_LIMIT = 15 * 1024  # max_file_size="15kb", below Streamlit's 1 MiB granularity

APP = """
import hashlib, os
import stface as gr

def fn(path):
    data = None if path is None else open(path, "rb").read()
    with open(os.environ["STFACE_CALLS"], "a") as log:
        log.write("None\\n" if data is None else f"{len(data)} {hashlib.sha256(data).hexdigest()}\\n")
    return f"got {len(data)} bytes"  # no file: TypeError, shown as "No file for 'file'"

demo = gr.Interface(fn, gr.File(label="file"), "text")
demo.launch(max_file_size=MAX_FILE_SIZE)
"""


@dataclass
class App:
    server: Server
    calls: Path
    tmp: Path  # the server's TMPDIR: where stface and Starlette write files

    @property
    def port(self) -> int:
        return self.server.port

    def fn_calls(self) -> list[str]:
        return self.calls.read_text().splitlines() if self.calls.exists() else []


def _start_app(tmp_path_factory, max_file_size: str) -> Iterator[App]:
    folder = tmp_path_factory.mktemp("upload-limit")
    app = folder / "upload_app.py"
    app.write_text(APP.replace("MAX_FILE_SIZE", repr(max_file_size)))
    server_tmp = folder / "server-tmp"
    server_tmp.mkdir()
    port = free_port()
    server = Server(
        [sys.executable, "-m", "stface", "launch", str(app), "--port", str(port)],
        port=port,
        env={"STFACE_CALLS": str(folder / "calls.txt"), "TMPDIR": str(server_tmp)},
    )
    try:
        yield App(server, folder / "calls.txt", server_tmp)
    finally:
        server.stop()


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Iterator[App]:
    yield from _start_app(tmp_path_factory, "1mb")


@pytest.fixture(scope="module")
def small_app(tmp_path_factory) -> Iterator[App]:
    yield from _start_app(tmp_path_factory, "15kb")


# --- raw HTTP -------------------------------------------------------------------------------


@dataclass
class Reply:
    status: int | None  # None: the server closed the connection without an answer
    body: bytes
    sent: int  # payload bytes the server took before the connection ended


@dataclass
class Session:
    port: int
    session_id: str
    xsrf: str  # the _streamlit_xsrf cookie's value

    def url(self, file_id: str | None = None) -> str:
        return f"/_stcore/upload_file/{self.session_id}/{file_id or uuid.uuid4()}"


def xsrf_cookie(port: int) -> str:
    """The XSRF cookie, from any page Streamlit serves (the health check sets it too)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/_stcore/health")
    response = connection.getresponse()
    response.read()
    connection.close()
    cookie = response.getheader("Set-Cookie")
    assert cookie and cookie.startswith("_streamlit_xsrf="), cookie
    return cookie.split(";")[0].split("=", 1)[1]


@contextlib.contextmanager
def raw_session(port: int) -> Iterator[Session]:
    """A live Streamlit session without a browser: the websocket the page would open."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    xsrf = xsrf_cookie(port)
    origin = f"http://127.0.0.1:{port}"
    with connect(
        f"ws://127.0.0.1:{port}/_stcore/stream",
        subprotocols=["streamlit", xsrf],  # as the page sends them: protocol, then the XSRF token
        additional_headers={"Cookie": f"_streamlit_xsrf={xsrf}", "Origin": origin},
        max_size=None,
        max_queue=None,  # never stop reading: the session's messages pile up unread
        close_timeout=2,
    ) as websocket:
        rerun = BackMsg()
        rerun.rerun_script.query_string = ""
        websocket.send(rerun.SerializeToString())
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            message = ForwardMsg()
            message.ParseFromString(websocket.recv(timeout=20))
            if message.WhichOneof("type") == "new_session":
                yield Session(port, message.new_session.initialize.session_id, xsrf)
                return
        raise TimeoutError("no session id from the server")


def payload_of(size: int) -> bytes:
    """``size`` bytes that start with a random marker, to look for on disk."""
    marker = os.urandom(32).hex().encode()
    return marker + b"\x00" * (size - len(marker))


def _multipart(payload: bytes | None, filename: str, *, stream_size: int = 0) -> tuple[str, Iterator[bytes]]:
    """A form with one file, as the page sends it (field and file name alike)."""
    boundary = uuid.uuid4().hex
    head = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="{filename}"; filename="{filename}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()

    def pieces() -> Iterator[bytes]:
        yield head
        if payload is not None:
            for start in range(0, len(payload), 64 * 1024):
                yield payload[start : start + 64 * 1024]
        else:  # a long body made up on the fly: 64 KiB pieces of zeros
            zeros = b"\x00" * (64 * 1024)
            for _ in range(stream_size // len(zeros)):
                yield zeros
        yield tail

    return f"multipart/form-data; boundary={boundary}", pieces()


def send_upload(
    session: Session,
    path: str,
    payload: bytes | None,
    *,
    framing: str = "length",
    declared: int | None = None,
    stream_size: int = 0,
    xsrf: bool = True,
    filename: str = "big.bin",
) -> Reply:
    """PUT one file over a plain socket and read the answer while the body is still going out.

    ``framing``: "length" (a true Content-Length), "lie" (Content-Length: ``declared``),
    "chunked" (no length), or "both" (Content-Length: ``declared`` and chunked).
    """
    content_type, pieces = _multipart(payload, filename, stream_size=stream_size)
    headers = [
        f"PUT {path} HTTP/1.1",
        f"Host: 127.0.0.1:{session.port}",
        f"Origin: http://127.0.0.1:{session.port}",
        f"Content-Type: {content_type}",
        "Connection: close",
    ]
    if xsrf:
        headers += [f"Cookie: _streamlit_xsrf={session.xsrf}", f"X-Xsrftoken: {session.xsrf}"]
    chunks: Iterable[bytes] = pieces
    if framing == "length":
        body = b"".join(pieces)
        headers.append(f"Content-Length: {len(body)}")
        chunks = [body[i : i + 64 * 1024] for i in range(0, len(body), 64 * 1024)]
    elif framing == "lie":
        headers.append(f"Content-Length: {declared}")
    if framing in ("chunked", "both"):
        if framing == "both":
            headers.append(f"Content-Length: {declared}")
        headers.append("Transfer-Encoding: chunked")
        chunks = _chunked(pieces)
    elif framing not in ("length", "lie"):
        raise ValueError(framing)
    return _exchange(session.port, ("\r\n".join(headers) + "\r\n\r\n").encode(), chunks)


def _chunked(pieces: Iterable[bytes]) -> Iterator[bytes]:
    for piece in pieces:
        yield f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    yield b"0\r\n\r\n"


def _exchange(port: int, head: bytes, chunks: Iterable[bytes]) -> Reply:
    sock = socket.create_connection(("127.0.0.1", port), timeout=20)
    sent = 0

    def send() -> None:
        nonlocal sent
        try:
            sock.sendall(head)
            for chunk in chunks:
                sock.sendall(chunk)
                sent += len(chunk)
        except OSError:  # the server answered and closed while the body was going out
            pass

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    answer = b""
    try:
        while chunk := sock.recv(64 * 1024):
            answer += chunk
    except OSError:  # reset after the answer (the rest of our body was unwanted)
        pass
    sender.join(timeout=20)
    sock.close()
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else None
    return Reply(status, answer.partition(b"\r\n\r\n")[2], sent)


def health(port: int) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/_stcore/health")
    status = connection.getresponse().status
    connection.close()
    return status


def assert_nothing_kept(app: App, payload: bytes) -> None:
    """No file of the payload's size, or holding its marker, under the server's temp dir,
    and no file the server holds open there (Starlette spools big form parts to unnamed
    temp files)."""
    marker = payload[:64]
    assert any(app.tmp.glob("stface-*")), "the server does not write where the test looks"
    deadline = time.monotonic() + 3
    while True:
        held = []
        fds = Path(f"/proc/{app.server.process.pid}/fd")
        for fd in fds.iterdir():
            with contextlib.suppress(OSError):
                target = os.readlink(fd)
                if target.startswith(str(app.tmp)) and os.stat(fd).st_size >= 64 * 1024:
                    held.append((target, os.stat(fd).st_size))
        if not held or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert not held, f"the server still holds temp files open: {held}"
    for path in app.tmp.rglob("*"):
        if path.is_file():
            assert path.stat().st_size < len(payload), f"{path} is as big as the refused upload"
            assert marker not in path.read_bytes(), f"{path} holds the refused upload's bytes"


def digest(payload: bytes) -> str:
    return f"{len(payload)} {hashlib.sha256(payload).hexdigest()}"


# --- the request shape is right: uploads within the limit are accepted ------------------------


def test_raw_uploads_within_the_limit_are_accepted_and_need_xsrf_and_a_live_session(app):
    with raw_session(app.port) as session:
        under = payload_of(1_000_001)  # over a decimal megabyte: the limit is 1 MiB
        assert send_upload(session, session.url(), under).status == 204
        assert send_upload(session, session.url(), under, framing="chunked").status == 204
        # A chunked body is held to the file's exact size, framing not counted.
        assert send_upload(session, session.url(), payload_of(LIMIT), framing="chunked").status == 204

        assert send_upload(session, session.url(), under, xsrf=False).status == 403
        stranger = Session(app.port, str(uuid.uuid4()), session.xsrf)
        assert send_upload(stranger, stranger.url(), payload_of(1000)).status == 400


# --- uploads over the limit are refused, and the server keeps serving -------------------------

TWO_MIB = 2 * MiB

OVERSIZED = {
    # name: (payload size, send_upload keywords, statuses the server may answer)
    "true content-length": (TWO_MIB, {"framing": "length"}, {413}),
    "chunked, no length": (TWO_MIB, {"framing": "chunked"}, {413}),
    "chunked, one byte over": (LIMIT + 1, {"framing": "chunked"}, {413}),
    "content-length says 1000": (TWO_MIB, {"framing": "lie", "declared": 1000}, {400}),
    "content-length says just under": (TWO_MIB, {"framing": "lie", "declared": LIMIT - 1000}, {400}),
    "content-length and chunked": (TWO_MIB, {"framing": "both", "declared": 1000}, {413}),
}


@pytest.mark.parametrize("case", list(OVERSIZED))
def test_raw_uploads_over_the_limit_are_refused_and_the_server_keeps_serving(app, case):
    size, how, statuses = OVERSIZED[case]
    payload = payload_of(size)
    with raw_session(app.port) as session:
        reply = send_upload(session, session.url(), payload, **how)
        assert reply.status in statuses or reply.status is None, (reply.status, reply.body)
        assert health(app.port) == 200
        assert send_upload(session, session.url(), payload_of(1000)).status == 204
    assert_nothing_kept(app, payload)


def test_an_endless_chunked_upload_is_cut_off_near_the_limit(app):
    with raw_session(app.port) as session:
        reply = send_upload(session, session.url(), None, framing="chunked", stream_size=64 * MiB)
        assert reply.status in (413, None), (reply.status, reply.body)
        assert reply.sent < 16 * MiB  # refused after about 2 MiB (limit + framing), plus socket buffers
        assert health(app.port) == 200
        assert send_upload(session, session.url(), payload_of(1000)).status == 204


# --- what fn receives -----------------------------------------------------------------------


def upload_through_page(page, app: App, payload: bytes, **how) -> Reply:
    """Pick a tiny file on the page, but send ``payload`` to its upload URL as a raw request.

    The page is told its upload went through either way, so on Submit it names the
    file id to the server; fn then gets whatever the server stored under that id.
    """
    replies: list[Reply] = []
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    session = Session(app.port, "", cookies["_streamlit_xsrf"])

    def swap(route) -> None:
        if route.request.method != "PUT":
            route.continue_()
            return
        replies.append(send_upload(session, urlsplit(route.request.url).path, payload, **how))
        route.fulfill(status=204)

    page.route("**/_stcore/upload_file/**", swap)
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "tiny.bin", "mimeType": "application/octet-stream", "buffer": b"tiny"}]
    )
    deadline = time.monotonic() + 20
    while not replies and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert replies, "the page never uploaded"
    wait_idle(page)
    submit(page)
    return replies[0]


def test_an_accepted_raw_upload_reaches_fn_with_its_bytes(app, new_page):
    app.calls.write_text("")
    payload = payload_of(1_000_001)
    page = new_page()
    open_app(page, app.server.url)
    assert upload_through_page(page, app, payload).status == 204
    expect(page.get_by_label("output")).to_have_value("got 1000001 bytes")
    assert app.fn_calls() == [digest(payload)]
    saved = [p for p in app.tmp.rglob("*") if p.is_file() and p.stat().st_size == len(payload)]
    assert saved and saved[0].read_bytes() == payload  # where the scans above look


@pytest.mark.parametrize("case", ["true content-length", "chunked, one byte over", "content-length says just under"])
def test_a_refused_raw_upload_never_reaches_fn(app, new_page, case):
    size, how, statuses = OVERSIZED[case]
    app.calls.write_text("")
    payload = payload_of(size)
    page = new_page()
    open_app(page, app.server.url)
    reply = upload_through_page(page, app, payload, **how)
    assert reply.status in statuses or reply.status is None, (reply.status, reply.body)
    expect(page.get_by_text("No file for 'file': upload one, then press Submit.")).to_be_visible()
    assert app.fn_calls() == ["None"]  # fn ran once, with no file: the server kept nothing under that id
    assert health(app.port) == 200
    assert_nothing_kept(app, payload)


# --- a limit below Streamlit's 1 MiB granularity --------------------------------------------


def test_a_limit_under_a_megabyte_keeps_bigger_raw_uploads_from_fn(small_app, new_page):
    small_app.calls.write_text("")
    over = payload_of(500_000)
    page = new_page()
    open_app(page, small_app.server.url)
    reply = upload_through_page(page, small_app, over)
    assert reply.status in (204, 413)  # Streamlit itself only refuses from 1 MiB on
    expect(page.get_by_text("File must be 15.0KB or smaller.")).to_be_visible()
    expect(page.get_by_text("No file for 'file': upload one, then press Submit.")).to_be_visible()
    assert small_app.fn_calls() == ["None"]
    assert_nothing_kept(small_app, over)

    within = payload_of(SMALL_LIMIT)
    page = new_page()
    open_app(page, small_app.server.url)
    assert upload_through_page(page, small_app, within).status == 204
    expect(page.get_by_label("output")).to_have_value(f"got {SMALL_LIMIT} bytes")
    assert small_app.fn_calls() == ["None", digest(within)]

    with raw_session(small_app.port) as session:
        assert send_upload(session, session.url(), payload_of(TWO_MIB)).status == 413
