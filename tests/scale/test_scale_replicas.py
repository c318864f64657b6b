"""`make scale-test`: 50 Chromium sessions on two `stface launch` replicas behind Debian's nginx, flagging into one
PostgreSQL (gr.SQLLogger); one replica is killed mid-run.

PostgreSQL is a throwaway cluster of Debian's package (tests/support/postgres.py), nginx runs deploy/nginx.conf
(tests/support/nginx.py). Every session (its own browser context) opens the page through nginx, submits and flags
three times; at most ``STFACE_SCALE_CONCURRENCY`` (10) sessions act at once, while all of them stay connected. Round
1 runs on both replicas; in round 2, once a third of the sessions have answered, the replica holding more sessions
is killed (SIGKILL) while the others keep submitting; round 3 runs on the survivor alone.

Checked: every answer is the right one (the reversed text) from the session's own replica (sticky) until the
kill, and from the survivor afterwards; every session of the dead replica reconnects without a reload, shows
stface's notice that its earlier results are gone, and its next submit and flag land; every flag of all three rounds
is a row in PostgreSQL. A submit or flag under way when the replica died is done again, as the notice asks
(counted: ``interrupted``; a flag interrupted after its row was written may leave a second row).

Measured (printed, and written to ``STFACE_SCALE_REPORT``, bench/results/scale.json under `make scale-test`):
sessions held at once (per replica, from Streamlit's /_stcore/metrics), p50/p95 of submit latency (click to the
answer shown in the page), and the kill's cost: kill -> the page's notice (reconnected into a new session), and
kill -> the first right answer on the survivor to a session of the dead replica.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import re
import statistics
import textwrap
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from e2e_support import CHROMIUM, CHROMIUM_ARGS

from stface.runtime.reconnect import MOVED_MESSAGE

pytestmark = pytest.mark.e2e

SESSIONS = int(os.environ.get("STFACE_SCALE_SESSIONS", "50"))
CONCURRENCY = int(os.environ.get("STFACE_SCALE_CONCURRENCY", "10"))
ROUNDS = 3
NOTICE = MOVED_MESSAGE.split("**")[1]  # the notice's bold first sentence

APP = """
import os
import stface as gr

def answer(text):
    return f"{text[::-1]} from replica {os.getpid()}"

demo = gr.Interface(answer, gr.Textbox(label="text"), gr.Textbox(label="out"), title="Scale",
                    flagging_mode="manual", flagging_callback=gr.SQLLogger(os.environ["STFACE_FLAGS_URL"], verbose=False))
"""

_IDLE = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  return !!app && app.dataset.testConnectionState === "CONNECTED" && app.dataset.testScriptState === "notRunning";
}"""
_NOTICE_SHOWN = (
    "(notice) => [...document.querySelectorAll(\"[data-testid='stAlert']\")].some(a => a.textContent.includes(notice))"
)
# After Submit: "moved" when the notice shows (the session was lost), else the output once it differs from before.
_ANSWERED = f"""([before, notice]) => {{
  if (notice && ({_NOTICE_SHOWN})(notice)) return "moved";
  const out = document.querySelector("[data-testid='stTextArea'] textarea");
  const value = out ? out.value : "";
  return value && value !== before ? value : false;
}}"""
_FLAG_READY = f"""(notice) => {{
  if (notice && ({_NOTICE_SHOWN})(notice)) return "moved";
  return [...document.querySelectorAll("button")].some(b => b.textContent.trim() === "Flag") ? "ready" : false;
}}"""
_STATE = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  const out = document.querySelector("[data-testid='stTextArea'] textarea");
  return {connection: app.dataset.testConnectionState, script: app.dataset.testScriptState, out: out ? out.value : null,
          alerts: [...document.querySelectorAll("[data-testid='stAlert']")].map(a => a.textContent.slice(0, 60)),
          move: window.__stfaceMove || null};
}"""
_FLAGGED = f"""(notice) => {{
  if (notice && ({_NOTICE_SHOWN})(notice)) return "moved";
  const captions = [...document.querySelectorAll("[data-testid='stCaptionContainer']")];
  return captions.some(c => c.textContent.includes("Flagged. Thank you!")) ? "flagged" : false;
}}"""
# Installed in the doomed replica's pages just before the kill: when each saw its connection drop, come back, and
# stface's notice appear (Date.now(), milliseconds since the epoch, as time.time() in the test).
_WATCH = f"""(notice) => {{
  const app = document.querySelector("[data-testid='stApp']");
  window.__stfaceMove = {{}};
  const note = (name) => {{ if (!(name in window.__stfaceMove)) window.__stfaceMove[name] = Date.now(); }};
  const look = () => {{
    if (app.dataset.testConnectionState !== "CONNECTED") note("lost");
    else if ("lost" in window.__stfaceMove) note("reconnected");
    if (({_NOTICE_SHOWN})(notice)) note("notice");
  }};
  new MutationObserver(look).observe(app, {{attributes: true, childList: true, subtree: true, characterData: true}});
}}"""


class Interrupted(Exception):
    """The session's replica died under this submit or flag: the person does it again."""


@dataclass
class Session:
    number: int
    page: object = None
    home: str | None = None  # the replica (pid) that answered first
    moved: bool = False  # its replica died and the page is on the survivor
    recovered_at: float | None = None  # time.time() of its first right answer from the survivor
    interrupted: int = 0
    flag_interrupted: int = 0
    move: dict = field(default_factory=dict)  # when its page lost the replica, reconnected, showed the notice


@dataclass
class Run:
    url: str
    replicas: dict[str, object]  # pid -> Server
    killed: str | None = None
    survivor: str | None = None
    killed_at: float | None = None  # time.time()
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"two replicas": [], "one replica": []})
    answered: int = 0
    errors: list[str] = field(default_factory=list)
    flagged: list[str] = field(default_factory=list)
    diagnostics: list[str] = field(default_factory=list)

    def may_have_moved(self, session: Session) -> bool:
        return self.killed is not None and session.home == self.killed and session.recovered_at is None


async def wait_idle(page, timeout: float = 60_000) -> None:
    await page.wait_for_function(_IDLE, timeout=timeout, polling=50)


async def open_session(browser, run: Run, number: int) -> Session:
    context = await browser.new_context()
    page = await context.new_page()
    page.set_default_timeout(60_000)
    await page.goto(run.url)
    await wait_idle(page)
    await page.get_by_label("text").wait_for()
    return Session(number, page)


async def click(run: Run, session: Session, name: str) -> None:
    """Click a button once it can be clicked; Interrupted if meanwhile the page says its session was lost.

    Short tries (a Playwright click that times out is over: it never lands later), between which the notice is
    looked for: after a move, the button Playwright waits for may be gone from the new session's page.
    """
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    button = session.page.get_by_role("button", name=name, exact=True)
    for _ in range(12):
        try:
            await button.click(timeout=5_000)
            return
        except PlaywrightTimeout:
            if not session.moved and await session.page.evaluate(_NOTICE_SHOWN, NOTICE):
                note_move(run, session)
                raise Interrupted from None
    raise AssertionError(f"session {session.number}: {name} could not be clicked for a minute")


def note_move(run: Run, session: Session) -> None:
    if not session.moved and run.may_have_moved(session):
        session.moved = True


async def ask(run: Run, session: Session, round_number: int) -> None:
    """Type, Submit, and wait for the right answer from the right replica (or learn that the replica died)."""
    page, text = session.page, f"session {session.number} round {round_number}"
    await wait_idle(page)
    if await page.evaluate(_NOTICE_SHOWN, NOTICE):
        note_move(run, session)
    before = await page.locator("[data-testid='stTextArea'] textarea").input_value()
    await page.get_by_label("text").fill(text)
    started, clock = time.monotonic(), time.time()
    await click(run, session, "Submit")
    notice = None if session.moved else NOTICE
    handle = await page.wait_for_function(_ANSWERED, arg=[before, notice], polling=50, timeout=45_000)
    value = await handle.json_value()
    latency = time.monotonic() - started
    if value == "moved":
        note_move(run, session)
        raise Interrupted
    found = re.fullmatch(r"(.*) from replica (\d+)", value)
    if not found or found.group(1) != text[::-1]:
        if run.may_have_moved(session):  # the new session started from empty inputs under this click
            note_move(run, session)
            raise Interrupted
        run.errors.append(f"session {session.number}: asked {text!r}, shown {value!r}")
        return
    pid = found.group(2)
    session.home = session.home or pid
    if run.killed is not None and session.home == run.killed and pid == run.survivor:
        session.moved = True  # its replica died: from now on the survivor answers
        session.recovered_at = session.recovered_at or time.time()
    elif pid != session.home:
        run.errors.append(f"session {session.number}: answered by replica {pid}, its replica is {session.home}")
    phase = "one replica" if run.killed_at is not None and clock > run.killed_at else "two replicas"
    run.latencies[phase].append(latency)
    run.answered += 1


async def flag(run: Run, session: Session, round_number: int) -> None:
    page = session.page
    await wait_idle(page)  # the answer's run has finished: its Flag button is live
    ready = await page.wait_for_function(_FLAG_READY, arg=None if session.moved else NOTICE, polling=50)
    if await ready.json_value() == "moved":
        note_move(run, session)
        raise Interrupted
    await click(run, session, "Flag")
    handle = await page.wait_for_function(_FLAGGED, arg=None if session.moved else NOTICE, polling=50, timeout=30_000)
    if await handle.json_value() == "moved":
        note_move(run, session)
        raise Interrupted
    run.flagged.append(f"session {session.number} round {round_number}")


async def submit_and_flag(run: Run, session: Session, round_number: int) -> None:
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    for _ in range(4):
        flagging = False
        try:
            await ask(run, session, round_number)
            flagging = True
            await flag(run, session, round_number)
            return
        except (Interrupted, PlaywrightTimeout) as error:
            if isinstance(error, PlaywrightTimeout):
                state = await session.page.evaluate(_STATE)
                run.diagnostics.append(f"session {session.number} round {round_number} flagging={flagging}: {state}")
                if not run.may_have_moved(session):
                    raise
            session.interrupted += 1
            session.flag_interrupted += flagging  # its row may be written already
            note_move(run, session)
    raise AssertionError(f"session {session.number} round {round_number}: no answer after 4 tries")


def active_sessions(port: int) -> int:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/metrics?families=active_sessions", timeout=10) as r:
        text = r.read().decode()
    return sum(int(float(line.split()[-1])) for line in text.splitlines() if line.startswith("active_sessions"))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def drive(run: Run, figures: dict) -> list[Session]:
    from playwright.async_api import async_playwright

    gate = asyncio.Semaphore(CONCURRENCY)

    async def guarded(coroutine):
        async with gate:
            return await coroutine

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        started = time.monotonic()
        sessions = list(await asyncio.gather(*(guarded(open_session(browser, run, n)) for n in range(SESSIONS))))
        figures["open_s"] = round(time.monotonic() - started, 1)

        await asyncio.gather(*(guarded(submit_and_flag(run, s, 1)) for s in sessions))
        held = {pid: active_sessions(server.port) for pid, server in run.replicas.items()}
        connected = sum([await s.page.evaluate(_IDLE) for s in sessions])
        figures["sessions_held"] = {"browsers_connected": connected, "per_replica": list(held.values())}
        assert connected == SESSIONS and sum(held.values()) == SESSIONS, figures["sessions_held"]
        homes = [s.home for s in sessions]
        assert all(homes.count(pid) for pid in run.replicas), f"one replica got every session: {homes}"

        # Round 2: kill the busier replica once a third of the sessions have answered, while the rest submit.
        doomed = max(run.replicas, key=homes.count)
        run.survivor = next(pid for pid in run.replicas if pid != doomed)
        done_before = run.answered
        moving = [s for s in sessions if s.home == doomed]

        async def kill_mid_run() -> None:
            while run.answered - done_before < SESSIONS // 3:
                await asyncio.sleep(0.05)
            await asyncio.gather(*(s.page.evaluate(_WATCH, NOTICE) for s in moving))
            run.killed_at = time.time()
            run.replicas[doomed].process.kill()
            run.killed = doomed
            run.replicas[doomed].process.wait(10)

        await asyncio.gather(kill_mid_run(), *(guarded(submit_and_flag(run, s, 2)) for s in sessions))
        for session in moving:  # even those whose turn came late: their pages had reconnected on their own
            session.move = await session.page.evaluate("() => window.__stfaceMove")
        await asyncio.gather(*(guarded(submit_and_flag(run, s, 3)) for s in sessions))
        figures["survivor_sessions"] = active_sessions(run.replicas[run.survivor].port)
        await browser.close()
    return sessions


def test_fifty_sessions_on_two_replicas_survive_a_replica_kill(tmp_path, launch_app, nginx_proxy, postgres):
    url = postgres.create_database()
    database = url.rsplit("/", 1)[1]
    app = tmp_path / "scale_app.py"
    app.write_text(textwrap.dedent(APP))
    env = {"STFACE_FLAGS_URL": url}
    servers = [launch_app(app, "--no-reload", env=env), launch_app(app, "--no-reload", env=env)]
    proxy = nginx_proxy([server.port for server in servers])
    run = Run(proxy.url, {str(server.process.pid): server for server in servers})
    figures: dict = {"date": date.today().isoformat(), "sessions": SESSIONS, "concurrency": CONCURRENCY,
                     "rounds": ROUNDS, "machine": f"{os.cpu_count()} cores {platform.machine()}"}  # fmt: skip
    started = time.monotonic()
    sessions = asyncio.run(drive(run, figures))
    figures["seconds"] = round(time.monotonic() - started, 1)

    moved = [s for s in sessions if s.home == run.killed]
    rows = [line.split("|") for line in postgres.psql("SELECT text, out FROM flags", database=database).splitlines()]
    expected = {f"session {n} round {r}" for n in range(SESSIONS) for r in range(1, ROUNDS + 1)}
    all_latencies = [v for values in run.latencies.values() for v in values]
    notice_s = [(s.move["notice"] / 1000 - run.killed_at) for s in moved if "notice" in s.move]
    reconnected_s = [(s.move["reconnected"] / 1000 - run.killed_at) for s in moved if "reconnected" in s.move]
    recovery_s = [s.recovered_at - run.killed_at for s in moved if s.recovered_at]
    in_flight = [s for s in moved if s.interrupted]
    figures.update({
        "answers": run.answered, "wrong_answers": len(run.errors), "flags_confirmed": len(run.flagged),
        "flag_rows": len(rows), "distinct_flagged": len({text for text, _ in rows} & expected),
        "sessions_on_killed_replica": len(moved), "notices_shown": len(notice_s),
        "interrupted_in_flight": len(in_flight), "flag_interrupted": sum(s.flag_interrupted for s in sessions),
        "submit_latency_ms": {phase: {"p50": round(1000 * percentile(v, 0.5)), "p95": round(1000 * percentile(v, 0.95)),
                                      "n": len(v)} for phase, v in {**run.latencies, "all": all_latencies}.items() if v},
        "kill_to_reconnected_s": {"p50": round(statistics.median(reconnected_s), 2), "max": round(max(reconnected_s), 2)},
        "kill_to_notice_s": {"p50": round(statistics.median(notice_s), 2), "max": round(max(notice_s), 2)},
        "kill_to_first_answer_on_survivor_s": round(min(recovery_s), 2),
        "kill_to_answer_for_sessions_in_flight_s": sorted(round(s.recovered_at - run.killed_at, 2) for s in in_flight),
        "errors": run.errors,
    })  # fmt: skip
    figures["timeouts"] = run.diagnostics  # each wait that timed out (only a moved session's may), with its page
    print("\nscale:", json.dumps(figures, indent=1))
    if os.environ.get("STFACE_SCALE_REPORT"):
        Path(os.environ["STFACE_SCALE_REPORT"]).write_text(json.dumps(figures, indent=1) + "\n")

    assert run.errors == []  # every answer right, from the session's own replica, then from the survivor
    assert sorted(run.flagged) == sorted(expected)  # every session flagged every round, the page said so
    assert {text for text, _ in rows} == expected  # and each of those flags is a row in PostgreSQL
    assert len(rows) - len(expected) <= figures["flag_interrupted"]  # a second row only for a flag cut short
    for text, out in rows:
        assert out.startswith(text[::-1] + " from replica "), (text, out)
    assert len(notice_s) == len(moved) and all(s.recovered_at for s in moved)  # every moved page said so, then worked
    assert figures["survivor_sessions"] == SESSIONS  # the survivor holds every session
