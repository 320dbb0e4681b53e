"""How sure, what matters, what it takes: uncertainty, sensitivity and goal-seeking.

Each analysis is one batched call of the vectorised model, not a loop over scenarios:

* :func:`uncertainty` draws every uncertain assumption from its triangular range
  (``data/uncertainty.csv``: low, mode, high and the reason) with a seeded generator, runs
  the scenario and its baseline on the same draws, and returns the 10th, 50th and 90th
  percentiles per year, and the chance that the scenario beats the baseline or a target.
* :func:`sensitivity` moves each uncertain assumption alone to its low and its high (a
  tornado): which assumption the end-year figure depends on most.
* :func:`goal_seek` finds the lever value that reaches a target in a year, or says how close
  the lever's range gets.

A range is centred on the scenario's own value when the user has moved that assumption:
the mode becomes the user's value and the range widens to include it.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulator.i18n import pick
from simulator.model import simulate
from simulator.params import DATA_DIR, ParameterFileError, ParameterTable, load_parameters
from simulator.report import POLICY_LEVERS

UNCERTAINTY_CSV = DATA_DIR / "uncertainty.csv"
UNCERTAIN_OUTPUTS = ("production_rp_tn", "value_added_rp_tn", "jobs", "exports_usd_mn")
DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 2016
QUANTILES = (10, 50, 90)
GOAL_LEVERS = POLICY_LEVERS
GOAL_TOLERANCE = 0.005  # relative: the answer reproduces the target within 0.5 %


@dataclass(frozen=True, kw_only=True)
class Range:
    """A triangular uncertainty range of one parameter, in its own unit, and why."""

    name: str
    low: float
    mode: float
    high: float
    reason_en: str
    reason_id: str

    def reason(self, lang: str) -> str:
        """Why the parameter is uncertain, in ``lang``."""
        return pick(lang, self.reason_id, self.reason_en)

    def around(self, value: float) -> tuple[float, float, float]:
        """(low, mode, high) centred on ``value``, widened to include it."""
        return min(self.low, value), value, max(self.high, value)


def load_ranges(
    path: str | Path = UNCERTAINTY_CSV, table: ParameterTable | None = None
) -> dict[str, Range]:
    """Read and check the uncertainty ranges (each inside its parameter's allowed range)."""
    path = Path(path)
    return _load_ranges(str(path.resolve()), path.stat().st_mtime_ns, table or load_parameters())


@functools.lru_cache(maxsize=8)
def _load_ranges(path: str, _mtime: int, table: ParameterTable) -> dict[str, Range]:
    out: dict[str, Range] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for record in reader:
            line = reader.line_num
            name = (record.get("name") or "").strip()
            if name not in table or name in out:
                raise ParameterFileError(
                    f"{path}, line {line}, column 'name': {name!r} unknown or repeated"
                )
            try:
                low, mode, high = (float(record[c]) for c in ("low", "mode", "high"))
            except (TypeError, ValueError):
                raise ParameterFileError(
                    f"{path}, line {line}: low, mode, high must be numbers"
                ) from None
            param = table[name]
            if not param.min <= low <= mode <= high <= param.max:
                raise ParameterFileError(
                    f"{path}, line {line}: need {param.min:g} <= low <= mode <= high <= "
                    f"{param.max:g} for {name}"
                )
            if name in POLICY_LEVERS or param.group in ("lever", "timing", "regions"):
                raise ParameterFileError(
                    f"{path}, line {line}: {name} is a policy choice, not an uncertainty"
                )
            reasons = (record.get("reason_en") or "").strip(), (record.get("reason_id") or "")
            if not reasons[0] or not reasons[1].strip():
                raise ParameterFileError(f"{path}, line {line}: give the reason in both languages")
            out[name] = Range(
                name=name,
                low=low,
                mode=mode,
                high=high,
                reason_en=reasons[0],
                reason_id=reasons[1].strip(),
            )
    return out


def draw(
    ranges: Mapping[str, tuple[float, float, float]], n: int, seed: int
) -> dict[str, np.ndarray]:
    """n triangular draws of each parameter; a collapsed range gives its single value."""
    rng = np.random.Generator(np.random.PCG64(seed))
    out = {}
    for name in sorted(ranges):  # a fixed order, so a seed means the same draws
        low, mode, high = ranges[name]
        if high > low:
            out[name] = rng.triangular(low, mode, high, size=n)
        else:
            rng.random(n)  # keep the stream aligned whether or not a range is collapsed
            out[name] = np.full(n, mode)
    return out


def _with_baseline(
    values: Mapping[str, float], columns: Mapping[str, np.ndarray], n: int, table: ParameterTable
) -> dict[str, Any]:
    """Scenario rows then baseline rows (levers reset), same draws in both halves."""
    batch: dict[str, Any] = {k: v for k, v in values.items() if k not in columns}
    for name, column in columns.items():
        batch[name] = np.concatenate([column, column])
    for lever in POLICY_LEVERS:
        scenario_value = values.get(lever, table[lever].value)
        batch[lever] = np.concatenate([np.full(n, scenario_value), np.full(n, table[lever].value)])
    return batch


@dataclass(frozen=True)
class Uncertainty:
    """Percentile bands of a Monte Carlo run, for the scenario and its baseline.

    ``bands[(series, output)]`` is an array (3, years) of the 10th, 50th and 90th
    percentiles; ``end[(series, output)]`` holds every draw's end-year value.
    """

    years: np.ndarray
    bands: dict[tuple[str, str], np.ndarray]
    end: dict[tuple[str, str], np.ndarray]
    draws: int
    seed: int

    def chance_beats_baseline(self, output: str = "production_rp_tn") -> float:
        """Share of draws in which the scenario's end-year value exceeds the baseline's."""
        scenario, baseline = self.end[("scenario", output)], self.end[("baseline", output)]
        return float(np.mean(scenario > baseline + 1e-9 * np.abs(baseline)))

    def chance_at_least(self, output: str, value: float) -> float:
        """Share of draws in which the scenario's end-year value reaches ``value``."""
        return float(np.mean(self.end[("scenario", output)] >= value))

    def table(self, series: str = "scenario") -> pd.DataFrame:
        """Tidy percentiles: year, output, p10, p50, p90."""
        frames = []
        for output in UNCERTAIN_OUTPUTS:
            band = self.bands[(series, output)]
            frames.append(
                pd.DataFrame(
                    {
                        "year": self.years,
                        "output": output,
                        "p10": band[0],
                        "p50": band[1],
                        "p90": band[2],
                    }
                )
            )
        return pd.concat(frames, ignore_index=True)


def uncertainty(
    values: Mapping[str, float],
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    table: ParameterTable | None = None,
    ranges: Mapping[str, Range] | None = None,
) -> Uncertainty:
    """Monte Carlo of the scenario and its baseline on the same seeded draws."""
    table = table or load_parameters()
    ranges = ranges if ranges is not None else load_ranges(table=table)
    centred = {
        name: r.around(float(values.get(name, table[name].value))) for name, r in ranges.items()
    }
    columns = draw(centred, draws, seed)
    result = simulate(
        _with_baseline(values, columns, draws, table), params=table, with_regions=False
    )
    bands, end = {}, {}
    for output in UNCERTAIN_OUTPUTS:
        array = result[output]
        for series, rows in (("scenario", slice(0, draws)), ("baseline", slice(draws, None))):
            part = array[rows]
            bands[(series, output)] = np.percentile(part, QUANTILES, axis=0)
            end[(series, output)] = part[:, -1].copy()
    return Uncertainty(years=result.years, bands=bands, end=end, draws=draws, seed=seed)


def sensitivity(
    values: Mapping[str, float],
    output: str,
    year: int | None = None,
    *,
    table: ParameterTable | None = None,
    ranges: Mapping[str, Range] | None = None,
) -> pd.DataFrame:
    """Each uncertain parameter alone at its low and high: the output in ``year``.

    Columns: parameter, low, high, output_low, output_high, base, swing (|high - low|),
    sorted by swing, largest first.
    """
    table = table or load_parameters()
    ranges = ranges if ranges is not None else load_ranges(table=table)
    names = list(ranges)
    k = len(names)
    bounds = {n: ranges[n].around(float(values.get(n, table[n].value))) for n in names}
    batch: dict[str, Any] = dict(values)
    for i, name in enumerate(names):
        column = np.full(2 * k + 1, float(values.get(name, table[name].value)))
        column[2 * i] = bounds[name][0]
        column[2 * i + 1] = bounds[name][2]
        batch[name] = column
    result = simulate(batch, params=table, with_regions=False)
    year = int(result.years[-1]) if year is None else int(year)
    at = result.at(output, year)
    base = float(at[-1])
    frame = pd.DataFrame(
        {
            "parameter": names,
            "low": [bounds[n][0] for n in names],
            "high": [bounds[n][2] for n in names],
            "output_low": at[0 : 2 * k : 2],
            "output_high": at[1 : 2 * k : 2],
        }
    )
    frame["base"] = base
    frame["swing"] = (frame["output_high"] - frame["output_low"]).abs()
    return frame.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class GoalSeek:
    """The lever value that reaches a target, or how close the lever's range gets."""

    lever: str
    output: str
    year: int
    target: float
    value: float | None  # the lever value, None when out of reach
    reached: float  # the output at ``value`` (or at the closest lever value)
    closest_value: float  # the lever value whose output is nearest the target
    range_low: float  # the output over the lever's whole range: lowest ...
    range_high: float  # ... and highest

    @property
    def reachable(self) -> bool:
        """True when a lever value within its range reaches the target."""
        return self.value is not None


def _outputs_at(
    values: Mapping[str, float],
    lever: str,
    grid: np.ndarray,
    output: str,
    year: int,
    table: ParameterTable,
) -> np.ndarray:
    batch = dict(values)
    batch[lever] = grid
    return simulate(batch, params=table, with_regions=False).at(output, year)


def goal_seek(
    values: Mapping[str, float],
    *,
    output: str,
    year: int,
    target: float,
    lever: str,
    table: ParameterTable | None = None,
) -> GoalSeek:
    """Find the ``lever`` value whose ``output`` in ``year`` equals ``target``.

    Scans the lever's whole range in one batched call, then narrows the bracket where the
    output crosses the target twice more; the answer reproduces the target within 0.5 %.
    """
    table = table or load_parameters()
    if lever not in GOAL_LEVERS:
        raise ValueError(f"lever must be one of {', '.join(GOAL_LEVERS)}")
    param = table[lever]
    end_year = int(values.get("end_year", table["end_year"].value))
    if not 2016 <= year <= end_year:
        raise ValueError(f"year must be within 2016-{end_year}")
    grid = np.linspace(param.min, param.max, 401)
    found = _outputs_at(values, lever, grid, output, year, table)
    nearest = int(np.argmin(np.abs(found - target)))
    low, high = float(found.min()), float(found.max())
    closest = GoalSeek(
        lever, output, year, target, None, float(found[nearest]), float(grid[nearest]), low, high
    )
    scale = max(abs(target), 1e-9)
    if abs(found[nearest] - target) <= GOAL_TOLERANCE * scale * 0.2:
        return _answer(closest, float(grid[nearest]), float(found[nearest]))
    if not low <= target <= high:
        return closest
    for _ in range(3):
        sign = np.sign(found - target)
        crossings = np.nonzero(sign[:-1] * sign[1:] <= 0)[0]
        if crossings.size == 0:
            break
        i = int(crossings[0])
        grid = np.linspace(grid[i], grid[i + 1], 201)
        found = _outputs_at(values, lever, grid, output, year, table)
        nearest = int(np.argmin(np.abs(found - target)))
        if abs(found[nearest] - target) <= GOAL_TOLERANCE * scale * 0.02:
            break
    value = float(grid[nearest])
    # A value a person can read and type: round to the step's precision plus two places,
    # keeping the rounding only if the target still holds.
    decimals = max(0, -int(np.floor(np.log10(param.step)))) + 2
    rounded = round(value, decimals)
    check = float(_outputs_at(values, lever, np.array([rounded]), output, year, table)[0])
    if abs(check - target) <= GOAL_TOLERANCE * scale:
        return _answer(closest, rounded, check)
    return _answer(closest, value, float(found[nearest]))


def _answer(base: GoalSeek, value: float, reached: float) -> GoalSeek:
    return GoalSeek(
        base.lever,
        base.output,
        base.year,
        base.target,
        value,
        reached,
        value,
        base.range_low,
        base.range_high,
    )
