"""Gradio's HTTP API, called with the real gradio_client: stface beside Gradio 6, same function, one run.

Both serve bench/apps/reverse_*.py (reverse a string). Measured:
- round trip: ``Client.predict`` one call at a time, alternating between the
  systems, median of ROUNDS;
- throughput: CALLERS threads, each with its own Client, making CALLS calls
  each at once; calls per second over the whole burst (median of BURSTS).

Run with `make bench` or `python bench/api.py`; results go to bench/results/api.json.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from browser import HERE, Server

ROUNDS, CALLERS, CALLS, BURSTS = 40, 20, 10, 3
APPS = HERE / "apps"
COMMANDS = {
    "stface": lambda port: [sys.executable, "-m", "stface", "launch", str(APPS / "reverse_stface.py"), "--port", str(port), "--no-reload"],
    "gradio": lambda port: [sys.executable, str(APPS / "reverse_gradio.py"), str(port)],
}


def client(url: str):
    from gradio_client import Client

    return Client(url, verbose=False)


def round_trips(clients: dict) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {system: [] for system in clients}
    for number in range(ROUNDS):
        for system, caller in clients.items():
            text = f"round {number}"
            start = time.perf_counter()
            answer = caller.predict(text, api_name="/reverse")
            times[system].append(time.perf_counter() - start)
            assert answer == text[::-1], (system, answer)
    return times


def burst(url: str) -> float:
    callers = [client(url) for _ in range(CALLERS)]

    def work(index: int) -> None:
        for call in range(CALLS):
            text = f"caller {index} call {call}"
            assert callers[index].predict(text, api_name="/reverse") == text[::-1]

    start = time.perf_counter()
    with ThreadPoolExecutor(CALLERS) as pool:
        list(pool.map(work, range(CALLERS)))
    return CALLERS * CALLS / (time.perf_counter() - start)


def main() -> None:
    servers = {system: Server(system, make) for system, make in COMMANDS.items()}
    try:
        for server in servers.values():
            server.wait_http()
        clients = {system: client(server.url) for system, server in servers.items()}
        times = round_trips(clients)
        rates: dict[str, list[float]] = {system: [] for system in servers}
        for _ in range(BURSTS):  # interleaved, so that both meet the same machine
            for system, server in servers.items():
                rates[system].append(burst(server.url))
    finally:
        for server in servers.values():
            server.stop()
    report(times, rates)


def report(times: dict[str, list[float]], rates: dict[str, list[float]]) -> None:
    results = {s: {"round_trip_ms": statistics.median(times[s]) * 1000, "calls_per_s": statistics.median(rates[s])} for s in times}
    print(f"{'system':<8} {'predict p50':>12} {f'{CALLERS} callers':>14}")
    for system, row in results.items():
        print(f"{system:<8} {row['round_trip_ms']:>9.1f} ms {row['calls_per_s']:>9.0f} /s")
    ratio_time = results["stface"]["round_trip_ms"] / results["gradio"]["round_trip_ms"]
    ratio_rate = results["stface"]["calls_per_s"] / results["gradio"]["calls_per_s"]
    print(f"stface/gradio: round trip x{ratio_time:.2f} (lower is better), throughput x{ratio_rate:.2f} (higher is better)")
    out = HERE / "results" / "api.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"results": results, "ratios": {"round_trip": ratio_time, "throughput": ratio_rate},
                               "rounds": ROUNDS, "callers": CALLERS, "calls": CALLS}, indent=1))  # fmt: skip


if __name__ == "__main__":
    main()
