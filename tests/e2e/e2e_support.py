"""Real servers and a real browser: `stface launch` in a subprocess, Chromium via Playwright.

Chromium comes from Debian (`make test` installs it); Playwright never
downloads a browser here. Pages are driven the way Streamlit's own e2e tests
wait for them: the app is connected and its script is not running.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SilentServer:
    """A loopback port that accepts connections and never answers: ``url``, and ``accepted`` (one per connection).

    Example::

        with SilentServer() as silent:
            ...  # a client of silent.url times out
    """

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.accepted: list = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                self.accepted.append(self.listener.accept())
            except OSError:  # closed
                return

    def __enter__(self) -> SilentServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.listener.close()
        for connection, _ in self.accepted:
            connection.close()


class Server:
    """A server process (by default `stface launch APP`) on a free loopback port."""

    def __init__(
        self,
        command: list[str],
        *,
        port: int,
        cwd: Path = ROOT,
        env: dict[str, str] | None = None,
        health: str = "/_stcore/health",
        timeout: float = 60,
    ) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile("w+")
        self.process = subprocess.Popen(
            command, cwd=cwd, stdout=self.log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
        self._wait_ready(health, timeout)

    def _wait_ready(self, health: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.process.args[:4]} exited early:\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.url}{health}", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        output = self.output()
        self.stop()  # the caller never gets this server to stop
        raise TimeoutError(f"server did not become healthy:\n{output}")

    def output(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def wait_idle(page, timeout: float = 30_000) -> None:
    """Wait until the app is connected and its script has finished running."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    app = page.locator("[data-testid='stApp']")
    try:
        app.and_(page.locator("[data-test-connection-state='CONNECTED']")).wait_for(timeout=timeout)
        page.wait_for_function(
            "() => document.querySelector(\"[data-testid='stApp']\")?.dataset.testScriptState === 'notRunning'",
            timeout=timeout,
        )
    except PlaywrightTimeout as timed_out:
        raise AssertionError(f"the app did not become idle within {timeout / 1000:g} s: {_app_state(page)}") from timed_out


def _app_state(page) -> str:
    """What the page shows of the app's state, for a failure message."""
    try:
        return page.evaluate(
            """() => {
              const app = document.querySelector("[data-testid='stApp']");
              const heads = [...document.querySelectorAll("h1")].map((h) => h.innerText);
              return JSON.stringify({url: location.href, script: app?.dataset.testScriptState,
                                     connection: app?.dataset.testConnectionState, h1: heads,
                                     status: document.querySelector("[data-testid='stStatusWidget']")?.innerText});
            }"""
        )
    except Exception as error:  # noqa: BLE001 - a page that cannot even say
        return f"(the page could not be read: {error})"


def open_app(page, url: str) -> None:
    page.goto(url)
    wait_idle(page)


_WATCH_RUN = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  window.__stfaceRan = false;
  window.__stfaceObserver?.disconnect();
  // Any change of the script state means the rerun started; a fast run may pass
  // through 'running' between two observer callbacks, so do not look for it.
  window.__stfaceObserver = new MutationObserver(() => { window.__stfaceRan = true; });
  window.__stfaceObserver.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def click_and_wait(page, locator) -> None:
    """Click, then wait for the rerun it causes to start and finish.

    React may batch 'running' and 'notRunning' into one render for a fast run,
    so the start is awaited for a moment only; assertions should still use
    Playwright's auto-waiting ``expect``.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.evaluate(_WATCH_RUN)
    locator.click()
    try:
        page.wait_for_function("() => window.__stfaceRan === true", timeout=1500)
    except PlaywrightTimeout:
        pass
    wait_idle(page)


def submit(page, label: str = "Submit") -> None:
    click_and_wait(page, page.get_by_role("button", name=label, exact=True))


def count_most(page, selector: str) -> None:
    """From now on, keep the most elements matching ``selector`` the page has shown at once (see most_seen).

    A page whose elements move between runs shows both copies until the
    run ends (Streamlit fades the old one); this catches that.
    """
    page.evaluate(
        """(selector) => {
          window.__stfaceMost?.observer.disconnect();
          const most = window.__stfaceMost = {count: document.querySelectorAll(selector).length};
          most.observer = new MutationObserver(() => {
            most.count = Math.max(most.count, document.querySelectorAll(selector).length);
          });
          most.observer.observe(document.body, {subtree: true, childList: true});
        }""",
        selector,
    )


def most_seen(page) -> int:
    """The most elements that matched count_most's selector at once."""
    return page.evaluate("window.__stfaceMost.count")


# The XSS payload corpus (tests/security/test_xss_browser.py, chat tests): (template, uses Markdown
# syntax); "{m}" becomes a marker, e.g. "desc03".
XSS_CORPUS = [
    ("{m} <script>alert('{m}')</script>", False),
    ("{m} <img src=x onerror=\"alert('{m}')\">", False),
    ("{m} <svg onload=\"alert('{m}')\"><circle r=1 /></svg>", False),
    ('{m} "><iframe srcdoc="<script>parent.alert(\'{m}\')</script>"></iframe>', False),
    ("{m} ' onmouseover='alert(\"{m}\")' data-x='", False),
    ("{m} <a href=\"javascript:alert('{m}')\">a-{m}</a>", False),
    ("{m} [md-{m}](javascript:alert('{m}'))", True),
    ("{m} [mde-{m}](jav&#x61;script:alert('{m}'))", True),
    ("{m} <javascript:alert('{m}')>", True),
    ("{m} <style>body{display:none}</style>", False),
    ("{m} red;}</style><style>*{display:none}</style>", False),
    ("{m} \u202eexe.txt\u200b\u2066", False),
    ("{m} <details open ontoggle=\"alert('{m}')\">d</details>", False),
    ("{m} <math><mtext><table><mglyph><style><img src=x onerror=\"alert('{m}')\">", False),
    ("{m} [ref-{m}][r{m}]\n\n[r{m}]: javascript:alert('{m}')", True),
    ("{m} $\\href{javascript:alert('{m}')}{k}$", True),
    ("{m} ![img-{m}](javascript:alert('{m}'))", True),
]
