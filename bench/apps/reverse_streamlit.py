"""The same page as stface's, written by hand: inputs left, output right, Clear and Submit."""

import streamlit as st


def reverse(text):
    return text[::-1]


def clear():
    st.session_state.text = ""
    st.session_state.result = ""


st.set_page_config(page_title="reverse", layout="wide")
st.session_state.setdefault("result", "")
left, right = st.columns(2, gap="large")
with left, st.form("form", border=False):
    text = st.text_input("text", key="text")
    with st.container(horizontal=True):
        st.form_submit_button("Clear", on_click=clear, width="stretch")
        submitted = st.form_submit_button("Submit", type="primary", width="stretch")
if submitted:
    st.session_state.result = reverse(text)
with right:
    st.text_area("output", value=st.session_state.result, disabled=True)
