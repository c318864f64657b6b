"""The smallest hand-written script of the same app: one column, Submit only, no page config."""

import streamlit as st

with st.form("form"):
    text = st.text_input("text")
    submitted = st.form_submit_button("Submit")
if submitted:
    st.session_state.result = text[::-1]
st.text_area("output", value=st.session_state.get("result", ""), disabled=True)
