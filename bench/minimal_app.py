"""The framework's floor for bench/bench_browser.py: one slider, one metric, nothing else."""

import streamlit as st

with st.sidebar:
    value = st.slider("Investasi", 0.0, 15.0, 2.8, 0.1, key="investment")
st.metric("Nilai", f"Rp {value * 10:.2f} triliun")
