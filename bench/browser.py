"""stface beside Gradio and hand-written Streamlit scripts, in one run.

The same text-reversing app four ways; Playwright drives Debian's Chromium:
stface, Gradio 6, ``streamlit`` (the same page written by hand: two
columns, Clear and Submit, apps/reverse_streamlit.py), ``frozen`` (that page
with the server's heap frozen once, as stface freezes it:
apps/reverse_streamlit_frozen.py) and ``minimal`` (the smallest script of
the app: one column, Submit only).

* round trip: type, click Submit, until the answer is in the page, timed
  inside the page from the click (and to the first frame showing it; 100 each,
  interleaved, each round starting with the next system so that none always
  follows the same one, after a pause that lets the page before it settle);
* time to interactive: from starting the server to the first usable input;
* load: 20 browser contexts submit at once, 5 bursts per system interleaved
  across systems; every answer must be right; p50/p95 latency over the 100
  answers, and the server's memory (RSS) idle and under load.

Run with `make bench` (results in bench/results/browser.json). Ratios are
what matter: the machine is shared and noisy.
"""

from __future__ import annotations

import atexit
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]  # fmt: skip
ROUND_TRIPS, TTI_RUNS, LOAD_CONTEXTS, LOAD_ROUNDS = 100, 3, 20, 5
SETTLE_MS = 100  # before each round trip: the previous page's leftover work is not counted against the next
#: Four interfaces on one page, drawn as fragments or not (``--fragments``).
SEVERAL = {"fragments": "1", "whole page": "0"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def command(system: str, port: int) -> list[str]:
    python = sys.executable
    if system == "stface":
        return [python, "-m", "stface", "launch", str(HERE / "apps" / "reverse_stface.py"), "--port", str(port), "--no-reload"]
    if system == "gradio":
        return [python, str(HERE / "apps" / "reverse_gradio.py"), str(port)]
    scripts = {"minimal": "reverse_streamlit_minimal.py", "frozen": "reverse_streamlit_frozen.py"}
    script = "several_stface.py" if system in SEVERAL else scripts.get(system, "reverse_streamlit.py")
    return [python, "-m", "streamlit", "run", str(HERE / "apps" / script), "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]  # fmt: skip


class Server:
    """One system's server on a free port; ``make(port)`` gives another command than ``command(system)``."""

    def __init__(self, system: str, make=None) -> None:
        self.system, self.port = system, free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "STFACE_BENCH_FRAGMENT": SEVERAL.get(system, "1")}
        self.started = time.perf_counter()
        argv = make(self.port) if make else command(system, self.port)
        self.process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        atexit.register(self.stop)  # a failed run leaves no server behind

    def wait_http(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url, timeout=1)
                return
            except OSError:
                time.sleep(0.05)
        raise TimeoutError(self.system)

    def rss_mb(self) -> float:
        total = 0
        pids = [self.process.pid] + [int(p) for p in subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True).stdout.split()]
        for pid in pids:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                pass
        return total / 1024

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


# The round trip is timed by the page's own clock from the click's pointerdown, twice: to the task that put
# the answer in an input or a text area (looked for after every task: ``dom``), and to the first animation
# frame after it (``frame``, what the eye sees). Chromium aligns input and drawing to 60 Hz frames, so the
# frame time comes in steps of 16.7 ms: a system 2 ms slower can land one frame later, and the median of
# frame times jumps by 20 %. The DOM time has no steps, so ratios are taken on it; frame times are reported
# beside it. Playwright's own click (actionability checks, about 45 ms) and its polling are left out, the
# same for every system.
ROUND_TRIP_JS = """
window.__benchTrip = (() => {
  const trip = { ms: null, dom: null, want: null, start: 0 };
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    if (trip.want === null) return;
    if ([...document.querySelectorAll("textarea, input")].some((e) => e.value === trip.want)) {
      trip.want = null;
      trip.dom = performance.now() - trip.start;
      requestAnimationFrame(() => { trip.ms = performance.now() - trip.start; });
    } else {
      channel.port2.postMessage(0);
    }
  };
  document.addEventListener("pointerdown", () => { trip.start = performance.now(); }, true);
  trip.expect = (value) => { trip.ms = null; trip.want = value; channel.port2.postMessage(0); };
  return trip;
})();
"""


def open_page(browser, server: Server):
    page = browser.new_context().new_page()
    page.set_default_timeout(60_000)
    page.add_init_script(ROUND_TRIP_JS)
    page.goto(server.url)
    field = page.get_by_label("text", exact=True)
    field.wait_for(state="visible")
    page.wait_for_timeout(300)
    return page, field


def round_trip(page, field) -> tuple[float, float]:
    """Seconds from the click on Submit to the answer in the page, and to the first frame drawn with it."""
    text = uuid.uuid4().hex[:12]
    page.bring_to_front()  # every system's page in front when it is timed
    field.fill(text)
    page.wait_for_timeout(SETTLE_MS)
    page.evaluate("v => window.__benchTrip.expect(v)", text[::-1])
    page.get_by_role("button", name="Submit", exact=True).first.click()
    page.wait_for_function("() => window.__benchTrip.ms !== null")
    dom, frame = page.evaluate("[window.__benchTrip.dom, window.__benchTrip.ms]")
    return dom / 1000, frame / 1000


def burst(opened: list) -> list[float]:
    """Every page submits at once; the latency of each answer."""
    texts = [uuid.uuid4().hex[:12] for _ in opened]
    for (_, field), text in zip(opened, texts):
        field.fill(text)
    starts = []
    for page, _ in opened:
        starts.append(time.perf_counter())
        page.get_by_role("button", name="Submit", exact=True).first.click()
    latencies = []
    for (page, _), text, start in zip(opened, texts, starts):
        page.wait_for_function("v => [...document.querySelectorAll('textarea, input')].some(e => e.value === v)",
                               arg=text[::-1], polling="raf")  # fmt: skip
        latencies.append(time.perf_counter() - start)
    return latencies


def round_trips(pages: dict, rounds: int) -> dict[str, dict[str, list[float]]]:
    """``rounds`` round trips per system, interleaved; round n starts with system n (mod the count).

    Per system: ``dom`` and ``frame`` times (see ROUND_TRIP_JS), one each per round.
    """
    systems = list(pages)
    trips: dict[str, dict[str, list[float]]] = {s: {"dom": [], "frame": []} for s in systems}
    for n in range(rounds):
        for system in systems[n % len(systems) :] + systems[: n % len(systems)]:
            dom, frame = round_trip(*pages[system])
            trips[system]["dom"].append(dom)
            trips[system]["frame"].append(frame)
    return trips


def summary(times: dict[str, list[float]]) -> dict[str, float]:
    """Median and p90 of the DOM times (the ratios' basis), and of the frame times."""
    return {"median_s": statistics.median(times["dom"]), "p90_s": percentile(times["dom"], 0.9),
            "frame_median_s": statistics.median(times["frame"]), "frame_p90_s": percentile(times["frame"], 0.9)}  # fmt: skip


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def quick(systems: tuple[str, str]) -> None:
    """Round trips only, of two systems side by side (for trying changes).

    ``--quick``: stface beside the hand-written script. ``--fragments``: a
    page of four interfaces, drawn as Streamlit fragments or not.
    """
    servers = {s: Server(s) for s in systems}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for server in servers.values():
            server.wait_http()
        pages = {s: open_page(browser, server) for s, server in servers.items()}
        trips = round_trips(pages, ROUND_TRIPS)
        browser.close()
    for server in servers.values():
        server.stop()
    (first, a), (second, b) = ((s, summary(v)) for s, v in trips.items())
    print(f"round trip p50, answer in the page: {first} {a['median_s'] * 1000:.1f} ms, "
          f"{second} {b['median_s'] * 1000:.1f} ms, x{a['median_s'] / b['median_s']:.2f}; "
          f"first frame showing it: {a['frame_median_s'] * 1000:.0f} / {b['frame_median_s'] * 1000:.0f} ms")  # fmt: skip


def main() -> None:
    if "--quick" in sys.argv:
        return quick(("stface", "streamlit"))
    if "--fragments" in sys.argv:
        return quick(tuple(SEVERAL))
    systems = ["stface", "gradio", "streamlit", "frozen", "minimal"]
    results: dict = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "machine": platform.machine()}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tti = {s: [] for s in systems}
        for _ in range(TTI_RUNS):
            for system in systems:
                server = Server(system)
                server.wait_http()
                page, _ = open_page(browser, server)
                tti[system].append(time.perf_counter() - server.started)
                page.context.close()
                server.stop()
        servers = {s: Server(s) for s in systems}
        for server in servers.values():
            server.wait_http()
        pages = {s: open_page(browser, servers[s]) for s in systems}
        trips = round_trips(pages, ROUND_TRIPS)
        # Load: 20 sessions per system submit at once, LOAD_ROUNDS bursts, interleaved across systems.
        idle = {s: servers[s].rss_mb() for s in systems}
        opened = {s: [open_page(browser, servers[s]) for _ in range(LOAD_CONTEXTS)] for s in systems}
        latencies: dict[str, list[float]] = {s: [] for s in systems}
        loaded = dict.fromkeys(systems, 0.0)
        for _ in range(LOAD_ROUNDS):
            for system in systems:
                latencies[system] += burst(opened[system])
                loaded[system] = max(loaded[system], servers[system].rss_mb())
        load = {s: {"p50_s": percentile(latencies[s], 0.5), "p95_s": percentile(latencies[s], 0.95),
                    "rss_idle_mb": idle[s], "rss_load_mb": loaded[s],
                    "all_correct": len(latencies[s]) == LOAD_CONTEXTS * LOAD_ROUNDS} for s in systems}  # fmt: skip
        for server in servers.values():
            server.stop()
        browser.close()
    results["round_trip"] = {s: summary(v) for s, v in trips.items()}
    results["time_to_interactive"] = {s: {"median_s": statistics.median(v)} for s, v in tti.items()}
    results["load"] = load
    print_tables(results)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "browser.json").write_text(json.dumps(results, indent=2))


def print_tables(results: dict) -> None:
    rt, tti, load = results["round_trip"], results["time_to_interactive"], results["load"]
    print(f"{'system':<10} {'round trip p50':>15} {'p90':>8} {'frame p50':>10} {'TTI p50':>9} {'load p50':>9} {'p95':>8} "
          f"{'RSS idle':>9} {'RSS load':>9}")  # fmt: skip
    for s in rt:
        print(f"{s:<10} {rt[s]['median_s']*1000:>12.1f} ms {rt[s]['p90_s']*1000:>5.0f} ms {rt[s]['frame_median_s']*1000:>7.0f} ms "
              f"{tti[s]['median_s']:>7.2f} s "
              f"{load[s]['p50_s']*1000:>6.0f} ms {load[s]['p95_s']*1000:>5.0f} ms {load[s]['rss_idle_mb']:>6.0f} MB {load[s]['rss_load_mb']:>6.0f} MB")  # fmt: skip
    for other in ("gradio", "streamlit", "frozen", "minimal"):
        print(f"stface/{other}: round trip x{rt['stface']['median_s'] / rt[other]['median_s']:.2f}, "
              f"time to interactive x{tti['stface']['median_s'] / tti[other]['median_s']:.2f}, "
              f"load p50 x{load['stface']['p50_s'] / load[other]['p50_s']:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
