"""Real stface servers for the API tests: `stface launch app.py --port N`, as a user starts one.

One "kitchen" app (a TabbedInterface, one endpoint per behaviour) serves the
gradio_client, curl and security tests of a session; a login-gated app serves
the auth tests. Each runs in its own process, on a free loopback port.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_support import Server, free_port

KITCHEN = '''
import threading
import time

import numpy as np

import stface as gr


def greet(name):
    """Say hello."""
    return "Hello " + name + "!"


def shout(text):
    return text.upper()


def stats(text, times, shout):
    words = text.split()
    return (text.upper() if shout else text) * int(times), len(words), {"words": words}


def mirror(image):
    return np.fliplr(image)


def tone(seconds):
    rate = 8000
    t = np.arange(int(rate * seconds)) / rate
    return rate, (np.sin(2 * np.pi * 440 * t) * 10000).astype(np.int16)


def count(n, progress=gr.Progress()):
    gr.Info(f"counting to {int(n)}")
    for i in range(int(n)):
        progress((i, int(n)), desc="counting")
        time.sleep(0.05)
        yield f"step {i}"


def fail(kind):
    if kind == "gr":
        raise gr.Error("That is not allowed.")
    raise RuntimeError("secret detail in /srv/private/config.yaml")


_lock = threading.Lock()
_running = 0


def slow(x):
    global _running
    with _lock:
        _running += 1
        seen = _running
    time.sleep(0.2)
    with _lock:
        _running -= 1
    return x * 2, seen


def give(path):
    return path


def read(file):
    with open(file, "rb") as handle:
        return handle.read().decode("utf-8", "replace")


def classify(text):
    return {"cat": 0.75, "dog": 0.25}


demo = gr.TabbedInterface(
    [
        gr.Interface(greet, gr.Textbox(label="name"), gr.Textbox(label="greeting"), api_name="greet"),
        gr.Interface(shout, "text", "text", api_name="shout"),
        gr.Interface(stats, [gr.Textbox(label="text"), gr.Number(label="times", value=1), gr.Checkbox(label="shout")],
                     [gr.Textbox(label="out"), gr.Number(label="words"), gr.JSON(label="detail")], api_name="stats"),
        gr.Interface(mirror, gr.Image(), gr.Image(), api_name="mirror"),
        gr.Interface(tone, gr.Number(label="seconds"), gr.Audio(), api_name="tone"),
        gr.Interface(count, gr.Number(label="n"), "text", api_name="count"),
        gr.Interface(fail, gr.Textbox(label="kind"), "text", api_name="fail"),
        gr.Interface(slow, gr.Number(label="x"), [gr.Number(label="double"), gr.Number(label="running")],
                     api_name="slow", concurrency_limit=2),
        gr.Interface(give, gr.Textbox(label="path"), gr.File(), api_name="give"),
        gr.Interface(read, gr.File(label="file"), "text", api_name="read"),
        gr.Interface(classify, "text", gr.Label(), api_name="classify"),
        gr.Interface(shout, "text", "text", api_name="quiet", show_api=False),
        gr.Interface(shout, "text", "text", api_name="closed").queue(api_open=False),
    ]
)
demo.launch(max_file_size="200kb")
'''

LOGIN = """
import stface as gr


def oops(text):
    raise RuntimeError("shown because show_error=True")


demo = gr.TabbedInterface([
    gr.Interface(lambda name: "Hi " + name, gr.Textbox(label="name"), "text", api_name="hi"),
    gr.Interface(oops, "text", "text", api_name="oops"),
])
demo.launch(auth=[("ada", "lovelace"), ("bo", "x")], show_error=True)
"""


def start(app_dir: Path, source: str) -> Server:
    app_dir.mkdir(parents=True, exist_ok=True)
    (app_dir / "app.py").write_text(textwrap.dedent(source), encoding="utf-8")
    (app_dir / "secret.txt").write_text("app folder secret", encoding="utf-8")
    port = free_port()
    command = [sys.executable, "-m", "stface", "launch", str(app_dir / "app.py"), "--port", str(port)]
    return Server(command, port=port, cwd=app_dir)


@pytest.fixture(scope="session")
def kitchen(tmp_path_factory) -> Iterator[Server]:
    """The kitchen app under `stface launch` (``server.app_dir`` is its folder)."""
    app_dir = tmp_path_factory.mktemp("kitchen")
    server = start(app_dir, KITCHEN)
    server.app_dir = app_dir  # type: ignore[attr-defined]
    yield server
    server.stop()


@pytest.fixture(scope="session")
def login_app(tmp_path_factory) -> Iterator[Server]:
    server = start(tmp_path_factory.mktemp("login"), LOGIN)
    yield server
    server.stop()
