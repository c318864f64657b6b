"""What the MCP tests share: the apps, a server for their API routes, and the SDK's client.

``serving(app)`` serves ``stface.api.api_routes`` (Gradio's HTTP API and
MCP) on a bare Starlette app with uvicorn on a free loopback port, as st.App
mounts them; ``mcp(url, fn)`` runs ``fn(client)`` with the official SDK's
client connected to the app's MCP URL.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx2
import uvicorn
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client
from PIL import Image
from starlette.applications import Starlette

import stface as gr
from stface.api import api_routes
from stface.runtime.options import LaunchOptions

# -- the apps ----------------------------------------------------------------------------------------


def letters(word: str, times: int = 1) -> int:
    """Count the letters of a word.

    Args:
        word: the word whose letters are counted
        times: how many times to count them
    """
    if word == "boom":
        raise gr.Error("Words that explode are not counted.")
    if word == "crash":
        raise ValueError("a detail from inside fn")
    return len(word) * times


def red_square(size: float):
    """Draw a red square.

    Args:
        size: the side, in pixels
    """
    return Image.new("RGB", (int(size), int(size)), (255, 0, 0))


def image_width(picture):
    """The width of a picture.

    Args:
        picture: the picture to measure
    """
    return picture.width


def slow(steps: float, progress=gr.Progress()):  # noqa: B008 - Gradio's idiom
    """Count steps slowly, reporting progress."""
    for _ in progress.tqdm(range(int(steps))):
        pass
    return "done"


@gr.mcp.resource("greeting://{name}", mime_type="text/plain")
def greeting(name: str) -> str:
    """A greeting for someone.

    Args:
        name: who to greet
    """
    return f"Hello {name}!"


@gr.mcp.resource("motd://today")
def motd() -> str:
    """The message of the day."""
    return "Be kind."


@gr.mcp.prompt(name="review")
def review_prompt(code: str) -> str:
    """Ask for a code review.

    Args:
        code: the code to review
    """
    return f"Please review this code:\n{code}"


@gr.mcp.tool(name="shout", description="Make a text loud.")
def loud(text: str) -> str:
    return text.upper() + "!"


def tools_app(**launch: Any) -> gr.TabbedInterface:
    demo = gr.TabbedInterface(
        [
            gr.Interface(letters, [gr.Textbox(), gr.Number(value=1, precision=0)], gr.Number(precision=0)),
            gr.Interface(red_square, gr.Number(), gr.Image()),
            gr.Interface(image_width, gr.Image(type="pil"), gr.Number(precision=0)),
            gr.Interface(slow, gr.Number(), "text"),
            gr.Interface(loud, "text", "text"),
            gr.Interface(lambda t: t[::-1], "text", "text", api_name="reverse"),
            gr.Interface(greeting, "text", "text"),
            gr.Interface(motd, None, "text"),
            gr.Interface(review_prompt, "text", "text"),
            gr.Interface(lambda t: t, "text", "text", api_name="hidden", show_api=False),
        ]
    )
    demo.launch_options = LaunchOptions(mcp_server=True, **launch)
    return demo


@contextlib.contextmanager
def serving(app: Any) -> Iterator[str]:
    """The app's API routes on uvicorn, in a thread; yields the app's URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(Starlette(routes=api_routes(lambda: app)), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def mcp(base: str, coroutine_fn, *, mode: str = "auto", auth: tuple[str, str] | None = None) -> Any:
    """Run ``coroutine_fn(client)`` with the SDK's client connected to the app's MCP URL."""

    async def main() -> Any:
        target: Any = f"{base}/gradio_api/mcp/"
        if auth is not None:
            http = create_mcp_http_client(auth=httpx2.BasicAuth(*auth))
            target = streamable_http_client(target, http_client=http)
        async with Client(target, mode=mode) as client:
            return await coroutine_fn(client)

    return asyncio.run(main())


def leaves(error: BaseException) -> list[BaseException]:
    """The exceptions inside (nested) exception groups."""
    inner = getattr(error, "exceptions", None)
    return [leaf for sub in inner for leaf in leaves(sub)] if inner else [error]


def text_of(result: Any) -> list[str]:
    return [c.text for c in result.content if c.type == "text"]
