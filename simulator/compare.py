"""Comparing scenarios: many saved scenarios and the baseline in one batched model run.

Each scenario is its ``(name, value)`` pairs that differ from the baseline (a
:class:`~simulator.scenario.Scenario`'s ``values``); the comparison runs them all to one end
year, so their lines and end-year figures sit on the same axis. No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from simulator.model import Result, simulate
from simulator.params import ParameterTable

Pairs = Iterable[tuple[str, float]]


def batch_columns(
    scenarios: Sequence[Pairs], end_year: int, table: ParameterTable
) -> dict[str, np.ndarray]:
    """One column per parameter any scenario sets (baseline elsewhere), plus ``end_year``."""
    settings = [dict(values) for values in scenarios]
    names = sorted({name for values in settings for name in values} | {"end_year"})
    columns = {}
    for name in names:
        if name == "end_year":
            columns[name] = np.array([end_year] * len(settings))
        else:
            columns[name] = np.array([values.get(name, table[name].value) for values in settings])
    return columns


def run_batch(scenarios: Sequence[Pairs], end_year: int, table: ParameterTable) -> Result:
    """The scenarios (row i is scenario i) in one batched model call, to ``end_year``."""
    return simulate(batch_columns(scenarios, end_year, table), params=table)


def distinct_names(series: list[tuple[str, np.ndarray]]) -> list[tuple[str, np.ndarray]]:
    """Series with distinct names (a repeated saved name gets a number: "A", "A (2)")."""
    seen: dict[str, int] = {}
    out = []
    for name, values in series:
        seen[name] = seen.get(name, 0) + 1
        out.append((name if seen[name] == 1 else f"{name} ({seen[name]})", values))
    return out
