"""Placeholder page until the app issue lands: shows the baseline table."""

import streamlit as st

from simulator import simulate

st.title("Simulator IKM Alas Kaki")
st.dataframe(simulate().table())
