"""Loading an app file once per server process.

``stface launch app.py`` and exported entrypoints import app.py here rather
than executing it as the Streamlit script, so that its module-level code (a
model load!) runs once per process instead of once per rerun. While app.py is
imported, ``launch()`` only records which interface it was called on.

The module is registered in ``sys.modules`` under a private name with its real
``__file__``, so Streamlit's file watcher (told to watch the app's folder)
notices edits; the next run sees a new modification time and executes the
edited file again, in the same module namespace with ``gr.NO_RELOAD`` false,
so that code under ``if gr.NO_RELOAD:`` runs once and its names stay.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from stface.runtime.heap import thaw
from stface.runtime.launcher import capturing_launches

__all__ = ["LoadedApp", "find_interface", "load_app"]

_CONVENTIONAL_NAMES = ("demo", "app", "iface", "interface", "io")
_cache: dict[str, tuple[int, ModuleType, list]] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class LoadedApp:
    path: str
    mtime_ns: int
    module: ModuleType
    interface: object


def load_app(path: str | os.PathLike, name: str | None = None) -> LoadedApp:
    """Import ``path`` (once per process and modification) and find its interface."""
    resolved = str(Path(path).resolve())
    try:
        mtime = os.stat(resolved).st_mtime_ns
    except FileNotFoundError:
        raise FileNotFoundError(f"App file not found: {path}. Check the path, e.g. `stface launch app.py`.") from None
    with _lock:
        cached = _cache.get(resolved)
        if cached is None or cached[0] != mtime:
            module, launched = _import(resolved, previous=cached[1] if cached else None)
            cached = _cache[resolved] = (mtime, module, launched)
    _, module, launched = cached
    return LoadedApp(resolved, mtime, module, find_interface(module, name, launched))


def _module_name(path: str) -> str:
    stem = "".join(ch if ch.isalnum() else "_" for ch in Path(path).stem)
    return f"stface_app_{stem}"


def _import(path: str, previous: ModuleType | None = None) -> tuple[ModuleType, list]:
    """Execute app.py; an edited one runs again in its previous namespace, with ``gr.NO_RELOAD`` false (as in Gradio)."""
    from stface.helpers import NO_RELOAD

    folder = os.path.dirname(path)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    name = _module_name(path)
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"Cannot import {path}: it must be a Python file (.py).")
    if previous is not None:
        thaw()  # the edited app replaces objects that were frozen with the old one (runtime/heap.py)
    module = previous if previous is not None else importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    NO_RELOAD.set(previous is None)
    with capturing_launches() as launched:
        try:
            spec.loader.exec_module(module)
        except BaseException:
            if previous is None:
                sys.modules.pop(name, None)
            raise
        finally:
            NO_RELOAD.set(True)
    return module, launched


def find_interface(module: ModuleType, name: str | None, launched: list | None = None) -> object:
    """Pick the app's interface: by name, the one launched, a usual name, or the only one (not counting parts of a mix)."""
    from stface.app import App

    found = {attr: value for attr, value in vars(module).items() if isinstance(value, App)}
    where = getattr(module, "__file__", module.__name__)
    if name is not None:
        if name not in found:
            choices = ", ".join(sorted(found)) or "none"
            raise LookupError(f"No interface named {name!r} in {where}. Interfaces found: {choices}.")
        return found[name]
    if launched:
        return launched[-1]
    for conventional in _CONVENTIONAL_NAMES:
        if conventional in found:
            return found[conventional]
    parts = {id(part) for value in found.values() for part in getattr(value, "interfaces", ())}
    outermost = {attr: value for attr, value in found.items() if id(value) not in parts}
    if len(outermost) == 1:  # a Parallel, Series or TabbedInterface and the parts it is made of
        return next(iter(outermost.values()))
    if not found:
        raise LookupError(
            f"No stface Interface found in {where}. Assign it to a module-level variable named "
            "'demo' (or pass --name)."
        )
    raise LookupError(f"Several interfaces in {where} ({', '.join(sorted(found))}); choose one with --name.")
