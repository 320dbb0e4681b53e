"""How sure, what matters, what it takes: uncertainty, sensitivity and goal-seeking.

Each analysis is one batched call of the vectorised model, not a loop over scenarios, and
every row of it carries its own baseline on the same assumptions, so what is reported is
the uncertainty of the policy's *effect*, not only of the levels:

* :func:`uncertainty` draws every uncertain assumption from its triangular range
  (``data/uncertainty.csv``: low, mode, high and the reason), with the rank correlations of
  ``data/correlations.csv`` (Iman-Conover), from a seeded generator, and returns the 10th,
  50th and 90th percentiles per year of the scenario, its baseline and the effect
  (scenario minus baseline on the same draw), and chances about the effect.
* :func:`sensitivity` moves each uncertain assumption alone to its low and its high (a
  tornado) and ranks them by how much they move the effect (``effect_swing``).
* :func:`goal_seek` finds the instrument value that reaches a target in a year, or says
  how close the instrument's range gets.

The structural uncertainties are drawn too: the count of micro and small units and their
sales (which split the sector into its two segments), and the medium firms' size.
A range moves with the scenario's own value when the user has moved that assumption (same
distances below and above it, within the parameter's allowed range).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulator.datafile import DATA_DIR, cached_loader, read_rows
from simulator.i18n import pick
from simulator.model import simulate
from simulator.outputs import MAIN
from simulator.params import ParameterTable, load_parameters

UNCERTAINTY_CSV = DATA_DIR / "uncertainty.csv"
CORRELATIONS_CSV = DATA_DIR / "correlations.csv"
UNCERTAIN_OUTPUTS = MAIN
DEFAULT_DRAWS = 10_000
# Monte Carlo draws one run may ask for. Memory grows with draws x years: measured peak
# 0.53 GB for 50,000 draws to 2030 and 1.05 GB to 2050 (about 19 MB per 1,000 draws there),
# so 50,000 fits an instance's 2 GiB beside the app itself; 1,000,000 took 8.4 GB.
MAX_DRAWS = 50_000
DEFAULT_SEED = 2016
QUANTILES = (10, 50, 90)
GOAL_TOLERANCE = 0.005  # relative: the answer reproduces the target within 0.5 %
# The median of the runs is said to differ from the headline (central) effect when it is
# further from it than this share of the central effect.
MEDIAN_NOTE_SHARE = 0.05


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

    def around(
        self, value: float, bounds: tuple[float, float] = (-np.inf, np.inf)
    ) -> tuple[float, float, float]:
        """(low, mode, high) moved to ``value``: the same distances below and above the mode
        as the published range, cut to the parameter's allowed ``bounds``. A user who moves
        an assumption moves its central value, not its uncertainty; a range kept where it
        was would put a value at its edge outside most draws, and the policy's central
        effect outside its own 10-90 % range."""
        low = max(bounds[0], min(value, value - (self.mode - self.low)))
        high = min(bounds[1], max(value, value + (self.high - self.mode)))
        return low, value, high


def _parse_ranges(path: Path, table: ParameterTable) -> dict[str, Range]:
    out: dict[str, Range] = {}
    for row in read_rows(path, ("name", "low", "mode", "high", "reason_en", "reason_id")):
        name = row.text("name")
        if name not in table or name in out:
            raise row.fail(f"{name!r} unknown or repeated", "name")
        param = table[name]
        if param.role != "assumption":
            raise row.fail(f"{name} is a {param.role}, not an uncertain assumption", "name")
        low, mode, high = (row.number(c) for c in ("low", "mode", "high"))
        if not param.min <= low <= mode <= high <= param.max:
            raise row.fail(
                f"need {param.min:g} <= low <= mode <= high <= {param.max:g} for {name}", "low"
            )
        out[name] = Range(
            name=name,
            low=low,
            mode=mode,
            high=high,
            reason_en=row.text("reason_en"),
            reason_id=row.text("reason_id"),
        )
    return out


_load_ranges = cached_loader(_parse_ranges)


def load_ranges(
    path: str | Path = UNCERTAINTY_CSV, table: ParameterTable | None = None
) -> dict[str, Range]:
    """Read and check the uncertainty ranges (each inside its parameter's allowed range)."""
    return _load_ranges(path, table or load_parameters())


def _parse_correlations(path: Path, ranges: tuple[str, ...]) -> dict[tuple[str, str], float]:
    out: dict[tuple[str, str], float] = {}
    for row in read_rows(path, ("first", "second", "rho", "reason_en", "reason_id")):
        first, second = row.text("first"), row.text("second")
        for column, name in (("first", first), ("second", second)):
            if name not in ranges:
                raise row.fail(f"{name!r} has no uncertainty range", column)
        rho = row.number("rho")
        if not -1 < rho < 1 or first == second:
            raise row.fail("rho must lie strictly between -1 and 1, between two names", "rho")
        row.text("reason_en")
        row.text("reason_id")
        out[(first, second)] = rho
    return out


_load_correlations = cached_loader(_parse_correlations)


def load_correlations(
    path: str | Path = CORRELATIONS_CSV, ranges: Mapping[str, Range] | None = None
) -> dict[tuple[str, str], float]:
    """Rank correlations between uncertain assumptions, checked against the ranges."""
    return _load_correlations(path, tuple(sorted(ranges if ranges is not None else load_ranges())))


def draw(
    ranges: Mapping[str, tuple[float, float, float]],
    n: int,
    seed: int,
    correlations: Mapping[tuple[str, str], float] | None = None,
) -> dict[str, np.ndarray]:
    """n triangular draws of each parameter; a collapsed range gives its single value.

    Correlated pairs get the rank correlation asked for by Iman and Conover's method: the
    independent draws of each parameter are reordered to follow the ranks of correlated
    normal scores, so every marginal stays exactly triangular.
    """
    rng = np.random.Generator(np.random.PCG64(seed))
    names = sorted(ranges)  # a fixed order, so a seed means the same draws
    out = {}
    for name in names:
        low, mode, high = ranges[name]
        if high > low:
            out[name] = rng.triangular(low, mode, high, size=n)
        else:
            rng.random(n)  # keep the stream aligned whether or not a range is collapsed
            out[name] = np.full(n, mode)
    pairs = {k: v for k, v in (correlations or {}).items() if k[0] in out and k[1] in out}
    if pairs and n > 2:
        linked = sorted({name for pair in pairs for name in pair})
        index = {name: i for i, name in enumerate(linked)}
        target = np.eye(len(linked))
        for (a, b), rho in pairs.items():
            target[index[a], index[b]] = target[index[b], index[a]] = rho
        scores = rng.standard_normal((n, len(linked))) @ np.linalg.cholesky(target).T
        for name, column in zip(linked, scores.T, strict=True):
            ranks = np.argsort(np.argsort(column))
            out[name] = np.sort(out[name])[ranks]
    return out


SWING_NOISE = 1e-9  # a swing below this share of the output is floating-point noise


def _above(diff: pd.Series, noise: float) -> pd.Series:
    """|diff|, with values within ``noise`` of zero set to zero."""
    size = diff.abs()
    return size.where(size > noise, 0.0)


@dataclass(frozen=True)
class Uncertainty:
    """Percentile bands of a Monte Carlo run: scenario, baseline and the effect.

    ``bands[(series, output)]`` is an array (3, years) of the 10th, 50th and 90th
    percentiles, ``series`` one of "scenario", "baseline", "effect"; ``end[(series,
    output)]`` holds every draw's value in the last year.
    """

    years: np.ndarray
    bands: dict[tuple[str, str], np.ndarray]
    end: dict[tuple[str, str], np.ndarray]
    draws: int
    seed: int

    def chance_effect_above(self, output: str, threshold: float) -> float:
        """Share of draws in which the scenario's gain over its baseline exceeds ``threshold``."""
        return float(np.mean(self.end[("effect", output)] > threshold))

    def chance_at_least(self, output: str, value: float) -> float:
        """Share of draws in which the scenario's last-year value reaches ``value``."""
        return float(np.mean(self.end[("scenario", output)] >= value))

    def table(self, series: str = "scenario") -> pd.DataFrame:
        """Tidy percentiles: year, output, p10, p50, p90, effect_p10, effect_p50, effect_p90."""
        frames = []
        for output in UNCERTAIN_OUTPUTS:
            band = self.bands[(series, output)]
            effect = self.bands[("effect", output)]
            frames.append(
                pd.DataFrame(
                    {
                        "year": self.years,
                        "output": output,
                        "p10": band[0],
                        "p50": band[1],
                        "p90": band[2],
                        "effect_p10": effect[0],
                        "effect_p50": effect[1],
                        "effect_p90": effect[2],
                    }
                )
            )
        return pd.concat(frames, ignore_index=True)


def percentiles(draws: np.ndarray) -> np.ndarray:
    """``np.percentile(draws, QUANTILES, axis=0)`` exactly, in about half the time: each
    year's draws are sorted as one contiguous row first (numpy's vectorised sort beats the
    selection percentile makes down a strided column; on sorted rows that selection is
    quick). Shape (len(QUANTILES), years)."""
    rows = np.sort(np.ascontiguousarray(draws.T), axis=1)
    return np.percentile(rows, QUANTILES, axis=1)


def _centred(
    values: Mapping[str, float], ranges: Mapping[str, Range], table: ParameterTable
) -> dict[str, tuple[float, float, float]]:
    return {
        n: r.around(float(values.get(n, table[n].value)), (table[n].min, table[n].max))
        for n, r in ranges.items()
    }


def uncertainty(
    values: Mapping[str, float],
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    table: ParameterTable | None = None,
    ranges: Mapping[str, Range] | None = None,
    correlations: Mapping[tuple[str, str], float] | None = None,
) -> Uncertainty:
    """Monte Carlo of the scenario and its baseline on the same seeded draws."""
    if not 1 <= draws <= MAX_DRAWS:
        raise ValueError(f"draws must be between 1 and {MAX_DRAWS:,}")
    table = table or load_parameters()
    ranges = ranges if ranges is not None else load_ranges(table=table)
    if correlations is None:
        correlations = load_correlations(ranges=ranges) if ranges else {}
    columns = draw(_centred(values, ranges, table), draws, seed, correlations)
    batch: dict[str, Any] = {**values, **columns}
    result = simulate(batch, params=table, with_regions=False)
    bands, end = {}, {}
    for output in UNCERTAIN_OUTPUTS:
        series = {
            "scenario": result[output],
            "baseline": result.baseline[output],
            "effect": result.effect(output),
        }
        for name, array in series.items():
            bands[(name, output)] = percentiles(array)
            end[(name, output)] = array[:, -1].copy()
    return Uncertainty(years=result.years, bands=bands, end=end, draws=draws, seed=seed)


def sensitivity(
    values: Mapping[str, float],
    output: str,
    year: int | None = None,
    *,
    table: ParameterTable | None = None,
    ranges: Mapping[str, Range] | None = None,
) -> pd.DataFrame:
    """Each uncertain parameter alone at its low and high: the output and the effect.

    Columns: parameter, low, high, output_low, output_high, base, swing (|high - low| of
    the output), effect_low, effect_high, effect_base, effect_swing (of the scenario minus
    its baseline). Sorted by effect_swing when the scenario has an effect, else by swing.
    """
    table = table or load_parameters()
    ranges = ranges if ranges is not None else load_ranges(table=table)
    names = list(ranges)
    k = len(names)
    bounds = _centred(values, ranges, table)
    batch: dict[str, Any] = dict(values)
    for i, name in enumerate(names):
        column = np.full(2 * k + 1, bounds[name][1])
        column[2 * i] = bounds[name][0]
        column[2 * i + 1] = bounds[name][2]
        batch[name] = column
    result = simulate(batch, params=table, with_regions=False)
    year = int(result.years[-1]) if year is None else int(year)
    at = result.at(output, year)
    effect = result.effect(output)[:, result.index(year)]
    frame = pd.DataFrame(
        {
            "parameter": names,
            "low": [bounds[n][0] for n in names],
            "high": [bounds[n][2] for n in names],
            "output_low": at[0 : 2 * k : 2],
            "output_high": at[1 : 2 * k : 2],
            "effect_low": effect[0 : 2 * k : 2],
            "effect_high": effect[1 : 2 * k : 2],
        }
    )
    frame["base"] = float(at[-1])
    frame["effect_base"] = float(effect[-1])
    # A swing within rounding of the floating-point sums (1e-15 of the output) is none: the
    # assumption does not move it, and the tornado leaves it out rather than draw an empty row.
    noise = SWING_NOISE * max(1.0, abs(float(at[-1])))
    frame["swing"] = _above(frame["output_high"] - frame["output_low"], noise)
    frame["effect_swing"] = _above(frame["effect_high"] - frame["effect_low"], noise)
    key = "effect_swing" if frame["effect_swing"].max() > 0 else "swing"
    return frame.sort_values(key, ascending=False, kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class EffectSummary:
    """The headline (central) effect of one output in the last year beside the Monte Carlo's
    median and 10-90 % range of the same effect."""

    output: str
    year: int
    central: float  # every assumption at its central value: the headline's number
    median: float
    p10: float
    p90: float

    @property
    def differs(self) -> bool:
        """True when the median is more than 5 % of the central effect away from it."""
        scale = max(abs(self.central), 1e-9)
        return abs(self.median - self.central) > MEDIAN_NOTE_SHARE * scale

    @property
    def inside(self) -> bool:
        """True when the central effect lies within the 10-90 % range."""
        return self.p10 <= self.central <= self.p90


def effect_summary(unc: Uncertainty, central: float, output: str) -> EffectSummary:
    """The central effect (from the deterministic run) beside the draws' median and range."""
    p10, p50, p90 = (float(x) for x in unc.bands[("effect", output)][:, -1])
    return EffectSummary(output, int(unc.years[-1]), float(central), p50, p10, p90)


def skew_source(
    values: Mapping[str, float],
    output: str,
    year: int | None = None,
    *,
    table: ParameterTable | None = None,
    ranges: Mapping[str, Range] | None = None,
) -> str | None:
    """The assumption that pulls the median away from the central effect most: the one whose
    low and high move the effect most unevenly (|effect_low + effect_high - 2 central|), from
    a lopsided range or an effect that does not move in proportion. None without an effect."""
    frame = sensitivity(values, output, year, table=table, ranges=ranges)
    uneven = (frame["effect_low"] + frame["effect_high"] - 2 * frame["effect_base"]).abs()
    if uneven.max() <= 1e-9:
        return None
    return str(frame["parameter"].iloc[int(uneven.to_numpy().argmax())])


@dataclass(frozen=True)
class GoalSeek:
    """The instrument value that reaches a target, or how close the instrument's range gets."""

    lever: str
    output: str
    year: int
    target: float
    value: float | None  # the instrument value, None when out of reach
    reached: float  # the output at ``value`` (or at the closest instrument value)
    closest_value: float  # the instrument value whose output is nearest the target
    range_low: float  # the output over the instrument's whole range: lowest ...
    range_high: float  # ... and highest

    @property
    def reachable(self) -> bool:
        """True when an instrument value within its range reaches the target."""
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

    Scans the instrument's whole range in one batched call, then narrows the bracket where
    the output crosses the target twice more; the answer reproduces the target within 0.5 %.
    """
    table = table or load_parameters()
    if lever not in table.policy:
        raise ValueError(f"lever must be one of {', '.join(table.policy)}")
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
