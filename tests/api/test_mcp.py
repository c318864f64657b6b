"""MCP through the official SDK's own client, against real servers.

Most tests serve the app's API routes (``stface.api.api_routes``: Gradio's
HTTP API and MCP) on a bare Starlette app with uvicorn on a free loopback
port, as st.App mounts them; the last one starts ``stface launch app.py``
whose app calls ``launch(mcp_server=True)``, as a person would.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import io
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import httpx2
import pytest
import uvicorn
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client
from mcp.shared.exceptions import MCPError
from PIL import Image
from starlette.applications import Starlette

import stface as gr
from stface.api import api_routes
from stface.runtime.options import LaunchOptions

pytestmark = pytest.mark.timeout(120)


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


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with serving(tools_app()) as base:
        yield base


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


# -- resources and prompts -------------------------------------------------------------------------


def test_marked_functions_are_resources_and_prompts(url):
    async def everything(client: Client) -> Any:
        return (
            await client.list_resources(),
            await client.list_resource_templates(),
            await client.read_resource("greeting://Ada"),
            await client.read_resource("motd://today"),
            await client.list_prompts(),
            await client.get_prompt("review", {"code": "x = 1"}),
        )

    resources, templates, hello, motd_text, prompts, prompt = mcp(url, everything)
    assert [(str(r.uri), r.name, r.description) for r in resources.resources] == [
        ("motd://today", "motd", "The message of the day.")
    ]
    (template,) = templates.resource_templates
    assert (template.uri_template, template.name, template.description, template.mime_type) == (
        "greeting://{name}", "greeting", "A greeting for someone.", "text/plain"
    )  # fmt: skip
    assert [c.text for c in hello.contents] == ["Hello Ada!"]
    assert [c.text for c in motd_text.contents] == ["Be kind."]
    (listed,) = prompts.prompts
    assert (listed.name, listed.description) == ("review", "Ask for a code review.")
    assert [(a.name, a.description) for a in listed.arguments] == [("code", "the code to review")]
    (message,) = prompt.messages
    assert message.role == "user" and message.content.text == "Please review this code:\nx = 1"


# -- on, off, login ----------------------------------------------------------------------------------


def test_mcp_answers_404_saying_how_to_turn_it_on_when_it_is_off():
    demo = gr.Interface(letters, "text", "number")
    with serving(demo) as base:
        answer = httpx.post(f"{base}/gradio_api/mcp/", json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
    assert answer.status_code == 404
    assert "mcp_server=True" in answer.text and "GRADIO_MCP_SERVER" in answer.text


def test_the_environment_variable_turns_mcp_on(monkeypatch):
    monkeypatch.setenv("GRADIO_MCP_SERVER", "True")
    demo = gr.Interface(letters, "text", "number")
    with serving(demo) as base:
        assert [t.name for t in mcp(base, lambda c: c.list_tools()).tools] == ["letters"]


def whoami(text: str, request: gr.Request) -> str:
    """Say who calls."""
    return f"{text} {request.username}"


def test_login_gates_mcp():
    demo = gr.Interface(whoami, "text", "text")
    demo.launch_options = LaunchOptions(mcp_server=True, auth=[("ada", "secret"), ("bo", "pw")])
    with serving(demo) as base:
        refused = httpx.post(
            f"{base}/gradio_api/mcp/",
            json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"},
            headers={"Accept": "application/json, text/event-stream"},
        )
        assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Basic")
        assert "Login required" in refused.text and "whoami" not in refused.text
        assert httpx.get(f"{base}/gradio_api/mcp/schema").status_code == 401
        for credentials in (None, ("ada", "wrong"), ("mallory", "secret")):
            with pytest.raises(Exception) as refusal:  # noqa: B017 - the SDK's client cannot even connect
                mcp(base, lambda c: c.list_tools(), auth=credentials)
            assert any(isinstance(error, MCPError) for error in leaves(refusal.value))
        result = mcp(base, lambda c: c.call_tool("whoami", {"text": "hello"}), auth=("bo", "pw"))
    assert text_of(result) == ["hello bo"]


def test_a_browser_gets_a_page_and_the_schema_route_lists_the_tools(url):
    page = httpx.get(f"{url}/gradio_api/mcp/")
    assert page.status_code == 200 and f"{url}/gradio_api/mcp/" in page.text
    schema = httpx.get(f"{url}/gradio_api/mcp/schema").json()
    assert [(s["name"], s["meta"]["mcp_type"]) for s in schema][:2] == [("letters", "tool"), ("red_square", "tool")]
    assert {s["meta"]["mcp_type"] for s in schema} == {"tool", "resource", "prompt"}


def test_without_the_sdk_mcp_names_the_extra_to_install():
    code = textwrap.dedent(
        """
        import sys
        sys.modules["mcp"] = None  # as if the package were not installed
        from stface.api.mcp import require_mcp
        try:
            require_mcp()
        except ImportError as exc:
            print(exc)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60).stdout
    assert 'pip install "stface[mcp]"' in out


# -- as a user runs it -------------------------------------------------------------------------------


def test_stface_launch_serves_mcp_beside_the_page(tmp_path, launch_app):
    app = tmp_path / "app.py"
    app.write_text(
        textwrap.dedent(
            '''
            import stface as gr

            def add(a: float, b: float) -> float:
                """Add two numbers.

                Args:
                    a: the first number
                    b: the second number
                """
                return a + b

            gr.Interface(add, ["number", "number"], "number").launch(mcp_server=True)
            '''
        )
    )
    server = launch_app(app)

    async def use(client: Client) -> Any:
        return await client.list_tools(), await client.call_tool("add", {"a": 2, "b": 40})

    tools, result = mcp(server.url, use)
    (tool,) = tools.tools
    assert (tool.name, tool.description) == ("add", "Add two numbers.")
    assert tool.input_schema["properties"]["a"]["description"] == "the first number"
    assert text_of(result) == ["42.0"]
