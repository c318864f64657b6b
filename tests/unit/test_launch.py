"""launch() from plain Python: a real server in this process, on loopback."""

import subprocess
import sys
import textwrap

import pytest

SCRIPT = """
import socket, urllib.request
import stface as gr
probe = socket.socket(); probe.bind(("127.0.0.1", 0)); port = probe.getsockname()[1]; probe.close()
demo = gr.Interface(lambda x: x, "text", "text")
result = demo.launch(prevent_thread_lock=True, server_port=port, share=True)
print("URL", result.local_url, result.share_url)
with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=10) as response:
    print("HEALTH", response.status)
with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
    print("PAGE", response.status)
demo.close()
try:
    urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=3)
    print("STILL UP")
except OSError:
    print("CLOSED")
"""


def test_prevent_thread_lock_serves_in_the_background_until_close():
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(SCRIPT)], capture_output=True, text=True, timeout=120)
    lines = [line for line in result.stdout.splitlines() if line.strip() != "Stopping..."]
    assert lines[0].startswith("URL http://127.0.0.1:") and lines[0].endswith(" None")
    assert lines[1:] == ["HEALTH 200", "PAGE 200", "CLOSED"]
    assert "does not create public share links" in result.stderr
    assert "stface export app.py" in result.stderr


def test_streamlit_options_keep_protections_and_bind_loopback():
    from stface.runtime.options import LaunchOptions
    from stface.runtime.server import streamlit_options

    flags = streamlit_options(LaunchOptions(server_port=9999))
    assert flags["server.address"] == "127.0.0.1"
    assert flags["server.port"] == 9999
    assert flags["client.showErrorDetails"] == "none"
    assert flags["browser.gatherUsageStats"] is False
    assert not any(key in flags for key in ("server.enableXsrfProtection", "server.enableCORS", "server.enableStaticServing"))
    assert streamlit_options(LaunchOptions(show_error=True, server_port=1))["client.showErrorDetails"] == "full"
    assert streamlit_options(LaunchOptions(max_file_size="5mb", server_port=1))["server.maxUploadSize"] == 5


def test_max_file_size_is_parsed_or_refused():
    import pytest

    from stface.runtime.options import LaunchOptions

    assert LaunchOptions(max_file_size="2gb").max_upload_mb == 2048
    assert LaunchOptions(max_file_size=10 * 1024 * 1024).max_upload_mb == 10
    with pytest.raises(ValueError, match="'5mb'"):
        LaunchOptions(max_file_size="big").max_upload_mb


INLINE = """
import socket, sys, types, urllib.request
shown = []
display_module = types.ModuleType("IPython.display")
display_module.IFrame = lambda src, width, height: ("iframe", src, width, height)
display_module.display = shown.append
ipython = types.ModuleType("IPython")
ipython.display = display_module
class ZMQInteractiveShell: pass
ipython.get_ipython = lambda: ZMQInteractiveShell()
sys.modules["IPython"], sys.modules["IPython.display"] = ipython, display_module
import stface as gr
probe = socket.socket(); probe.bind(("127.0.0.1", 0)); port = probe.getsockname()[1]; probe.close()
demo = gr.Interface(lambda x: x, "text", "text")
result = demo.launch(server_port=port, quiet=True)  # returns: a notebook must not block
print(shown)
with urllib.request.urlopen(result.local_url + "/_stcore/health", timeout=10) as response:
    print("HEALTH", response.status)
demo.close()
"""


def test_in_jupyter_launch_shows_the_app_inline_without_blocking():
    result = subprocess.run([sys.executable, "-c", INLINE], capture_output=True, text=True, timeout=120)
    lines = [line for line in result.stdout.splitlines() if line.strip() != "Stopping..."]
    assert lines[0].startswith("[('iframe', 'http://127.0.0.1:") and "'100%', 720)]" in lines[0], result.stderr
    assert lines[1] == "HEALTH 200"


TUPLE_AND_CLOSE_ALL = """
import socket, urllib.request
import stface as gr
ports = []
for _ in range(2):
    probe = socket.socket(); probe.bind(("127.0.0.1", 0)); ports.append(probe.getsockname()[1]); probe.close()
app, local_url, share_url = gr.Interface(lambda x: x[::-1], "text", "text").launch(
    prevent_thread_lock=True, server_port=ports[0], quiet=True)
print("TUPLE", type(app).__name__, local_url == f"http://127.0.0.1:{ports[0]}", share_url)
with urllib.request.urlopen(f"http://127.0.0.1:{ports[0]}/_stcore/health", timeout=10) as response:
    print("HEALTH", response.status)
try:
    gr.Interface(len, "text", "number").launch(prevent_thread_lock=True, server_port=ports[1], quiet=True)
except RuntimeError as exc:
    print("SECOND", exc)
gr.close_all()
try:
    urllib.request.urlopen(f"http://127.0.0.1:{ports[0]}/_stcore/health", timeout=3)
    print("STILL UP")
except OSError:
    print("CLOSED")
second = gr.Interface(len, "text", "number").launch(prevent_thread_lock=True, server_port=ports[1], quiet=True)
with urllib.request.urlopen(second.local_url + "/_stcore/health", timeout=10) as response:
    print("AFTER", response.status)
gr.close_all(verbose=False)
"""


def test_launch_returns_gradios_tuple_and_close_all_stops_every_server():
    result = subprocess.run([sys.executable, "-c", TUPLE_AND_CLOSE_ALL], capture_output=True, text=True, timeout=120)
    lines = [line for line in result.stdout.splitlines() if line.strip() != "Stopping..."]
    assert lines[0] == "TUPLE BackgroundServer True None", result.stderr
    assert lines[1] == "HEALTH 200"
    assert lines[2].startswith("SECOND An stface app is already served") and "gr.close_all()" in lines[2]
    assert lines[3].startswith("Closing server running on: http://127.0.0.1:")
    assert lines[4:] == ["CLOSED", "AFTER 200"]


@pytest.mark.parametrize("option", ["footer_links", "run_history", "num_workers", "head_paths", "js"])
def test_gradio_6_launch_options_without_a_streamlit_counterpart_are_accepted_with_a_warning(option):
    from stface.runtime.options import LaunchOptions

    with pytest.warns(UserWarning, match=f"have no effect in stface: {option}"):
        LaunchOptions.from_kwargs(**{option: None})
