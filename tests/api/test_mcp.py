"""MCP tools through the official SDK's own client, against a real server (``mcp_support.serving``).

Listing (names, descriptions from docstrings, input schemas), calls,
pictures and files both ways, errors, progress, the concurrency limit.
"""

from __future__ import annotations

import asyncio
import base64
import io
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from mcp import Client
from PIL import Image

import stface as gr

sys.path.insert(0, str(Path(__file__).parent))
from mcp_support import letters, mcp, serving, text_of, tools_app

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with serving(tools_app()) as base:
        yield base


# -- tools -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["legacy", "auto"])
def test_tools_are_the_visible_endpoints_named_and_described_as_gradio_does(url, mode):
    tools = {t.name: t for t in mcp(url, lambda c: c.list_tools(), mode=mode).tools}
    # Named after fn (a lambda after its api_name); gr.mcp.tool's name wins; marked resources and prompts,
    # and endpoints hidden from the API, are not tools.
    assert list(tools) == ["letters", "red_square", "image_width", "slow", "shout", "reverse"]
    counting = tools["letters"]
    assert counting.description == "Count the letters of a word."
    assert counting.input_schema == {
        "type": "object",
        "properties": {
            "word": {"type": "string", "description": "the word whose letters are counted"},
            "times": {"type": "integer", "description": "how many times to count them", "default": 1},
        },
    }
    assert tools["shout"].description == "Make a text loud."
    picture = tools["image_width"].input_schema["properties"]["picture"]
    assert picture["type"] == "string" and "URL" in picture["format"]
    assert picture["description"] == "the picture to measure"
    assert "data: URL" in tools["image_width"].description
    assert tools["red_square"].input_schema["required"] == ["size"]


@pytest.mark.parametrize("mode", ["legacy", "auto"])
def test_a_call_returns_fns_result(url, mode):
    result = mcp(url, lambda c: c.call_tool("letters", {"word": "hello", "times": 3}), mode=mode)
    assert not result.is_error
    assert text_of(result) == ["15"]
    assert text_of(mcp(url, lambda c: c.call_tool("letters", {"word": "abc"}))) == ["3"]  # the default times
    assert text_of(mcp(url, lambda c: c.call_tool("shout", {"text": "hey"}))) == ["HEY!"]


def test_an_image_output_comes_back_as_image_content_and_a_url_of_this_server(url):
    result = mcp(url, lambda c: c.call_tool("red_square", {"size": 6}))
    image, caption = result.content
    assert image.type == "image" and image.mime_type == "image/png"
    picture = Image.open(io.BytesIO(base64.b64decode(image.data)))
    assert picture.size == (6, 6) and picture.convert("RGB").getpixel((2, 2)) == (255, 0, 0)
    assert caption.text.startswith(f"Image URL: {url}/gradio_api/file=")
    downloaded = httpx.get(caption.text.removeprefix("Image URL: "))
    assert downloaded.status_code == 200 and Image.open(io.BytesIO(downloaded.content)).size == (6, 6)


def test_a_file_input_takes_a_url_this_server_returned_or_a_data_url(url):
    made = mcp(url, lambda c: c.call_tool("red_square", {"size": 9}))
    returned_url = made.content[1].text.removeprefix("Image URL: ")
    assert text_of(mcp(url, lambda c: c.call_tool("image_width", {"picture": returned_url}))) == ["9"]

    buffer = io.BytesIO()
    Image.new("RGB", (13, 4), "blue").save(buffer, format="PNG")
    data_url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    assert text_of(mcp(url, lambda c: c.call_tool("image_width", {"picture": data_url}))) == ["13"]


@pytest.mark.parametrize(
    "reference",
    [
        "/etc/passwd",
        "../../etc/passwd",
        "https://example.com/picture.png",
        "http://127.0.0.1:1/gradio_api/file=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/x.png",
        {"path": "/etc/hostname", "meta": {"_type": "gradio.FileData"}},
        "data:image/png,not-base64",
    ],
)
def test_a_file_input_that_is_not_ours_is_refused_and_never_read_or_fetched(url, reference):
    result = mcp(url, lambda c: c.call_tool("image_width", {"picture": reference}))
    assert result.is_error
    (message,) = text_of(result)
    assert "refused" in message or "data: URL" in message
    assert "root:" not in message  # nothing of the file was read


def test_gr_error_is_a_tool_error_with_its_message_and_other_failures_stay_generic(url):
    refused = mcp(url, lambda c: c.call_tool("letters", {"word": "boom"}))
    assert refused.is_error and text_of(refused) == ["Words that explode are not counted."]
    failed = mcp(url, lambda c: c.call_tool("letters", {"word": "crash"}))
    assert failed.is_error and "inside fn" not in text_of(failed)[0]
    assert text_of(failed) == ["Something went wrong while running the function. Please try again."]


def test_show_error_shows_the_failure(url):
    with serving(tools_app(show_error=True)) as base:
        failed = mcp(base, lambda c: c.call_tool("letters", {"word": "crash"}))
    assert failed.is_error and text_of(failed) == ["ValueError: a detail from inside fn"]


def test_wrong_arguments_and_unknown_tools_say_what_is_expected(url):
    missing = mcp(url, lambda c: c.call_tool("red_square", {}))
    assert missing.is_error and "'size'" in text_of(missing)[0]
    extra = mcp(url, lambda c: c.call_tool("letters", {"word": "a", "colour": "red"}))
    assert extra.is_error and "'colour'" in text_of(extra)[0] and "word, times" in text_of(extra)[0]
    unknown = mcp(url, lambda c: c.call_tool("nope", {}))
    assert unknown.is_error and "letters" in text_of(unknown)[0]
    hidden = mcp(url, lambda c: c.call_tool("hidden", {"t": "x"}))
    assert hidden.is_error


@pytest.mark.parametrize("mode", ["legacy", "auto"])
def test_gr_progress_reaches_the_client_as_progress_notifications(url, mode):
    seen: list[tuple[float, float | None, str | None]] = []

    async def progress(value: float, total: float | None, message: str | None) -> None:
        seen.append((value, total, message))

    result = mcp(url, lambda c: c.call_tool("slow", {"steps": 4}, progress_callback=progress), mode=mode)
    assert text_of(result) == ["done"]
    assert seen and all(total == 1.0 for _, total, _ in seen)
    assert [value for value, _, _ in seen] == sorted(value for value, _, _ in seen)


def test_calls_share_the_apps_concurrency_limit():
    running, most = [0], [0]
    lock = threading.Lock()

    def busy(text: str) -> str:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return text

    demo = gr.Interface(busy, "text", "text", concurrency_limit=1)
    demo.launch_options.mcp_server = True

    async def calls(client: Client) -> list[Any]:
        return await asyncio.gather(*(client.call_tool("busy", {"text": str(i)}) for i in range(6)))

    with serving(demo) as base:
        results = mcp(base, calls)
    assert sorted(text_of(r)[0] for r in results) == [str(i) for i in range(6)]
    assert most[0] == 1


def test_a_chat_interface_is_a_tool_and_repeated_names_are_numbered():
    def echo(message, history):
        """Say the message back."""
        return "You said: " + message

    @gr.mcp.tool(structured_output=True, _meta={"origin": "test"})
    def pair(text):
        return text, len(text)

    demo = gr.TabbedInterface(
        [gr.ChatInterface(echo), gr.Interface(letters, "text", "number"), gr.Interface(letters, "text", "number"),
         gr.Interface(pair, "text", ["text", gr.Number(precision=0)])]
    )  # fmt: skip
    demo.launch_options.mcp_server = True

    async def use(client: Client) -> Any:
        return (
            await client.list_tools(),
            await client.call_tool("echo", {"message": "hi"}),
            await client.call_tool("pair", {"text": "abc"}),
        )

    with serving(demo) as base:
        tools, answer, paired = mcp(base, use, mode="legacy")
    assert [t.name for t in tools.tools] == ["echo", "letters", "letters_1", "pair"]
    assert tools.tools[0].description == "Say the message back."
    assert tools.tools[3].meta == {"origin": "test"}
    assert text_of(answer) == ["You said: hi"]
    assert text_of(paired) == ["abc", "3"] and paired.structured_content == {"result": ["abc", 3]}
