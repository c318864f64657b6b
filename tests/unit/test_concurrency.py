import threading
import time

import pytest

import stface as gr
from stface.concurrency import BUSY, Batcher, Gate, gate_for
from stface.progress import Progress, reporting_to


def test_gate_bounds_how_many_run_at_once():
    gate = Gate(limit=2, max_size=None)
    results = []

    def work(n):
        with gate.slot():
            time.sleep(0.05)
            results.append(n)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == list(range(8)) and gate.peak == 2


def test_past_max_size_waiters_get_a_busy_message():
    gate = Gate(limit=1, max_size=1)
    release = threading.Event()

    def hold():
        with gate.slot():
            release.wait(5)

    threads = [threading.Thread(target=hold, daemon=True) for _ in range(2)]  # one runs, one waits
    for thread in threads:
        thread.start()
        time.sleep(0.05)
    with pytest.raises(gr.Error, match=BUSY):
        with gate.slot():
            pass
    release.set()
    for thread in threads:
        thread.join(5)
    with gate.slot():  # the queue drained: room again
        pass


def test_gates_are_shared_per_interface_and_absent_without_a_limit():
    assert gate_for("k", None, None) is None
    assert gate_for("k", 2, None) is gate_for("k", 2, None)
    assert gr.Interface(str, "text", "text", concurrency_limit=3).concurrency == 3
    assert gr.Interface(str, "text", "text").concurrency is None
    assert gr.Interface(str, "text", "text").queue().concurrency == 1


def test_batcher_gathers_concurrent_calls_into_few_fn_calls():
    sizes = []

    def batched(texts):
        sizes.append(len(texts))
        return ([t.upper() for t in texts],)

    batcher = Batcher(batched, max_batch_size=16, window_s=0.2)
    results = {}
    threads = [threading.Thread(target=lambda n=n: results.__setitem__(n, batcher.submit([f"s{n}"]))) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {n: (f"S{n}",) for n in range(6)}
    assert len(sizes) <= 2 and sum(sizes) == 6


def test_batcher_errors_reach_every_caller():
    batcher = Batcher(lambda texts: 1 / 0, max_batch_size=4, window_s=0.01)
    with pytest.raises(ZeroDivisionError):
        batcher.submit(["x"])


def test_progress_reports_fractions_and_descriptions():
    seen = []
    progress = Progress()
    with reporting_to(lambda fraction, desc: seen.append((fraction, desc))):
        progress(0.25, desc="quarter")
        progress((3, 4))
        list(progress.tqdm(["a", "b"], desc="items"))
    assert seen == [(0.25, "quarter"), (0.75, None), (0.0, "items"), (0.5, "items"), (1.0, "items")]
    assert Progress()(2.0) == 2.0  # nothing listening: no error


def test_progress_parameters_are_not_inputs():
    def slow(text, progress=gr.Progress()):
        progress(0.5)
        return text

    demo = gr.Interface(slow, "text", "text")
    assert [c.label for c in demo.input_components] == ["text"]
    assert demo("x") == "x"
