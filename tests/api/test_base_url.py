"""The routes under a base path (Streamlit's ``server.baseUrlPath``, ``launch(root_path=...)``), on a real server."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import uvicorn
from gradio_client import Client
from starlette.applications import Starlette

import stface as gr
from stface.api.http import routes


def test_routes_under_a_base_path_serve_gradio_client():
    demo = gr.Interface(lambda text: text[::-1], gr.Textbox(label="text"), "text", api_name="rev")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(Starlette(routes=routes(lambda: demo, base_url="/my/app/")),
                                           host="127.0.0.1", port=port, log_level="warning"))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        url = f"http://127.0.0.1:{port}/my/app"
        assert httpx.get(f"http://127.0.0.1:{port}/config").status_code == 404
        assert httpx.get(f"{url}/config").json()["root"] == url
        client = Client(url, verbose=False, analytics_enabled=False)
        assert client.predict("abc", api_name="/rev") == "cba"
        client.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
