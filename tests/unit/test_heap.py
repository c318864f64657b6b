"""stface/runtime/heap.py outside a Streamlit server: nothing is frozen (a test process keeps its collector)."""

from __future__ import annotations

import gc
import sys
import types

from stface.runtime import heap


def test_outside_a_server_settle_freezes_nothing_even_after_new_imports():
    before = gc.get_freeze_count()
    sys.modules["stface_test_heap_probe"] = types.ModuleType("stface_test_heap_probe")  # "a module was imported"
    try:
        heap.settle()
        assert gc.get_freeze_count() == before
    finally:
        del sys.modules["stface_test_heap_probe"]


def test_thaw_gives_frozen_objects_back_and_the_next_settle_freezes_again(monkeypatch):
    monkeypatch.setattr(heap, "_in_server", lambda: True)
    monkeypatch.setattr(heap, "_frozen_with", 0)
    try:
        heap.settle()
        assert gc.get_freeze_count() > 0 and heap._frozen_with == len(sys.modules)
        heap.thaw()
        assert gc.get_freeze_count() == 0 and heap._frozen_with == 0
    finally:
        gc.unfreeze()
