"""``gr.cache`` and ``gr.Cache``: Gradio 6's caches of fn results, keyed by the content of fn's inputs.

``@gr.cache`` wraps fn (sync or async, a function or a generator, whose
yields are replayed on a hit); ``gr.Cache()`` as a parameter's default value
is a cache fn fills and reads itself. Inputs are hashed by content (numpy
arrays, PIL images and pandas frames by their data), entries are evicted
least recently used past ``max_size`` entries or ``max_memory`` bytes, and
``per_session=True`` keeps each browser session's entries apart (outside a
page, ``demo(...)`` calls share one scope).

Example:
    >>> import stface as gr
    >>> calls = []
    >>> @gr.cache
    ... def double(x):
    ...     calls.append(x)
    ...     return 2 * x
    >>> double(21), double(21), calls
    (42, 42, [21])
"""

from __future__ import annotations

import copy
import functools
import inspect
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from stface._content_hash import cache_hash, estimate_size, parse_size

__all__ = ["Cache", "cache", "cache_hash"]


def _session_hash() -> str | None:
    """The browser session of the request fn answers (None outside a page)."""
    from stface.request import current_request  # set by ``requested(...)`` around each page run of fn

    request = current_request()
    return None if request is None else request.session_hash


def _ended(session: str, last_used: float) -> bool:
    """A session gone from the server for longer than it may come back (the temp-file janitor's rule)."""
    from stface.tempfiles import Janitor

    idle = time.monotonic() - last_used
    return session != "_global" and idle > Janitor.grace_s and not Janitor.session_active(session)


def _limits(max_size: int, max_memory: str | int | None) -> tuple[int, int | None]:
    """Checked ``max_size`` and ``max_memory`` in bytes."""
    if isinstance(max_size, bool) or not isinstance(max_size, int) or max_size < 0:
        raise ValueError(f"max_size must be a whole number of entries, 0 for no limit; got {max_size!r}.")
    return max_size, parse_size(max_memory)


class _CacheStore:
    """LRU entries by key hash, thread-safe; per session, keys are prefixed with the session hash."""

    def __init__(self, max_size: int = 128, max_memory: str | int | None = None, per_session: bool = False) -> None:
        self._max_size, self._max_memory = _limits(max_size, max_memory)
        self._per_session = bool(per_session)
        self._entries: OrderedDict[str, dict] = OrderedDict()
        self._sizes: dict[str, int] = {}
        self._total = 0
        self._sessions: dict[str, float] = {}  # per session: when its entries were last used
        self._lock = threading.Lock()

    def _prefix(self, session: str | None = None) -> str:
        return f"{session or _session_hash() or '_global'}:"

    def _full_key(self, key_hash: str) -> str:
        return f"{self._prefix()}{key_hash}" if self._per_session else key_hash

    def get(self, key_hash: str) -> dict | None:
        full_key = self._full_key(key_hash)
        with self._lock:
            if full_key not in self._entries:
                return None
            self._entries.move_to_end(full_key)
            if self._per_session:
                self._sessions[full_key.split(":", 1)[0]] = time.monotonic()
            return self._entries[full_key]

    def put(self, key_hash: str, **entry: Any) -> None:
        full_key = self._full_key(key_hash)
        size = estimate_size(entry) if self._max_memory is not None else 0
        with self._lock:
            self._total += size - self._sizes.get(full_key, 0)
            self._entries[full_key] = entry
            self._entries.move_to_end(full_key)
            self._sizes[full_key] = size
            if self._per_session:
                session = full_key.split(":", 1)[0]
                if session not in self._sessions:
                    self._forget_ended_sessions()
                self._sessions[session] = time.monotonic()
            self._evict()

    def _forget_ended_sessions(self) -> None:
        """Gradio clears a session's entries when it disconnects; stface, when a new session arrives."""
        for session in [s for s, used in self._sessions.items() if _ended(s, used)]:
            del self._sessions[session]
            self._drop(f"{session}:")

    def _drop(self, prefix: str) -> None:
        for key in [k for k in self._entries if k.startswith(prefix)]:
            del self._entries[key]
            self._total -= self._sizes.pop(key, 0)

    def _evict(self) -> None:
        while self._entries:
            over_count = self._max_size > 0 and len(self._entries) > self._max_size
            over_memory = self._max_memory is not None and self._total > self._max_memory and len(self._entries) > 1
            if not (over_count or over_memory):
                return
            key, _ = self._entries.popitem(last=False)
            self._total -= self._sizes.pop(key, 0)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._sizes.clear()
            self._total = 0

    def clear_session(self, session_hash: str | None = None) -> None:
        if self._per_session:
            with self._lock:
                self._drop(self._prefix(session_hash))

    def keys(self) -> list[Any]:
        with self._lock:
            prefix = self._prefix() if self._per_session else ""
            return [entry.get("_key") for key, entry in self._entries.items() if key.startswith(prefix)]

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


def _make_wrapper(func: Callable, store: _CacheStore, key: Callable | None) -> Callable:
    """func, answering from ``store`` when it has seen the same arguments (by content)."""
    signature = inspect.signature(func)

    def lookup(args: tuple, kwargs: dict) -> tuple[dict, str, dict | None]:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        normalized = dict(bound.arguments)
        key_hash = cache_hash(key(normalized) if key is not None else normalized)
        return normalized, key_hash, store.get(key_hash)

    def call(normalized: dict) -> Any:
        bound = inspect.BoundArguments(signature, OrderedDict(normalized))  # *args and positional-only kept
        return func(*bound.args, **bound.kwargs)

    if inspect.isgeneratorfunction(func):

        @functools.wraps(func)
        def sync_gen_wrapper(*args: Any, **kwargs: Any) -> Any:
            normalized, key_hash, entry = lookup(args, kwargs)
            if entry is not None:
                yield from entry["yields"]
                return
            yields = []
            for value in call(normalized):
                yields.append(copy.deepcopy(value))
                yield value
            store.put(key_hash, yields=yields)

        wrapper: Callable = sync_gen_wrapper
    elif inspect.isasyncgenfunction(func):

        @functools.wraps(func)
        async def async_gen_wrapper(*args: Any, **kwargs: Any) -> Any:
            normalized, key_hash, entry = lookup(args, kwargs)
            if entry is not None:
                for value in entry["yields"]:
                    yield value
                return
            yields = []
            async for value in call(normalized):
                yields.append(copy.deepcopy(value))
                yield value
            store.put(key_hash, yields=yields)

        wrapper = async_gen_wrapper
    elif inspect.iscoroutinefunction(func):

        @functools.wraps(func)
        async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
            normalized, key_hash, entry = lookup(args, kwargs)
            if entry is not None:
                return entry["value"]
            result = await call(normalized)
            store.put(key_hash, value=result)
            return result

        wrapper = async_wrapper
    else:

        @functools.wraps(func)
        def sync_wrapper(*args: Any, **kwargs: Any) -> Any:
            normalized, key_hash, entry = lookup(args, kwargs)
            if entry is not None:
                return entry["value"]
            result = call(normalized)
            store.put(key_hash, value=result)
            return result

        wrapper = sync_wrapper
    wrapper.cache = store  # type: ignore[attr-defined]
    return wrapper


# ``gr.cache(fn)(...)`` may run on every request: one wrapper (and store) per
# function and settings, kept in a bounded LRU so made-on-the-fly callables
# cannot grow it without limit. A wrapper holds its function, so ids stay unique.
_WRAPPERS_MAX = 1024
_wrappers: OrderedDict[tuple[Any, ...], Callable] = OrderedDict()
_wrappers_lock = threading.Lock()


def cache(
    fn: Callable | None = None,
    *,
    key: Callable | None = None,
    max_size: int = 128,
    max_memory: str | int | None = None,
    per_session: bool = False,
) -> Callable:
    """Cache fn's results by the content of its inputs (Gradio 6's ``gr.cache``).

    Works on sync and async functions and generators (a generator's yields
    are kept and replayed on a hit). Use it as ``@gr.cache``,
    ``@gr.cache(max_size=256, per_session=True)``, or at run time as
    ``gr.cache(fn)(*args)``, which reuses one cache per function and settings.
    A ``gr.Request`` argument is keyed by its session and user (Gradio keys
    it by the request object, so there such a fn never hits).

    Args:
        fn: the function to cache (None when used as ``@gr.cache(...)``).
        key: receives fn's arguments as a dict and returns what to key on,
            e.g. ``lambda kw: kw["prompt"]``.
        max_size: most entries kept, least recently used evicted first (0: no limit).
        max_memory: most bytes kept (``"512mb"``, ``"2gb"`` or an int); None: no limit.
        per_session: keep each browser session's entries apart.

    Example:
        >>> import stface as gr
        >>> @gr.cache(max_size=2)
        ... def count(text):
        ...     yield from text
        >>> list(count("ab")), list(count("ab")), len(count.cache)
        (['a', 'b'], ['a', 'b'], 1)
    """

    max_size, memory = _limits(max_size, max_memory)

    def decorator(func: Callable) -> Callable:
        registry_key = (id(func), id(key) if key is not None else None, max_size, memory, per_session)
        with _wrappers_lock:
            wrapper = _wrappers.get(registry_key)
            if wrapper is None:
                wrapper = _make_wrapper(func, _CacheStore(max_size, memory, per_session), key)
                _wrappers[registry_key] = wrapper
                while len(_wrappers) > _WRAPPERS_MAX:
                    _wrappers.popitem(last=False)
            _wrappers.move_to_end(registry_key)
            return wrapper

    if fn is not None:
        if not callable(fn):
            raise TypeError(
                "gr.cache(...) expected a function. Use gr.cache(fn)(*args) instead of gr.cache(fn(*args))."
            )
        return decorator(fn)
    return decorator


class Cache:
    """A cache fn fills and reads itself (Gradio 6's ``gr.Cache``).

    Give fn a parameter whose default is ``gr.Cache(...)``: it is not an
    input, and fn gets that cache on every call, as in Gradio. Keys are
    hashed by content like ``gr.cache``'s; ``per_session=True`` keeps each
    browser session's entries apart.

    Args:
        max_size: most entries kept, least recently used evicted first (0: no limit).
        max_memory: most bytes kept (``"512mb"``, ``"2gb"`` or an int); None: no limit.
        per_session: keep each browser session's entries apart.

    Example:
        >>> import stface as gr
        >>> def generate(prompt, c=gr.Cache(max_size=8)):
        ...     hit = c.get(prompt)
        ...     if hit is not None:
        ...         return hit["text"] + " (cached)"
        ...     c.set(prompt, text=prompt.upper())
        ...     return prompt.upper()
        >>> demo = gr.Interface(generate, "text", "text")
        >>> demo("hi"), demo("hi"), len(demo.input_components)
        ('HI', 'HI (cached)', 1)
    """

    def __init__(self, *, max_size: int = 128, max_memory: str | int | None = None, per_session: bool = False) -> None:
        self._store = _CacheStore(max_size, max_memory, per_session)

    def get(self, key: Any) -> dict | None:
        """The data stored under ``key`` (a dict), or None on a miss."""
        entry = self._store.get(cache_hash(key))
        return None if entry is None else {k: v for k, v in entry.items() if k != "_key"}

    def set(self, key: Any, **data: Any) -> None:
        """Store keyword ``data`` under ``key``."""
        self._store.put(cache_hash(key), _key=key, **data)

    def keys(self) -> list[Any]:
        """The keys stored (this session's, for a per-session cache)."""
        return self._store.keys()

    def clear(self) -> None:
        """Remove every entry."""
        self._store.clear()

    def __len__(self) -> int:
        return len(self._store)

    def __repr__(self) -> str:
        return (
            f"gr.Cache(max_size={self._store._max_size}, per_session={self._store._per_session}, entries={len(self)})"
        )
