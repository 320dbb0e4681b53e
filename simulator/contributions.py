"""Each instrument's share of a package's effect: Shapley values over the instruments moved.

A package that moves several instruments at once (investment, new units, online adoption,
sales places: the rows whose role is ``policy`` in ``data/parameters.csv``) has one effect
per output, against its own baseline. The instruments interact (new units sell online too,
online sales need capacity), so "the effect of each alone" does not add up to the total.
The Shapley value does: each instrument gets its marginal effect averaged over every order
in which the instruments could be switched on,

    phi_i = sum over S in M \\ {i} of |S|! (k - |S| - 1)! / k! * (v(S + i) - v(S)),

where M is the set of the k instruments moved and v(S) the effect, in the year shown, of
the scenario with only the instruments in S at their scenario values (the others at the
skenario dasar's, every assumption and setting as the scenario has it). The values add up
to v(M) - v(empty), which is the scenario's effect, exactly up to rounding (Shapley 1953;
the same decomposition as Shorrocks 2013 for inequality, and as the "Shapley" decomposition
of SHAP for model predictions). All 2^k coalitions run in one batched model call (at most
16 scenarios for the four instruments).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from simulator.i18n import TEXT, tr
from simulator.model import simulate
from simulator.outputs import CONTRIBUTION_OUTPUTS
from simulator.params import ParameterTable, load_parameters

# The headline effects split into contributions (CONTRIBUTION_OUTPUTS, from the registry):
# every headline card but the cost (which is money spent, not an effect; the allocation
# weighs it instead).


def moved_instruments(values: Mapping[str, float], table: ParameterTable) -> tuple[str, ...]:
    """The instruments ``values`` sets away from the skenario dasar, in the table's order."""
    return tuple(
        name
        for name in table.policy
        if name in values and float(values[name]) != float(table[name].value)
    )


def short_labels(table: ParameterTable, lang: str) -> dict[str, str]:
    """Each instrument's short name in ``lang`` (its label where the translation table has no
    short name for it), for chart rows and table cells with little room."""
    return {
        name: tr(f"short_{name}", lang) if f"short_{name}" in TEXT else table[name].label(lang)
        for name in table.policy
    }


def coalitions(k: int) -> np.ndarray:
    """Every subset of k instruments as a boolean row, (2^k, k): row j holds instrument i
    when bit i of j is set (row 0 is no instrument, the last row all of them)."""
    rows = np.arange(2**k)[:, None]
    return ((rows >> np.arange(k)[None, :]) & 1).astype(bool)


def shapley_weights(k: int) -> np.ndarray:
    """(k, 2^k) weights W such that phi = W @ v for the coalition values v of
    :func:`coalitions`: phi_i = sum_S w(|S|) (v(S + i) - v(S)) over S without i."""
    members = coalitions(k)
    sizes = members.sum(axis=1)
    weights = np.zeros((k, 2**k))
    for i in range(k):
        for j in np.nonzero(~members[:, i])[0]:
            s = int(sizes[j])
            w = math.factorial(s) * math.factorial(k - s - 1) / math.factorial(k)
            weights[i, j | (1 << i)] += w
            weights[i, j] -= w
    return weights


@dataclass(frozen=True)
class Contributions:
    """The split of a scenario's effects in one year.

    ``instruments`` are the instruments moved, in the table's order; for each output of
    :data:`CONTRIBUTION_OUTPUTS`, ``baseline[o]`` and ``scenario[o]`` are its levels in
    ``year`` and ``shares[o]`` an array (k,) of the instruments' contributions, which add up
    to ``scenario[o] - baseline[o]``. ``alone[o]`` is each instrument's effect on its own
    and ``runs`` the scenarios the split took (one batched call).
    """

    year: int
    instruments: tuple[str, ...]
    baseline: dict[str, float]
    scenario: dict[str, float]
    shares: dict[str, np.ndarray]
    alone: dict[str, np.ndarray]
    runs: int

    def effect(self, output: str) -> float:
        """The scenario's effect on ``output`` in ``year`` (scenario minus baseline)."""
        return self.scenario[output] - self.baseline[output]

    @property
    def split(self) -> bool:
        """True when there is something to split: more than one instrument moved."""
        return len(self.instruments) > 1

    def table(self) -> pd.DataFrame:
        """Tidy rows per output: the baseline, each instrument's contribution, the scenario.

        Columns: output, year, item (``baseline``, an instrument's name, ``scenario``), kind
        (``level``, ``contribution``), value, alone (the instrument's effect on its own),
        share_pct (of the effect).
        """
        rows: list[dict[str, Any]] = []
        for output in self.shares:
            total = self.effect(output)
            rows.append(_row(output, self.year, "baseline", "level", self.baseline[output]))
            for name, value, alone in zip(
                self.instruments, self.shares[output], self.alone[output], strict=True
            ):
                share = 100.0 * value / total if abs(total) > 1e-12 else float("nan")
                rows.append(
                    _row(output, self.year, name, "contribution", float(value), alone, share)
                )
            rows.append(_row(output, self.year, "scenario", "level", self.scenario[output]))
        return pd.DataFrame(rows)


def _row(
    output: str,
    year: int,
    item: str,
    kind: str,
    value: float,
    alone: float | None = None,
    share: float | None = None,
) -> dict[str, Any]:
    return {
        "output": output,
        "year": year,
        "item": item,
        "kind": kind,
        "value": value,
        "alone": np.nan if alone is None else float(alone),
        "share_pct": np.nan if share is None else float(share),
    }


def contributions(
    values: Mapping[str, float],
    *,
    year: int | None = None,
    outputs: Sequence[str] = CONTRIBUTION_OUTPUTS,
    table: ParameterTable | None = None,
) -> Contributions:
    """Split the effects of scenario ``values`` in ``year`` (the last year shown by default)
    into its instruments' Shapley contributions, from one batched model call."""
    table = table or load_parameters()
    moved = moved_instruments(values, table)
    k = len(moved)
    members = coalitions(k)
    batch: dict[str, Any] = dict(values)
    for i, name in enumerate(moved):
        batch[name] = np.where(members[:, i], float(values[name]), table[name].value)
    if k == 0:  # nothing to vary: one run of the scenario itself
        batch = dict(values)
    result = simulate(batch, params=table, with_regions=False)
    year = int(result.years[-1]) if year is None else int(year)
    column = result.index(year)
    weights = shapley_weights(k)
    full = 2**k - 1
    alone_rows = [1 << i for i in range(k)]
    baseline, scenario, shares, alone = {}, {}, {}, {}
    for output in outputs:
        # v(S): each coalition's effect against its own baseline (v of none is zero).
        v = result.effect(output)[:, column]
        baseline[output] = float(result.baseline[output][full, column])
        scenario[output] = float(result[output][full, column])
        shares[output] = weights @ v
        alone[output] = v[alone_rows]
    return Contributions(
        year=year,
        instruments=moved,
        baseline=baseline,
        scenario=scenario,
        shares=shares,
        alone=alone,
        runs=result.n_scenarios,
    )
