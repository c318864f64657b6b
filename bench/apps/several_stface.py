"""Four interfaces on one Streamlit page (`streamlit run`); STFACE_BENCH_FRAGMENT=0 draws them without fragments."""

import os

import streamlit as st

import stface as gr

FRAGMENT = os.environ.get("STFACE_BENCH_FRAGMENT", "1") == "1"


@st.cache_resource
def interfaces():
    def reverse(text):
        return text[::-1]

    others = [gr.Interface(str.upper, gr.Textbox(label=f"in {n}"), gr.Textbox(label=f"out {n}"), allow_flagging="never",
                           examples=[["a"], ["b"]]) for n in range(3)]  # fmt: skip
    first = gr.Interface(reverse, gr.Textbox(label="text"), gr.Textbox(label="output"), allow_flagging="never")
    return [first, *others]


for number, interface in enumerate(interfaces()):
    st.subheader(f"Interface {number + 1}")
    interface.render(key=f"i{number}", fragment=FRAGMENT)
