"""Remote loading: a real Gradio app on loopback through gradio_client (inference servers: test_inference_endpoint.py)."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
import time
import urllib.request

import pytest

import stface as gr

GRADIO_APP = """
import sys
import gradio as gr

def reverse(text):
    return text[::-1], {text[::-1]: 0.9, "other": 0.1}

demo = gr.Interface(reverse, gr.Textbox(label="text"), [gr.Textbox(label="reversed"), gr.Label(label="verdict")])
demo.launch(server_name="127.0.0.1", server_port=int(sys.argv[1]), prevent_thread_lock=False)
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def gradio_app(tmp_path_factory):
    port = free_port()
    script = tmp_path_factory.mktemp("gradio") / "app.py"
    script.write_text(textwrap.dedent(GRADIO_APP))
    log = tmp_path_factory.mktemp("gradio-log") / "log.txt"
    with open(log, "w") as handle:
        process = subprocess.Popen([sys.executable, str(script), str(port)], stdout=handle, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(log.read_text())
            time.sleep(0.3)
    else:
        process.kill()
        raise TimeoutError(log.read_text())
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_a_gradio_app_loads_by_url_and_answers(gradio_app):
    io = gr.load(gradio_app)
    assert [type(c) for c in io.input_components] == [gr.Textbox]
    assert [c.label for c in io.input_components] == ["text"]
    assert [type(c) for c in io.output_components] == [gr.Textbox, gr.Label]
    assert io("stressed") == ["desserts", {"desserts": 0.9, "other": 0.1}]


def test_a_loaded_app_escapes_remote_text_in_the_page(gradio_app):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(f"import stface as gr\ngr.load({gradio_app!r}).launch()\n", default_timeout=60).run()
    at.text_input[0].input(">)1(trela=rorreno x=crs gmi<")
    [b for b in at.button if b.label == "Submit"][0].click().run()
    assert not at.exception and not at.error
    assert at.text_area[0].value == "<img src=x onerror=alert(1)>"  # the remote answer reached the page
    (label,) = [e.value for e in at.get("html") if "alert(1)" in e.value]
    assert "&lt;img src=x onerror=alert(1)&gt;" in label  # drawn as text in the Label's HTML
    assert "<img" not in label


def test_remote_endpoints_need_a_task():
    with pytest.raises(ValueError, match="Pass task="):
        gr.load("http://127.0.0.1:9/", src="api")
