"""The same hand-written page, with the server's heap frozen once, as stface freezes it.

Streamlit collects garbage after every run (runner.postScriptGC); freezing
what the server holds after startup (stface/runtime/heap.py) makes that
collection walk only what runs made. This page shows what the freeze alone
is worth, so that stface's own cost per rerun stays visible beside it.
"""

import gc
import runpy
from pathlib import Path

import streamlit as st


@st.cache_resource
def _freeze_once() -> bool:
    gc.collect()
    gc.freeze()
    return True


_freeze_once()
runpy.run_path(str(Path(__file__).with_name("reverse_streamlit.py")), run_name="__main__")
