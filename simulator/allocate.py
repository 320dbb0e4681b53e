"""The best mix of instruments for a public budget ("Alokasi anggaran").

Given a budget (present value of public cost over the appraisal period, the basis of
:mod:`simulator.appraisal`), a goal (net direct job-years, value added, production or
exports, as present values over the same period) and optional limits (an instrument's
minimum or maximum; a region's minimum or maximum share of the added job-years), find the
values of the instruments (the rows whose role is ``policy``) that do most for the goal at a
cost within the budget. Every other setting and assumption is the scenario's own (where new
units and sales places go, the policy start, ...).

**Method.** Batched grid search, coarse to fine: every combination of 9 levels of each free
instrument over its range (9^4 = 6,561 mixes) in one model call; then 4 rounds of 5 levels
per instrument around the best feasible mix, at half the previous spacing each round; then
the rest of the budget spent on the best single move (each instrument raised towards its
maximum on 32 levels). The final spacing is 1/128 of each instrument's range. Each
instrument alone (the others at the skenario dasar) is searched on 257 levels of its range
with the whole budget; the best mix is chosen among all mixes evaluated and those
single-instrument options that meet the limits, so it is never worse than any of them.

**Tolerance.** The answer is the best of the mixes evaluated, not a proof of the optimum:
against 1,000 random feasible mixes and a 17^4 grid (tests and bench), it was never beaten
by more than :data:`TOLERANCE_PCT` of the goal.

**Uncertainty.** Over Monte Carlo draws of the assumptions (:func:`simulator.analysis.draw`,
the analysis tab's ranges and seed), the chance that the best mix gives more of the goal
than the runner-up, the best instrument alone, on the same draws (each keeps its instrument
values; its cost moves with the drawn costs).
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from simulator import appraisal
from simulator.analysis import DEFAULT_SEED, _centred, draw, load_correlations, load_ranges
from simulator.i18n import tr
from simulator.model import REGIONS, simulate
from simulator.params import ParameterTable, load_parameters
from simulator.scenario import parse_number

# The goals a budget can be spent on: name -> output.
GOALS: dict[str, str] = {
    "jobs": "jobs",
    "value_added": "value_added_rp_tn",
    "production": "production_rp_tn",
    "exports": "exports_usd_mn",
}
MAX_BUDGET_RP_TN = 100.0  # about five times what every instrument at its maximum costs
COARSE_LEVELS = 7
REFINE_LEVELS = 5
REFINE_ROUNDS = 4
FILL_LEVELS = 32
SHARE_STEPS = 12  # the budget split among the instruments in twelfths ...
SPEND_TOTALS = np.array([1.0, 0.97, 0.94])  # ... of the budget or a little less
FRONTIER_STEPS = 8  # the frontier's budgets split in eighths
FRONTIER_BUDGETS = np.arange(1, 17) / 8  # of the budget: an eighth to twice it
ALONE_LEVELS = 257
FRONTIER_POINTS = 120  # points of each frontier line the chart draws, at most
TOLERANCE_PCT = 0.5  # the most a checked mix beat the answer by, of the goal [%]
CHANCE_DRAWS = 1_000
REGION_PREFIX = "jobs_share_"  # a limit on a region's share of the added job-years


class AllocationError(ValueError):
    """A request the allocation cannot answer; ``text(lang)`` words it for the reader.

    ``code``: ``budget`` (negative, not a number or enormous), ``goal`` (unknown),
    ``limit_syntax``, ``limit_name``, ``limit_value``, ``limit_range``, ``contradictory``,
    ``regions_sum`` (regions' minimum shares above 100 %), ``no_fit`` (even the cheapest mix
    within the limits costs more than the budget) or ``no_fit_region`` (no mix within the
    budget meets the region limits).
    """

    def __init__(self, code: str, **values: Any) -> None:
        self.code = code
        self.values = values
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """The message in ``lang`` (numbers in its convention)."""
        from simulator import formatting as fmt

        shown = {}
        for key, value in self.values.items():
            if key in ("budget", "cost", "most") and isinstance(value, float):
                shown[key] = fmt.rp_tn(value, lang)
            elif key == "total" and isinstance(value, float):
                shown[key] = fmt.percent(value, lang, 0)
            elif isinstance(value, float):
                shown[key] = fmt.number(value, lang, 4, optional=True)
            elif key == "names":
                shown[key] = str(value)
            else:  # what the user typed: shown in part
                shown[key] = str(value)[:60]
        return tr(f"alloc_err_{self.code}", lang, **shown)


@dataclass(frozen=True)
class Limits:
    """An instrument's minimum and maximum (in its unit), a region's minimum and maximum
    share of the added direct job-years [%]."""

    minimum: dict[str, float] = field(default_factory=dict)
    maximum: dict[str, float] = field(default_factory=dict)
    region_min: dict[str, float] = field(default_factory=dict)
    region_max: dict[str, float] = field(default_factory=dict)


def parse_limits(
    minimum: Iterable[str] = (), maximum: Iterable[str] = (), table: ParameterTable | None = None
) -> Limits:
    """``NAME=VALUE`` texts (an instrument's name or ``jobs_share_<region>``) as limits."""
    table = table or load_parameters()
    out = Limits()
    for texts, instrument, region in (
        (minimum, out.minimum, out.region_min),
        (maximum, out.maximum, out.region_max),
    ):
        for text in texts:
            name, sep, raw = str(text).partition("=")
            name = name.strip()
            if not sep or not name:
                raise AllocationError("limit_syntax", text=text)
            try:
                value = parse_number(raw)
            except ValueError:
                raise AllocationError("limit_value", name=name, value=raw) from None
            if name in table.policy:
                instrument[name] = value
            elif name.startswith(REGION_PREFIX) and name[len(REGION_PREFIX) :] in REGIONS:
                region[name[len(REGION_PREFIX) :]] = value
            else:
                names = ", ".join([*table.policy, *(REGION_PREFIX + r for r in REGIONS)])
                raise AllocationError("limit_name", name=name, names=names)
    return out


def check_budget(budget: float) -> float:
    """The budget [Rp tn] if it is a number from 0 to :data:`MAX_BUDGET_RP_TN`."""
    try:
        value = float(budget)
    except (TypeError, ValueError):
        raise AllocationError("budget", budget=str(budget), most=MAX_BUDGET_RP_TN) from None
    if not math.isfinite(value) or not 0.0 <= value <= MAX_BUDGET_RP_TN:
        raise AllocationError("budget", budget=value, most=MAX_BUDGET_RP_TN)
    return value


def check_goal(goal: str) -> str:
    """The output of ``goal`` (a goal name, or the output's own name)."""
    if goal in GOALS:
        return GOALS[goal]
    if goal in GOALS.values():
        return goal
    raise AllocationError("goal", goal=goal, names=", ".join(GOALS))


def bounds(limits: Limits, table: ParameterTable) -> dict[str, tuple[float, float]]:
    """Each instrument's search range: from its skenario dasar value (below it an instrument
    costs nothing and adds nothing) or its minimum, to its maximum or its upper limit."""
    out = {}
    for name in table.policy:
        param = table[name]
        for value in (limits.minimum.get(name), limits.maximum.get(name)):
            if value is not None and not param.min <= value <= param.max:
                raise AllocationError(
                    "limit_range", name=name, value=value, low=param.min, high=param.max
                )
        low = limits.minimum.get(name, param.value)
        high = limits.maximum.get(name, param.max)
        if name in limits.minimum and name in limits.maximum and low > high:
            raise AllocationError("contradictory", name=name, low=low, high=high)
        out[name] = (min(low, high), high)
    for region in REGIONS:
        low = limits.region_min.get(region, 0.0)
        high = limits.region_max.get(region, 100.0)
        for value in (low, high):
            if not 0.0 <= value <= 100.0:
                raise AllocationError(
                    "limit_range", name=REGION_PREFIX + region, value=value, low=0.0, high=100.0
                )
        if low > high:
            raise AllocationError("contradictory", name=REGION_PREFIX + region, low=low, high=high)
    if sum(limits.region_min.values()) > 100.0:
        raise AllocationError("regions_sum", total=float(sum(limits.region_min.values())))
    return out


@dataclass(frozen=True)
class Option:
    """A mix of instrument values with its PV cost [Rp tn] and PV goal."""

    mix: dict[str, float]
    cost: float
    goal: float
    meets_limits: bool = True


@dataclass(frozen=True)
class Allocation:
    """The answer: the best mix, each instrument alone, the frontiers and the chance."""

    goal: str
    output: str
    budget: float
    best: Option
    alone: dict[str, Option]
    frontier: dict[str, tuple[np.ndarray, np.ndarray]]  # "mix" or an instrument -> (cost, goal)
    evaluated: int
    seconds: float
    spacing: dict[str, float]  # the final grid spacing of each instrument, in its unit
    runner_up: str | None = None
    chance: float | None = None  # that the best mix beats the runner-up, over the draws
    draws: int = 0
    rate_pct: float = 9.0  # the social discount rate of the appraisal [% a year]

    def gain_over(self, name: str) -> float | None:
        """How much more of the goal the best mix gives than ``name`` alone [%]."""
        other = self.alone[name].goal
        if other <= 0:
            return None
        return 100.0 * (self.best.goal - other) / other

    def table(self) -> pd.DataFrame:
        """One row per option: the best mix, then each instrument alone."""
        rows = []
        for option_name, option in (("best_mix", self.best), *self.alone.items()):
            gain = None if option_name == "best_mix" else self.gain_over(option_name)
            rows.append(
                {
                    "option": option_name if option_name == "best_mix" else f"alone:{option_name}",
                    **option.mix,
                    "cost_pv_rp_tn": option.cost,
                    "goal": self.goal,
                    "goal_pv": option.goal,
                    "best_mix_gain_pct": gain,
                    "meets_limits": option.meets_limits,
                }
            )
        return pd.DataFrame(rows)

    def record(self) -> dict[str, Any]:
        """Everything as plain data (the CLI's JSON)."""
        return {
            "goal": self.goal,
            "output": self.output,
            "budget_pv_rp_tn": self.budget,
            "basis": {
                "appraisal_years": appraisal.APPRAISAL_YEARS,
                "discount_rate_pct": self.rate_pct,
            },
            "best_mix": {
                **self.best.mix,
                "cost_pv_rp_tn": self.best.cost,
                "goal_pv": self.best.goal,
            },
            "alone": {
                name: {
                    **o.mix,
                    "cost_pv_rp_tn": o.cost,
                    "goal_pv": o.goal,
                    "best_mix_gain_pct": self.gain_over(name),
                }
                for name, o in self.alone.items()
            },
            "runner_up": self.runner_up,
            "chance_beats_runner_up": self.chance,
            "draws": self.draws,
            "evaluated": self.evaluated,
            "seconds": self.seconds,
            "final_spacing": self.spacing,
            "tolerance_pct": TOLERANCE_PCT,
        }


class _Evaluator:
    """Runs batches of mixes on the scenario's own settings and assumptions."""

    def __init__(
        self,
        values: Mapping[str, float],
        names: tuple[str, ...],
        output: str,
        limits: Limits,
        table: ParameterTable,
    ) -> None:
        self.base = {k: v for k, v in values.items() if k not in names}
        self.start = int(values.get("policy_start_year", table["policy_start_year"].value))
        self.base["end_year"] = appraisal.appraisal_end_year(self.start)
        self.rate = appraisal.discount_rate(values, table)
        self.names = names
        self.output = output
        self.limits = limits
        self.table = table
        self.regional = bool(limits.region_min or limits.region_max)
        self.count = 0

    def __call__(self, mixes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """PV cost, PV goal and whether the region limits hold, one per row of ``mixes``."""
        batch: dict[str, Any] = dict(self.base)
        for i, name in enumerate(self.names):
            batch[name] = mixes[:, i]
        result = simulate(batch, params=self.table, with_regions=self.regional)
        self.count += len(mixes)
        cost = appraisal.public_cost_pv(result, self.start, self.rate)
        goal = appraisal.effect_pv(result, self.output, self.start, self.rate)
        ok = np.ones(len(mixes), dtype=bool)
        if self.regional:
            weights = appraisal.discount_weights(result.years, self.start, self.rate)
            added = (result.regions["jobs"] - result.regions_baseline["jobs"]) @ weights  # (n, 3)
            total = added.sum(axis=1)
            positive = (total > 0)[:, None]
            share = np.where(positive, 100.0 * added / np.where(positive, total[:, None], 1.0), 0)
            for r, region in enumerate(REGIONS):
                ok &= share[:, r] >= self.limits.region_min.get(region, 0.0) - 1e-9
                ok &= share[:, r] <= self.limits.region_max.get(region, 100.0) + 1e-9
        return cost, goal, ok


def _simplex(k: int, steps: int) -> np.ndarray:
    """Every split of a whole into k shares that are multiples of 1/steps, (rows, k)."""
    rows = [
        np.diff(np.concatenate([[0], cuts, [steps]])) / steps
        for cuts in itertools.combinations_with_replacement(range(steps + 1), k - 1)
    ]
    return np.array(rows, dtype=np.float64).reshape(-1, k)


def _value_for(curve: tuple[np.ndarray, np.ndarray], spend: np.ndarray) -> np.ndarray:
    """The largest value of one instrument whose own cost (a non-decreasing curve over its
    levels) is at most ``spend``, interpolated between levels."""
    levels, cost = curve
    index = np.clip(np.searchsorted(cost, spend, side="right") - 1, 0, len(levels) - 1)
    nxt = np.minimum(index + 1, len(levels) - 1)
    rise = cost[nxt] - cost[index]
    part = np.where(rise > 0, (spend - cost[index]) / np.where(rise > 0, rise, 1.0), 0.0)
    part = np.where(index == nxt, 0.0, np.clip(part, 0.0, 1.0))
    return levels[index] + part * (levels[nxt] - levels[index])


def _transfers(
    mix: np.ndarray,
    curves: list[tuple[np.ndarray, np.ndarray]],
    low: np.ndarray,
    high: np.ndarray,
    step: np.ndarray,
) -> np.ndarray:
    """Mixes that move money from one instrument to another: i down by 1 to 3 of its steps,
    j up by what that frees (by the instruments' own cost curves)."""
    rows = []
    own = [np.interp(mix[i], curves[i][0], curves[i][1]) for i in range(len(mix))]
    for i, j in itertools.permutations(range(len(mix)), 2):
        for n in (1, 2, 3):
            down = max(mix[i] - n * step[i], low[i])
            if down >= mix[i]:
                continue
            freed = own[i] - np.interp(down, curves[i][0], curves[i][1])
            up = float(_value_for(curves[j], np.array([own[j] + freed]))[0])
            row = mix.copy()
            row[i], row[j] = down, min(max(up, mix[j]), high[j])
            rows.append(row)
    return np.array(rows, dtype=np.float64).reshape(-1, len(mix))


def _single(best: tuple[np.ndarray, float, float]) -> tuple:
    """The best so far as a pool of one."""
    return best[0][None, :], np.array([best[1]]), np.array([best[2]]), np.array([True])


def _product(levels: list[np.ndarray]) -> np.ndarray:
    return np.array(list(itertools.product(*levels)), dtype=np.float64).reshape(-1, len(levels))


def _envelope(cost: np.ndarray, goal: np.ndarray, most: float) -> tuple[np.ndarray, np.ndarray]:
    """The most goal reached at each cost up to ``most`` (a step line), thinned for a chart."""
    order = np.argsort(cost, kind="stable")
    cost, goal = cost[order], np.maximum.accumulate(goal[order])
    keep = cost <= most
    cost, goal = cost[keep], goal[keep]
    if len(cost) == 0:
        return cost, goal
    # Only where the best goal rises, and at most FRONTIER_POINTS of them.
    rises = np.concatenate([[True], np.diff(goal) > 1e-12])
    cost, goal = cost[rises], goal[rises]
    if len(cost) > FRONTIER_POINTS:
        pick = np.unique(np.linspace(0, len(cost) - 1, FRONTIER_POINTS).round().astype(int))
        cost, goal = cost[pick], goal[pick]
    return cost, goal


def show_goal(value: float, goal: str, lang: str) -> str:
    """A goal's present value as a reader of ``lang`` writes it (jobs as person-years)."""
    from simulator import formatting as fmt
    from simulator.outputs import OUTPUTS

    if GOALS.get(goal, goal) == "jobs":
        return tr("alloc_job_years", lang, v=fmt.number(value, lang))
    return OUTPUTS[GOALS.get(goal, goal)].show(value, lang)


def allocate(
    values: Mapping[str, float],
    budget: float,
    goal: str,
    limits: Limits | None = None,
    *,
    table: ParameterTable | None = None,
    draws: int = CHANCE_DRAWS,
    seed: int = DEFAULT_SEED,
) -> Allocation:
    """The mix of instruments that does most for ``goal`` within ``budget`` (see the module
    docstring for the method). Raises :class:`AllocationError` for bad input, code
    ``no_fit`` when even the cheapest mix within the limits costs more than the budget."""
    started = time.perf_counter()
    table = table or load_parameters()
    budget = check_budget(budget)
    output = check_goal(goal)
    limits = limits or Limits()
    ranges = bounds(limits, table)
    names = table.policy
    evaluate = _Evaluator(values, names, output, limits, table)
    low = np.array([ranges[n][0] for n in names])
    high = np.array([ranges[n][1] for n in names])
    span = high - low
    baseline = np.array([table[n].value for n in names])
    fits = budget * (1.0 + 1e-12) + 1e-12

    # Every instrument alone over its range (the others at the skenario dasar): what each
    # costs and gives on its own, and so each instrument's value for a given spend.
    alone_rows = []
    for i in range(len(names)):
        rows = np.tile(baseline, (ALONE_LEVELS, 1))
        rows[:, i] = np.linspace(low[i], high[i], ALONE_LEVELS)
        alone_rows.append(rows)
    alone_mixes = np.concatenate(alone_rows)
    alone_cost, alone_goal, alone_good = evaluate(alone_mixes)
    curves = [
        (alone_mixes[i * ALONE_LEVELS : (i + 1) * ALONE_LEVELS, i],
         np.maximum.accumulate(alone_cost[i * ALONE_LEVELS : (i + 1) * ALONE_LEVELS]))
        for i in range(len(names))
    ]  # fmt: skip
    floor = np.array([curve[1][0] for curve in curves])  # the cost of each lower bound
    if floor.sum() > fits:
        raise AllocationError("no_fit", budget=budget, cost=float(floor.sum()))

    def spend(shares: np.ndarray, total: np.ndarray) -> np.ndarray:
        """Mixes that give instrument i the share shares[:, i] of what ``total`` leaves
        above the lower bounds' cost: its largest value whose own cost fits that."""
        room = np.maximum(total - floor.sum(), 0.0)[:, None] * shares + floor
        return np.stack([_value_for(curves[i], room[:, i]) for i in range(len(names))], axis=1)

    k = len(names)
    simplex = _simplex(k, SHARE_STEPS)
    frontier_budgets = budget * FRONTIER_BUDGETS
    frontier_mixes = spend(
        np.tile(_simplex(k, FRONTIER_STEPS), (len(frontier_budgets), 1)),
        np.repeat(frontier_budgets, len(_simplex(k, FRONTIER_STEPS))),
    )
    coarse = _product(
        [
            np.linspace(lo, hi, COARSE_LEVELS) if hi > lo else np.array([lo])
            for lo, hi in zip(low, high, strict=True)
        ]
    )
    mixes = np.concatenate(
        [
            spend(
                np.tile(simplex, (len(SPEND_TOTALS), 1)),
                np.repeat(budget * SPEND_TOTALS, len(simplex)),
            ),
            coarse,
            frontier_mixes,
        ]
    )
    c, g, good = evaluate(mixes)
    candidates = [(mixes, c, g, good)]
    alone_ok = alone_good & np.all(
        (alone_mixes >= low - 1e-9) & (alone_mixes <= high + 1e-9), axis=1
    )
    candidates.append((alone_mixes, alone_cost, alone_goal, alone_ok))

    def best_of(pool) -> tuple[np.ndarray, float, float] | None:
        found = None
        for rows, cost, gain, ok in pool:
            feasible = ok & (cost <= fits)
            if not feasible.any():
                continue
            # Most goal; among equals the cheaper.
            index = np.flatnonzero(feasible)
            j = index[np.lexsort((cost[index], -gain[index]))[0]]
            if (
                found is None
                or gain[j] > found[2] + 1e-12
                or (abs(gain[j] - found[2]) <= 1e-12 and cost[j] < found[1])
            ):
                found = (rows[j].copy(), float(cost[j]), float(gain[j]))
        return found

    best = best_of(candidates)
    if best is None:
        raise AllocationError("no_fit_region", budget=budget)

    # Refine: move budget between pairs of instruments around the best, in ever smaller
    # steps, and around the best mix itself on a local grid of halving spacing.
    step = span / (COARSE_LEVELS - 1)
    offsets = np.arange(REFINE_LEVELS) - REFINE_LEVELS // 2
    for _ in range(REFINE_ROUNDS):
        step = step / 2
        levels = [
            np.unique(np.clip(best[0][i] + offsets * step[i], low[i], high[i]))
            if span[i] > 0
            else np.array([low[i]])
            for i in range(k)
        ]
        rows = [_product(levels), _transfers(best[0], curves, low, high, step)]
        mixes = np.concatenate(rows)
        c, g, good = evaluate(mixes)
        candidates.append((mixes, c, g, good))
        best = best_of([_single(best), (mixes, c, g, good)])

    # Spend what is left: each instrument raised towards its maximum.
    rows = []
    for i in range(k):
        if high[i] > best[0][i]:
            move = np.tile(best[0], (FILL_LEVELS, 1))
            move[:, i] = np.linspace(best[0][i], high[i], FILL_LEVELS + 1)[1:]
            rows.append(move)
    if rows:
        mixes = np.concatenate(rows)
        c, g, good = evaluate(mixes)
        candidates.append((mixes, c, g, good))
        best = best_of([_single(best), (mixes, c, g, good)])

    as_mix = lambda row: {n: float(v) for n, v in zip(names, row, strict=True)}  # noqa: E731
    alone: dict[str, Option] = {}
    for i, name in enumerate(names):
        part = slice(i * ALONE_LEVELS, (i + 1) * ALONE_LEVELS)
        c, g = alone_cost[part], alone_goal[part]
        feasible = c <= fits
        j = int(np.flatnonzero(feasible)[np.argmax(g[feasible])]) if feasible.any() else 0
        alone[name] = Option(
            as_mix(alone_mixes[part][j]), float(c[j]), float(g[j]), bool(alone_ok[part][j])
        )

    # The frontier of the best mix: the best feasible mix at each of the frontier's budgets
    # (and this budget's answer); of each instrument alone, its own curve.
    most = float(frontier_budgets[-1])
    per = len(_simplex(k, FRONTIER_STEPS))
    f_cost, f_goal = candidates[0][1], candidates[0][2]
    start_row = len(candidates[0][0]) - len(frontier_mixes)
    points_cost, points_goal = [0.0], [0.0]
    for j, level in enumerate(frontier_budgets):
        part = slice(start_row + j * per, start_row + (j + 1) * per)
        ok = candidates[0][3][part] & (f_cost[part] <= level * (1 + 1e-12) + 1e-12)
        # At least what any instrument alone gives for that money (the answer's search
        # includes them too).
        alone_best = [
            float(np.max(alone_goal[i * ALONE_LEVELS : (i + 1) * ALONE_LEVELS][fit]))
            for i in range(k)
            if (fit := alone_cost[i * ALONE_LEVELS : (i + 1) * ALONE_LEVELS] <= level + 1e-12).any()
        ]
        found = [*alone_best, *([float(f_goal[part][ok].max())] if ok.any() else [])]
        if found:
            points_cost.append(float(level))
            points_goal.append(max(found))
    points_cost.append(budget)
    points_goal.append(best[2])
    order = np.argsort(points_cost, kind="stable")
    frontier = {
        "mix": (np.array(points_cost)[order], np.maximum.accumulate(np.array(points_goal)[order]))
    }
    for i, name in enumerate(names):
        part = slice(i * ALONE_LEVELS, (i + 1) * ALONE_LEVELS)
        frontier[name] = _envelope(alone_cost[part], alone_goal[part], most)

    best_option = Option(as_mix(best[0]), best[1], best[2])
    runner_up, chance = None, None
    if draws:
        runner_up = max(alone, key=lambda n: alone[n].goal)
        chance = _chance(
            values,
            best_option,
            alone[runner_up],
            output,
            draws,
            seed,
            table,
            evaluate.start,
            evaluate.rate,
        )
    return Allocation(
        goal=goal,
        output=output,
        budget=budget,
        best=best_option,
        alone=alone,
        frontier=frontier,
        evaluated=evaluate.count,
        seconds=time.perf_counter() - started,
        spacing={n: float(s) for n, s in zip(names, step, strict=True)},
        runner_up=runner_up,
        chance=chance,
        draws=draws,
        rate_pct=evaluate.rate,
    )


def _chance(
    values: Mapping[str, float],
    best: Option,
    other: Option,
    output: str,
    draws: int,
    seed: int,
    table: ParameterTable,
    start: int,
    rate_pct: float,
) -> float:
    """Share of draws in which ``best`` gives more of the goal than ``other``."""
    ranges = load_ranges(table=table)
    correlations = load_correlations(ranges=ranges)
    drawn = draw(_centred(values, ranges, table), draws, seed, correlations)
    batch: dict[str, Any] = {k: v for k, v in values.items() if k not in best.mix}
    batch["end_year"] = appraisal.appraisal_end_year(start)
    for name, column in drawn.items():
        batch[name] = np.concatenate([column, column])
    for name in best.mix:
        batch[name] = np.repeat([best.mix[name], other.mix[name]], draws)
    result = simulate(batch, params=table, with_regions=False)
    goal = appraisal.effect_pv(result, output, start, rate_pct)
    return float(np.mean(goal[:draws] > goal[draws:]))
