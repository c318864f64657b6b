"""A server that runs for weeks: sessions submit without pause while RSS, descriptors and temp files stay flat.

``make soak`` runs this for 5 minutes (``STFACE_SOAK_SECONDS=300``) and
prints the figures the README reports; ``make test`` runs the same test for
a short while. Ten browser sessions (Chromium) upload a WAV to a
``gr.Audio(type="filepath")`` input and submit together, round after round;
every few rounds the oldest session closes and a new one opens. fn answers
with an image and the number of samples it read, and every submit is
flagged (``allow_flagging="auto"``).

Each session clicks Submit as soon as its file is chosen, while the upload
may still be in flight: the inputs' form keeps Submit disabled until the
upload ends (the WebRTC recorder stands outside the form). Should a choice
or a click still get no answer, the test picks or clicks again, as a person
would, and reports how often (``repicks``, ``resubmits``).
"""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from e2e_support import open_app, wait_idle
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

SECONDS = float(os.environ.get("STFACE_SOAK_SECONDS", "20"))
SESSIONS = int(os.environ.get("STFACE_SOAK_SESSIONS", "10"))
RENEW_EVERY = 3  # rounds between closing the oldest session and opening a new one

APP = """
import os
import numpy as np
import soundfile as sf
import stface as gr

def measure(path):
    samples, rate = sf.read(path, dtype="int16")
    shade = len(samples) % 256
    return np.full((48, 48, 3), shade, dtype=np.uint8), f"{len(samples)} samples at {rate} Hz"

demo = gr.Interface(measure, gr.Audio(type="filepath", label="audio"), [gr.Image(label="picture"), gr.Textbox(label="answer")],
                    allow_flagging="auto", flagging_dir=os.environ["STFACE_FLAGS"], delete_cache=(2, 30))
"""


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def open_fds(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def folder_kb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1024


def session_folders(temp: Path) -> list[Path]:
    return [s for process in temp.glob("stface-*") for s in (process / "sessions").glob("*")]


class Person:
    """One browser session: uploads a WAV of a known length, submits, and checks the answer."""

    def __init__(self, browser, url: str, folder: Path, number: int) -> None:
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.page.set_default_timeout(60_000)
        self.folder, self.number, self.expected = folder, number, None
        self.repicks = self.resubmits = 0
        open_app(self.page, url)

    def upload(self, round_number: int) -> None:
        length = 4000 + 997 * (self.number % SESSIONS) + 13 * round_number  # distinct among live sessions
        path = self.folder / f"s{self.number}-r{round_number}.wav"
        sf.write(path, np.zeros(length, dtype=np.int16), 16000, subtype="PCM_16")
        self.expected = f"{length} samples at 16000 Hz"
        self.name = path.name
        self._pick()

    def _pick(self) -> None:
        self.page.locator("input[type=file]").set_input_files(str(self.folder / self.name))

    def submit(self) -> None:
        """Submit as soon as the file is chosen: the form's Submit waits while the upload is in flight."""
        chosen = self.page.get_by_text(self.name, exact=True)
        try:
            expect(chosen).to_be_visible(timeout=10_000)
        except AssertionError:  # the choice did not register: reload and pick again, as a person would
            self.repicks += 1
            self.page.reload()
            open_app(self.page, self.page.url)
            self._pick()
            expect(chosen).to_be_visible()
        self.page.get_by_role("button", name="Submit", exact=True).click()

    def check(self) -> None:
        """Wait for the right answer; a person whose click got no answer clicks again (counted)."""
        answer = self.page.get_by_label("answer")
        try:
            expect(answer).to_have_value(self.expected, timeout=10_000)
        except AssertionError:
            self.resubmits += 1
            wait_idle(self.page)
            self.page.get_by_role("button", name="Submit", exact=True).click()
            expect(answer).to_have_value(self.expected, timeout=45_000)

    def close(self) -> None:
        self.context.close()


def test_sessions_submit_for_a_while_and_the_server_stays_flat(tmp_path, start_server, browser):
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text("[server]\ndisconnectedSessionTTL = 2\n")
    (tmp_path / "app.py").write_text(APP)
    temp, flags, uploads = tmp_path / "tmp", tmp_path / "flags", tmp_path / "uploads"
    for folder in (temp, uploads):
        folder.mkdir()
    server = start_server([sys.executable, "-m", "stface", "launch", "app.py", "--port", "{port}", "--no-reload"],
                          cwd=tmp_path, env={"TMPDIR": str(temp), "STFACE_FLAGS": str(flags)})  # fmt: skip
    pid = server.process.pid
    people = [Person(browser, server.url, uploads, n) for n in range(SESSIONS)]
    everyone = list(people)
    opened, submits, samples, start = SESSIONS, 0, [], time.monotonic()
    round_number = 0
    while time.monotonic() - start < SECONDS or round_number < 3:
        for person in people:
            person.upload(round_number)
        for person in people:
            person.submit()
        for person in people:
            person.check()
        submits += len(people)
        round_number += 1
        samples.append({"t": time.monotonic() - start, "rss_mb": rss_mb(pid), "fds": open_fds(pid),
                        "temp_kb": folder_kb(temp), "sessions": opened})  # fmt: skip
        if round_number % RENEW_EVERY == 0:
            people.pop(0).close()
            people.append(Person(browser, server.url, uploads, opened))
            everyone.append(people[-1])
            opened += 1
    for person in people:
        person.close()

    deadline = time.monotonic() + 30  # ended sessions' files go after the TTL and a janitor pass
    while session_folders(temp) and time.monotonic() < deadline:
        time.sleep(0.5)
    leftover = session_folders(temp)
    with open(flags / "log.csv", newline="") as handle:
        flagged = list(csv.reader(handle))[1:]
    resubmits, repicks = sum(p.resubmits for p in everyone), sum(p.repicks for p in everyone)
    warm = samples[len(samples) // 3 :]
    figures = {
        "seconds": round(samples[-1]["t"], 1), "rounds": round_number, "requests": submits, "sessions_opened": opened,
        "errors": 0, "resubmits": resubmits, "repicks": repicks, "flags": len(flagged),
        "rss_mb_start": round(warm[0]["rss_mb"], 1), "rss_mb_end": round(warm[-1]["rss_mb"], 1),
        "rss_mb_band": round(max(s["rss_mb"] for s in warm) - min(s["rss_mb"] for s in warm), 1),
        "fds_start": warm[0]["fds"], "fds_end": warm[-1]["fds"], "fds_max": max(s["fds"] for s in samples),
        "temp_kb_max": round(max(s["temp_kb"] for s in samples)), "temp_kb_after_sessions_end": round(folder_kb(temp)),
    }  # fmt: skip
    print("\nsoak:", json.dumps(figures))
    if os.environ.get("STFACE_SOAK_REPORT"):
        Path(os.environ["STFACE_SOAK_REPORT"]).write_text(json.dumps({"figures": figures, "samples": samples}, indent=1))

    assert len(flagged) == submits  # one fn run, so one flag, per answer: no flag lost
    assert resubmits + repicks <= submits // 4  # clicks that got no answer (see the module docstring)
    assert leftover == []  # every ended session's files are gone
    assert figures["rss_mb_end"] - figures["rss_mb_start"] < 10 and figures["rss_mb_band"] < 15  # no upward trend
    # descriptors come and go with the browsers' keep-alive connections; a leak grows with every request
    assert max(s["fds"] for s in warm) - min(s["fds"] for s in samples) <= 3 * SESSIONS
    per_session_cap_kb = 32 * (4000 + 997 * SESSIONS + 13 * round_number) * 2 / 1024 + 64  # 32 of the largest WAVs
    assert figures["temp_kb_max"] < SESSIONS * per_session_cap_kb
