"""gr.cache and gr.Cache: content-hashed keys, generators replayed, LRU limits, sessions kept apart."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading

import numpy as np
import pandas as pd
import pytest
from PIL import Image

import stface as gr
from stface.request import requested
from stface.tempfiles import Janitor


def _in_session(session_hash: str):
    return requested(gr.Request(session_hash=session_hash))


def test_a_hit_does_not_call_fn_again():
    calls = []

    @gr.cache
    def double(x, scale=2):
        calls.append(x)
        return x * scale

    assert [double(3), double(3), double(x=3), double(3, scale=2)] == [6, 6, 6, 6]
    assert calls == [3]  # positional, keyword and default arguments make one key
    assert double(4) == 8 and double(3, scale=3) == 9
    assert calls == [3, 4, 3]
    assert len(double.cache) == 3


def test_numpy_arrays_images_and_frames_are_keyed_by_content():
    calls = []

    @gr.cache
    def describe(value):
        calls.append(type(value).__name__)
        return len(calls)

    first = np.arange(12, dtype=np.uint8).reshape(3, 4)
    assert describe(first) == describe(first.copy()) == describe(np.ascontiguousarray(first[:, ::-1][:, ::-1])) == 1
    assert describe(first + 1) == 2  # other pixels
    assert describe(first.astype(np.int16)) == 3  # same numbers, another dtype

    red = Image.new("RGB", (4, 4), "red")
    assert describe(red) == describe(Image.new("RGB", (4, 4), "red")) == 4
    assert describe(Image.new("RGB", (4, 4), "blue")) == 5

    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    assert describe(frame) == describe(frame.copy()) == 6
    assert describe(frame.assign(a=[1, 3])) == 7
    assert calls == ["ndarray", "ndarray", "ndarray", "Image", "Image", "DataFrame", "DataFrame"]


def test_a_key_function_chooses_what_is_keyed():
    calls = []

    @gr.cache(key=lambda kw: kw["prompt"])
    def generate(prompt, seed=0):
        calls.append((prompt, seed))
        return f"{prompt}:{seed}"

    assert generate("hi", seed=1) == generate("hi", seed=2) == "hi:1"
    assert calls == [("hi", 1)]


def test_a_generator_is_replayed_from_the_cache():
    calls = []

    @gr.cache
    def stream(text):
        calls.append(text)
        words = []
        for word in text.split():
            words.append(word)
            yield words  # the same list, growing: each yield is kept as it was

    first = [list(x) for x in stream("a b c")]
    again = list(stream("a b c"))
    assert first == again == [["a"], ["a", "b"], ["a", "b", "c"]]
    assert calls == ["a b c"]


def test_async_functions_and_async_generators_are_cached():
    calls = []

    @gr.cache
    async def fetch(x):
        calls.append(("fetch", x))
        await asyncio.sleep(0)
        return x + 1

    @gr.cache
    async def count(n):
        calls.append(("count", n))
        for i in range(n):
            yield i

    async def run():
        return [await fetch(1), await fetch(1), [i async for i in count(3)], [i async for i in count(3)]]

    # On a thread of its own: in the full suite, Playwright's sync API keeps a loop running on this one.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, run()).result(timeout=30) == [2, 2, [0, 1, 2], [0, 1, 2]]
    assert calls == [("fetch", 1), ("count", 3)]


def test_least_recently_used_entries_go_past_max_size():
    calls = []

    @gr.cache(max_size=2)
    def square(x):
        calls.append(x)
        return x * x

    for x in [1, 2, 1, 3]:  # 1 was used after 2, so 2 is the one evicted by 3
        square(x)
    assert calls == [1, 2, 3] and len(square.cache) == 2
    square(1)
    assert calls == [1, 2, 3]
    square(2)
    assert calls == [1, 2, 3, 2]


def test_least_recently_used_entries_go_past_max_memory():
    calls = []

    @gr.cache(max_size=0, max_memory="2kb")
    def block(n):
        calls.append(n)
        return np.full(1000, n, dtype=np.uint8)  # 1000 bytes each

    for n in [1, 2, 3]:
        block(n)
    assert len(block.cache) == 2
    block(3), block(2)
    assert calls == [1, 2, 3]
    block(1)
    assert calls == [1, 2, 3, 1]


def test_sessions_are_kept_apart_with_per_session():
    calls = []

    @gr.cache(per_session=True)
    def answer(question):
        calls.append(question)
        return f"{question}#{len(calls)}"

    with _in_session("session-one"):
        assert answer("q") == answer("q") == "q#1"
    with _in_session("session-two"):
        assert answer("q") == "q#2"
    with _in_session("session-one"):
        assert answer("q") == "q#1"
    assert answer("q") == answer("q") == "q#3"  # outside a page: one shared scope
    assert calls == ["q", "q", "q"]


def test_without_per_session_sessions_share_entries():
    calls = []

    @gr.cache
    def answer(question):
        calls.append(question)
        return question

    with _in_session("session-one"):
        answer("q")
    with _in_session("session-two"):
        answer("q")
    assert calls == ["q"]


def test_the_entries_of_ended_sessions_are_dropped_when_a_new_session_arrives():
    cache = gr.Cache(per_session=True)
    live = {"session-one", "session-two"}
    before, grace = Janitor.session_active, Janitor.grace_s
    # What the server tells the janitor; no grace period for a lost session to come back.
    Janitor.session_active, Janitor.grace_s = staticmethod(lambda session: session in live), 0.0
    try:
        with _in_session("session-one"):
            cache.set("k", v=1)
        with _in_session("session-two"):
            cache.set("k", v=2)
        live.discard("session-one")
        with _in_session("session-three"):
            cache.set("k", v=3)
        assert len(cache) == 2
        with _in_session("session-one"):
            assert cache.get("k") is None
        with _in_session("session-two"):
            assert cache.get("k") == {"v": 2}
    finally:
        Janitor.session_active, Janitor.grace_s = staticmethod(before), grace


def test_a_manual_cache_gets_sets_lists_and_clears():
    cache = gr.Cache(max_size=2)
    assert cache.get("missing") is None
    key = np.array([1, 2, 3])
    cache.set(key, kv=[1, 2], text="a")
    assert cache.get(np.array([1, 2, 3])) == {"kv": [1, 2], "text": "a"}
    cache.set("b", n=1)
    cache.set("c", n=2)  # evicts the array
    assert cache.keys() == ["b", "c"] and len(cache) == 2
    cache.clear()
    assert len(cache) == 0 and cache.keys() == []


def test_a_manual_per_session_cache_lists_only_this_sessions_keys():
    cache = gr.Cache(per_session=True)
    with _in_session("one"):
        cache.set("mine", v=1)
    with _in_session("two"):
        cache.set("theirs", v=2)
        assert cache.keys() == ["theirs"] and cache.get("mine") is None
    with _in_session("one"):
        assert cache.keys() == ["mine"] and cache.get("mine") == {"v": 1}


def test_a_cache_default_is_given_to_fn_and_is_not_an_input():
    calls = []

    def generate(prompt, c=gr.Cache()):
        hit = c.get(prompt)
        if hit is not None:
            return hit["text"]
        calls.append(prompt)
        c.set(prompt, text=prompt.upper())
        return prompt.upper()

    demo = gr.Interface(generate, "text", "text")
    assert [c.label for c in demo.input_components] == ["prompt"]
    assert demo("hi") == demo("hi") == "HI"
    assert calls == ["hi"]


def test_gr_cache_at_run_time_reuses_one_cache_per_function():
    calls = []

    def retrieve(query):
        calls.append(query)
        return [query]

    assert gr.cache(retrieve) is gr.cache(retrieve)
    assert gr.cache(retrieve)("q") == gr.cache(retrieve)("q") == ["q"]
    assert calls == ["q"]
    assert gr.cache(retrieve, max_size=3) is not gr.cache(retrieve)  # other settings, another cache


def test_threads_share_one_consistent_cache():
    @gr.cache(max_size=50)
    def work(n):
        return n * 2

    errors = []

    def hammer(offset):
        try:
            for n in range(200):
                assert work((n + offset) % 80) == ((n + offset) % 80) * 2
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=hammer, args=(i * 7,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(work.cache) == 50


def test_bad_settings_and_unhashable_inputs_say_what_to_do():
    with pytest.raises(ValueError, match="max_memory must be"):
        gr.cache(max_memory="12 parsecs")
    with pytest.raises(ValueError, match="max_size must be"):
        gr.Cache(max_size=-1)
    with pytest.raises(TypeError, match=r"gr\.cache\(fn\)\(\*args\)"):
        gr.cache(42)

    class Opaque:
        __slots__ = ()
        __hash__ = None  # type: ignore[assignment]

    @gr.cache
    def use(value):
        return value

    with pytest.raises(TypeError, match="cannot hash an object of type Opaque"):
        use(Opaque())


def test_a_request_argument_is_keyed_by_its_session():
    calls = []

    @gr.cache
    def greet(name, request: gr.Request):
        calls.append(request.session_hash)
        return f"{name} in {request.session_hash}"

    assert greet("Ada", gr.Request(session_hash="one")) == greet("Ada", gr.Request(session_hash="one")) == "Ada in one"
    assert greet("Ada", gr.Request(session_hash="two")) == "Ada in two"
    assert calls == ["one", "two"]


def test_inputs_that_refer_to_themselves_ask_for_a_key_function():
    class Node:
        __hash__ = None  # type: ignore[assignment]

    node = Node()
    node.me = node

    @gr.cache
    def use(value):
        return value

    with pytest.raises(TypeError, match="key= function"):
        use(node)
