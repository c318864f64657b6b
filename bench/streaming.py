"""A live webcam filter in stface (WebRTC) beside the same app in Gradio 6, in one run.

Both apps wrap the same fn (apps/live_common.py: flip each frame upside
down, counting calls). Chromium's camera is replaced, in every frame of the
page, by a canvas that draws 30 frames a second: a moving picture and, at
the top, a frame counter as 12 black-or-white blocks; the page remembers
when it drew each counter value. The flipped frames come back with the
counter at the bottom, where the page reads it from the output (stface:
the <video> fed by WebRTC, on each new video frame; Gradio: the output
<img>, on each animation frame) and takes the delay since it was drawn:

* frames to fn: fn's calls per second, by fn's own clock;
* glass to glass: from drawing a frame to showing its flipped self (ms);
* frames shown: distinct counter values shown per second.

Each system streams alone (a fresh page, closed after) for WARM_S, then is
measured for MEASURE_S, ROUNDS times, alternating (``STFACE_BENCH_QUICK=1``: one short round, to check
the bench itself). WebRTC needs a non-loopback address, so run it inside
the network namespace: `scripts/netns-run .venv/bin/python bench/streaming.py`
(`make bench` does). Results: bench/results/streaming.json.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from browser import ARGS, CHROMIUM, HERE, Server
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

ROUNDS, WARM_S, MEASURE_S = (1, 2.0, 3.0) if os.environ.get("STFACE_BENCH_QUICK") else (3, 4.0, 8.0)
APPS = HERE / "apps"
LOGS = Path(tempfile.mkdtemp(prefix="stface-bench-live-"))
COMMANDS = {
    "stface": lambda port: [
        sys.executable,
        "-m",
        "stface",
        "launch",
        str(APPS / "live_stface.py"),
        "--port",
        str(port),
        "--no-reload",
    ],  # fmt: skip
    "gradio": lambda port: [sys.executable, str(APPS / "live_gradio.py"), str(port)],
}

CAMERA = """(() => {
  const W = 640, H = 480, BITS = 12, BAND = 60;
  function camera() {
    const canvas = document.createElement('canvas');
    canvas.width = W; canvas.height = H;
    const g = canvas.getContext('2d');
    const drawn = window.__stfaceDrawn = new Map();
    let n = 0;
    setInterval(() => {
      n = (n + 1) % (1 << BITS);
      g.fillStyle = 'rgb(40, 90, 160)'; g.fillRect(0, 0, W, H);
      g.fillStyle = 'rgb(230, 180, 40)';
      g.beginPath(); g.arc(W / 2 + 200 * Math.sin(n / 15), H / 2 + 60, 70, 0, 2 * Math.PI); g.fill();
      for (let b = 0; b < BITS; b++) {
        g.fillStyle = (n >> b) & 1 ? '#fff' : '#000';
        g.fillRect(b * W / BITS, 0, W / BITS, BAND);
      }
      drawn.set(n, performance.timeOrigin + performance.now());
    }, 1000 / 30);
    return canvas.captureStream(30);
  }
  if (navigator.mediaDevices) {
    navigator.mediaDevices.getUserMedia = async () => camera();
    navigator.mediaDevices.enumerateDevices = async () => [
      {deviceId: 'canvas', kind: 'videoinput', label: 'canvas', groupId: 'canvas', toJSON() { return this; }}];
  }
  window.__stfaceRead = (source, width, height) => {
    const canvas = window.__stfaceReadCanvas || (window.__stfaceReadCanvas = document.createElement('canvas'));
    canvas.width = W; canvas.height = H;
    const g = canvas.getContext('2d', {willReadFrequently: true});
    g.drawImage(source, 0, 0, W, H);
    const row = g.getImageData(0, H - BAND / 2, W, 1).data;  // the counter, now at the bottom
    let n = 0;
    for (let b = 0; b < BITS; b++) {
      const x = Math.floor((b + 0.5) * W / BITS) * 4;
      if (row[x] + row[x + 1] + row[x + 2] > 3 * 128) n |= 1 << b;
    }
    return n;
  };
  window.__stfaceSeen = [];
  window.__stfaceWatch = (find, onFrame) => {
    let last = -1;
    const look = () => {
      const source = find();
      if (source && (source.naturalWidth || source.videoWidth)) {
        const n = window.__stfaceRead(source);
        const at = window.__stfaceDrawn && window.__stfaceDrawn.get(n);
        if (n !== last && at) {
          last = n;
          window.__stfaceSeen.push({n, delay: performance.timeOrigin + performance.now() - at, t: performance.now()});
        }
      }
      onFrame(look);
    };
    onFrame(look);
  };
})();"""

WATCH_VIDEO = """() => {
  const video = document.querySelector('video');
  window.__stfaceSeen = [];
  window.__stfaceWatch(() => video, (look) => video.requestVideoFrameCallback(() => look()));
}"""
# Gradio's output: the picture it serves (/file=...), found again on each frame (an update may replace the element).
WATCH_IMAGE = """() => {
  window.__stfaceSeen = [];
  window.__stfaceWatch(() => [...document.querySelectorAll('img')].find((i) => i.src.includes('/file=')),
                       (look) => requestAnimationFrame(look));
}"""


def start_stface(page, server: Server):
    page.goto(server.url.replace("127.0.0.1", "localhost"))  # a secure context for the camera
    streamer = page.frame_locator("iframe[title*='streamlit_webrtc']")
    streamer.get_by_role("button", name="Start").click()
    streamer.get_by_role("button", name="Stop").wait_for()
    (frame,) = [f for f in page.frames if "streamlit_webrtc" in f.url and not f.is_detached()]
    frame.wait_for_function("() => { const v = document.querySelector('video'); return v && v.videoWidth > 0; }")
    return frame, WATCH_VIDEO


def start_gradio(page, server: Server):
    page.goto(server.url.replace("127.0.0.1", "localhost"))
    record = page.get_by_role("button", name="capture photo")  # the Record button (its aria-label)
    for _ in range(10):  # a click before the page has hydrated does nothing: try again
        page.get_by_role("button", name="Click to Access Webcam").click()
        try:
            record.wait_for(timeout=5000)
            break
        except PlaywrightTimeout:
            continue
    else:
        page.screenshot(path=str(LOGS / "gradio.png"))
        raise RuntimeError(f"Gradio's webcam did not start (see {LOGS / 'gradio.png'})")
    record.click()
    page.wait_for_function("() => [...document.querySelectorAll('img')].some(i => i.src.includes('/file='))")
    return page.main_frame, WATCH_IMAGE


def fn_calls(system: str) -> list[float]:
    path = LOGS / f"{system}.log"
    return [float(line) for line in path.read_text().split()] if path.exists() else []


def measure(browser, servers: dict[str, Server]) -> dict[str, dict[str, list[float]]]:
    """Each round streams each system alone (a new page, then closed), so neither loads the other's CPU."""
    results: dict[str, dict[str, list[float]]] = {s: {"fps_fn": [], "delay_ms": [], "fps_shown": []} for s in servers}
    for _ in range(ROUNDS):
        for system, server in servers.items():
            context = browser.new_context(permissions=["camera"])
            context.add_init_script(CAMERA)
            page = context.new_page()
            page.set_default_timeout(60_000)
            frame, watch = (start_stface if system == "stface" else start_gradio)(page, server)
            time.sleep(WARM_S)
            frame.evaluate(watch)
            begin = time.monotonic()
            time.sleep(MEASURE_S)
            end = time.monotonic()
            seen = frame.evaluate("() => window.__stfaceSeen.splice(0)")
            context.close()
            calls = [t for t in fn_calls(system) if begin <= t <= end]
            results[system]["fps_fn"].append(len(calls) / (end - begin))
            results[system]["fps_shown"].append(len(seen) / (end - begin))
            results[system]["delay_ms"] += [s["delay"] for s in seen]
    return results


def main() -> None:
    os.environ["STFACE_ICE_SERVERS"] = "[]"  # inside the namespace: host candidates only
    servers = {}
    for system, make in COMMANDS.items():
        os.environ["STFACE_BENCH_LOG"] = str(LOGS / f"{system}.log")  # read by the server it starts
        servers[system] = Server(system, make)
    try:
        for server in servers.values():
            server.wait_http()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=[*ARGS, "--use-fake-ui-for-media-stream"]
            )
            results = measure(browser, servers)
            browser.close()
    finally:
        for server in servers.values():
            server.stop()
    report(results)


def report(results: dict[str, dict[str, list[float]]]) -> None:
    summary = {}
    for system, row in results.items():
        delays = sorted(row["delay_ms"])
        summary[system] = {
            "frames_to_fn_per_s": statistics.median(row["fps_fn"]),
            "frames_shown_per_s": statistics.median(row["fps_shown"]),
            "glass_to_glass_p50_ms": statistics.median(delays) if delays else None,
            "glass_to_glass_p90_ms": delays[int(0.9 * (len(delays) - 1))] if delays else None,
            "frames_measured": len(delays),
        }
    print(f"{'system':<8} {'frames to fn/s':>15} {'frames shown/s':>15} {'glass to glass p50 / p90':>26}")
    for system, row in summary.items():
        delay = (f"{row['glass_to_glass_p50_ms']:.0f} / {row['glass_to_glass_p90_ms']:.0f} ms"
                 if row["glass_to_glass_p50_ms"] is not None else "none shown")  # fmt: skip
        print(f"{system:<8} {row['frames_to_fn_per_s']:>15.1f} {row['frames_shown_per_s']:>15.1f} {delay:>26}")
    stface, gradio = summary["stface"], summary["gradio"]
    if gradio["frames_to_fn_per_s"] and gradio["glass_to_glass_p50_ms"] and stface["glass_to_glass_p50_ms"]:
        print(f"stface/gradio: frames to fn x{stface['frames_to_fn_per_s'] / gradio['frames_to_fn_per_s']:.2f}, "
              f"glass to glass x{stface['glass_to_glass_p50_ms'] / gradio['glass_to_glass_p50_ms']:.2f}")  # fmt: skip
    out = HERE / "results" / "streaming.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"machine": platform.machine(), "cpus": os.cpu_count(), "python": platform.python_version(),
                               "date": time.strftime("%Y-%m-%d"), "quick": bool(os.environ.get("STFACE_BENCH_QUICK")),
                               "rounds": ROUNDS, "measure_s": MEASURE_S, "results": summary}, indent=2) + "\n")  # fmt: skip


if __name__ == "__main__":
    main()
