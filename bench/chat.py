"""Time to first token and to the whole answer in Chromium: stface's ChatInterface beside Gradio 6's.

Both wrap the same generator (bench/apps/chat_common.py: 20 tokens, 20 ms
apart). Per round: type a message, press Enter, and time until the first
token and the last one show in the page; rounds alternate between the
systems. Run with `make bench` or `python bench/chat.py`; results go to
bench/results/chat.json.
"""

from __future__ import annotations

import json
import statistics
import sys
import time

from browser import ARGS, CHROMIUM, HERE, Server
from playwright.sync_api import sync_playwright

ROUNDS = 15
APPS = HERE / "apps"
COMMANDS = {
    "stface": lambda port: [sys.executable, "-m", "stface", "launch", str(APPS / "chat_stface.py"), "--port", str(port), "--no-reload"],
    "gradio": lambda port: [sys.executable, str(APPS / "chat_gradio.py"), str(port)],
}
BOX = {"stface": "[data-testid='stChatInputTextArea']", "gradio": "textarea"}
SHOWN = "t => [...document.querySelectorAll(arguments_selector)].some(e => e.innerText.includes(t))"


def ask(page, system: str, number: int) -> tuple[float, float]:
    answers = "[data-testid='stChatMessage']" if system == "stface" else "[data-testid='bot'], .bot, .message"
    shown = SHOWN.replace("arguments_selector", json.dumps(answers))
    box = page.locator(BOX[system]).first
    box.fill(f"question {number}")
    start = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(shown, arg=f"q{number}t0", polling="raf")
    first = time.perf_counter() - start
    page.wait_for_function(shown, arg=f"q{number}t19", polling="raf")
    return first, time.perf_counter() - start


def main() -> None:
    servers = {system: Server(system, make) for system, make in COMMANDS.items()}
    try:
        times = measure(servers)
    finally:  # never leave a server behind, even when a round fails
        for server in servers.values():
            server.stop()
    report(times)


def measure(servers: dict[str, Server]) -> dict[str, dict[str, list[float]]]:
    times: dict[str, dict[str, list[float]]] = {s: {"first": [], "whole": []} for s in servers}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pages = {}
        for system, server in servers.items():
            server.wait_http()
            page = browser.new_context().new_page()
            page.set_default_timeout(60_000)
            page.goto(server.url)
            page.locator(BOX[system]).first.wait_for(state="visible")
            page.wait_for_timeout(500)
            pages[system] = page
        for number in range(ROUNDS):
            for system, page in pages.items():
                first, whole = ask(page, system, number)
                times[system]["first"].append(first)
                times[system]["whole"].append(whole)
        browser.close()
    return times


def report(times: dict[str, dict[str, list[float]]]) -> None:
    results = {s: {k: statistics.median(v) for k, v in t.items()} for s, t in times.items()}
    print(f"{'system':<8} {'first token p50':>16} {'whole answer p50':>17}")
    for system, row in results.items():
        print(f"{system:<8} {row['first'] * 1000:>13.0f} ms {row['whole'] * 1000:>14.0f} ms")
    print(f"stface/gradio: first token x{results['stface']['first'] / results['gradio']['first']:.2f}, "
          f"whole answer x{results['stface']['whole'] / results['gradio']['whole']:.2f}")  # fmt: skip
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "chat.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
