"""Gallery page: examples/gender_interpretation.py, both interfaces."""

from pathlib import Path

import streamlit as st

from stface.runtime.loader import load_app

APP = Path(__file__).resolve().parents[1] / "examples" / "gender_interpretation.py"

load_app(APP, "demo").interface.render(key="default")
st.divider()
load_app(APP, "custom").interface.render(key="custom")
with st.expander(f"Source: {APP.name}"):
    st.code(APP.read_text(encoding="utf-8"), language="python")
