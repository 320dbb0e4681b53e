"""Cached model runs: each a pure function of its arguments, the parameter table included.

The table is an argument, not a module global, so Streamlit's cache key covers it: a run is
keyed by the scenario's values and the table (hashed by its rows, which are frozen), and a
different table can never be answered from another's cache.
"""

from __future__ import annotations

import streamlit as st

from simulator import analysis, compare
from simulator.model import Result, simulate_pair
from simulator.params import ParameterTable
from simulator.scenario import Scenario

Pairs = tuple[tuple[str, float], ...]
# The table is frozen and hashable: its hash is its cache key (cheaper than Streamlit
# walking every row of the dataclass on every run).
BY_TABLE = {ParameterTable: hash}


# A scenario is keyed by its values (its name changes nothing the model computes).
BY_VALUES = {**BY_TABLE, Scenario: lambda scenario: scenario.values}


@st.cache_data(max_entries=512, show_spinner=False, hash_funcs=BY_VALUES)
def pair(scenario: Scenario, table: ParameterTable) -> Result:
    """The scenario and its baseline, computed once per distinct scenario (validated when
    it was made: the model takes it as it is)."""
    return simulate_pair(scenario, table)


@st.cache_data(max_entries=128, show_spinner=False, hash_funcs=BY_TABLE)
def comparison(scenarios: tuple[Pairs, ...], end_year: int, table: ParameterTable) -> Result:
    """Many scenarios in one batched model call, all to the same end year."""
    return compare.run_batch(scenarios, end_year, table)


@st.cache_data(max_entries=64, show_spinner=False, hash_funcs=BY_TABLE)
def uncertainty(values: Pairs, table: ParameterTable) -> analysis.Uncertainty:
    """The seeded Monte Carlo of a scenario and its baseline."""
    return analysis.uncertainty(dict(values), table=table)


@st.cache_data(max_entries=256, show_spinner=False, hash_funcs=BY_TABLE)
def sensitivity(values: Pairs, output: str, table: ParameterTable):
    """The tornado table of one output in the end year."""
    return analysis.sensitivity(dict(values), output, table=table)
