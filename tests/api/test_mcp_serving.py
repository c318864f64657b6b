"""MCP served as a person serves it: on and off, login, resources and prompts, ``stface launch``.

Tests use the official SDK's own client against real servers: the API routes
on uvicorn (``mcp_support.serving``), and ``stface launch app.py`` in a
subprocess.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from mcp import Client
from mcp.shared.exceptions import MCPError

import stface as gr
from stface.runtime.options import LaunchOptions

sys.path.insert(0, str(Path(__file__).parent))
from mcp_support import leaves, letters, mcp, serving, text_of, tools_app

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with serving(tools_app()) as base:
        yield base


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
            with pytest.raises(Exception) as refusal:
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
