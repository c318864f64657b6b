"""Browser and server fixtures, shared by tests/e2e and tests/security."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_support import CHROMIUM, CHROMIUM_ARGS, ROOT, Server, free_port
from playwright.sync_api import expect

# Two cores run servers, browsers and models at once: give assertions room.
expect.set_options(timeout=20_000)


@pytest.fixture
def start_server(request) -> Iterator:
    """Start any server command; ``{port}`` in its arguments becomes a free port.

    When the test fails, each server's output (its log's last lines) is
    printed, so the failure report shows what the server saw.
    """
    servers: list[Server] = []

    def start(command: list[str], *, cwd: Path = ROOT, env: dict[str, str] | None = None) -> Server:
        port = free_port()
        command = [part.replace("{port}", str(port)) for part in command]
        env = {key: value.replace("{port}", str(port)) for key, value in (env or {}).items()}
        server = Server(command, port=port, cwd=cwd, env=env)
        servers.append(server)
        return server

    yield start
    report = getattr(request.node, "report_call", None)
    for server in servers:
        if report is not None and report.failed:
            print(f"--- output of {' '.join(server.process.args[:5])} (last 6000 characters) ---")
            print(server.output()[-6000:])
        server.stop()


@pytest.fixture
def launch_app(start_server):
    """`stface launch APP --port N` for an app file."""

    def start(app: Path | str, *args: str, env: dict[str, str] | None = None) -> Server:
        return start_server([sys.executable, "-m", "stface", "launch", str(app), "--port", "{port}", *args], env=env)

    return start


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def new_page(browser):
    contexts = []

    def make():
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page

    yield make
    for context in contexts:
        context.close()


