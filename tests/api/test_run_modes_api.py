"""The API under every way a user serves an app: `python app.py`, an exported entrypoint under `streamlit run`.

(`stface launch` serves the other API tests.) Each server is a real process;
gradio_client calls it as a script would.
"""

from __future__ import annotations

import subprocess
import sys

from gradio_client import Client

APP = """
import stface as gr


def shout(text):
    return text.upper() + "!"


demo = gr.Interface(shout, gr.Textbox(label="text"), "text")
if __name__ == "__main__":
    demo.launch()
"""


def call(url: str) -> str:
    client = Client(url, verbose=False, analytics_enabled=False)
    try:
        return client.predict("hey", api_name="/shout")
    finally:
        client.close()


def test_python_app_py_serves_the_api(start_server, tmp_path):
    (tmp_path / "app.py").write_text(APP, encoding="utf-8")
    server = start_server([sys.executable, "app.py"], cwd=tmp_path, env={"GRADIO_SERVER_PORT": "{port}"})
    assert call(server.url) == "HEY!"


def test_an_exported_entrypoint_serves_the_api_under_streamlit_run(start_server, tmp_path):
    (tmp_path / "app.py").write_text(APP, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "stface", "export", "app.py"], cwd=tmp_path, check=True, timeout=120)
    command = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", "{port}",
               "--server.headless", "true", "--browser.gatherUsageStats", "false"]  # fmt: skip
    server = start_server(command, cwd=tmp_path)
    assert call(server.url) == "HEY!"
