"""Keeping the garbage collection Streamlit runs after every rerun cheap.

Streamlit collects garbage after every script run (``gc.collect(2)``, its
``runner.postScriptGC`` option), on the script's thread, holding the GIL. In
a server that has imported Streamlit, stface, numpy and Pillow, a full
collection walks every object those imports made: about 45 ms on a two-core
machine, during which the server sends nothing, so the page's answer waits
for it. (`bench/browser.py`: the hand-written Streamlit page answers in
24-27 ms instead of 69 ms without that walk.)

stface moves what the server holds once the app is loaded into the
permanent generation (``gc.freeze()``), which collections skip, and again
after a run that imported more modules (the first interpretation imports
scikit-image, say). Each run's collection then walks only what later runs
made, and still frees it. A collection runs first, so nothing already
garbage is frozen. Freezing only exempts objects from the cycle collector:
reference counting frees them as before, so what stays for good is at most
a reference cycle that was alive at one of those few moments and died
later. An edited app that is loaded again thaws everything first
(:func:`thaw`), so the old module's objects can go.

Only in a Streamlit server: under AppTest (a test process) nothing is frozen.

Example::

    from stface.runtime.heap import settle
    settle()  # at the end of a page's run
"""

from __future__ import annotations

import gc
import sys
import threading

__all__ = ["settle", "thaw"]

_lock = threading.Lock()
_frozen_with = 0  # len(sys.modules) when the heap was last frozen


def settle() -> None:
    """Freeze what the process holds, when modules were imported since the last time."""
    global _frozen_with
    if len(sys.modules) == _frozen_with or not _in_server():
        return
    with _lock:
        count = len(sys.modules)
        if count == _frozen_with:
            return
        gc.collect()
        gc.freeze()
        _frozen_with = count


def thaw() -> None:
    """Give everything back to the collector (an edited app is about to replace the old one)."""
    global _frozen_with
    with _lock:
        gc.unfreeze()
        _frozen_with = 0


def _in_server() -> bool:
    from streamlit import runtime
    from streamlit.runtime import Runtime

    return runtime.exists() and isinstance(runtime.get_instance(), Runtime)
