"""Every row of data/parameters.csv is read by the model, and every policy lever moves an
output. A row added to the table that nothing reads (a lever that does nothing) fails here.

How: each row is moved within its range, one at a time, from a scenario in which every policy
lever is already moved (so displacement, gains, costs and regional shares of the instruments
all matter), and something the model returns must change: an output or its baseline, a
regional figure, a diagnostic or a path. Reading a value and ignoring it fails too, which a
reads-tracking wrapper around the columns would not catch.

The one exemption comes from the table, not from a list here: rows whose ``role`` is ``view``
(today ``end_year``, the last year shown) choose what is shown and, by the table's own
definition (simulator/params.py), never change a number: for them the test is the opposite,
that no number of the years both runs show changes. Every count and name below is read from
the table, so rows added later are covered as they are.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import numpy as np
import pytest

from simulator import load_parameters, simulate
from simulator.params import Parameter
from simulator.scenario import ScenarioError

TABLE = load_parameters()
VIEW = "view"
RTOL = 1e-9  # a change smaller than this, relative to the value, is rounding, not a move


def _on_step(param: Parameter, value: float) -> float:
    """``value`` on the row's step grid, within its range (whole for years)."""
    snapped = param.min + round((value - param.min) / param.step) * param.step
    snapped = min(max(snapped, param.min), param.max)
    return float(round(snapped)) if param.is_integer else round(snapped, 10)


def _ends(param: Parameter) -> list[float]:
    """The ends of the row's range other than its own value, the upper one first."""
    return [end for end in (param.max, param.min) if end != param.value]


def candidates(param: Parameter) -> list[float]:
    """Values within the row's range other than its own: both ends and both midpoints."""
    points = (param.min, param.max, (param.min + param.value) / 2, (param.value + param.max) / 2)
    values = dict.fromkeys(_on_step(param, v) for v in points)
    return [v for v in values if v != param.value]


def effect_on_outputs(values: dict[str, float]) -> dict[str, float]:
    """Each output's largest change against the scenario's own baseline over the years shown,
    relative to the baseline's size."""
    result = simulate(values, params=TABLE)
    return {
        output: float(np.max(np.abs(result.outputs[output] - result.baseline[output])))
        / (float(np.max(np.abs(result.baseline[output]))) or 1.0)
        for output in result.outputs
    }


def moved_value(param: Parameter) -> float:
    """A policy lever half-way from its baseline towards the end of its range in which it
    acts (a target the trend reaches anyway does nothing, so that is not always the top)."""
    halves = [_on_step(param, param.value + (end - param.value) / 2) for end in _ends(param)]
    for value in halves:
        if max(effect_on_outputs({param.name: value}).values()) > RTOL:
            return value
    return halves[0]


# Every instrument moved: the scenario in which each row is then moved in turn.
POLICY_ON = {name: moved_value(TABLE[name]) for name in TABLE.policy}


def _arrays(result) -> dict[str, np.ndarray]:
    """Every array a Result holds (outputs, baseline, regions, diagnostics, paths, years),
    whatever fields the model has, keyed 'field/name' (a mapping computed on first use, such
    as the regions, is read too)."""
    found = {}
    for spec in dataclasses.fields(result):
        value = getattr(result, spec.name)
        if isinstance(value, Mapping):
            found.update({f"{spec.name}/{k}": np.asarray(v) for k, v in value.items()})
        elif isinstance(value, np.ndarray):
            found[spec.name] = value
    return found


def _differs(a: np.ndarray, b: np.ndarray) -> bool:
    if a.shape != b.shape:
        return True
    return not np.allclose(a, b, rtol=RTOL, atol=0.0, equal_nan=True)


def what_moved(before, after) -> list[str]:
    """The arrays of ``after`` that differ from ``before`` (added or dropped ones too)."""
    old, new = _arrays(before), _arrays(after)
    return sorted(k for k in old.keys() | new.keys() if k not in old or k not in new
                  or _differs(old[k], new[k]))  # fmt: skip


def _common_years(result, years: np.ndarray) -> dict[str, np.ndarray]:
    """Every array of ``result`` with its year axis (the last) cut to ``years``."""
    keep = np.isin(result.years, years)
    return {
        k: (v[..., keep] if v.ndim and v.shape[-1] == len(result.years) else v)
        for k, v in _arrays(result).items()
        if k != "years"
    }


def _room_for(name: str, value: float, error: ScenarioError) -> dict[str, float] | None:
    """When ``value`` pushes a pair of regional shares over 100 %, the other share of the pair
    lowered to make room (None when it cannot be)."""
    if error.code != "shares" or name not in (error.name, error.other):
        return None
    other = error.other if error.name == name else error.name
    room = _on_step(TABLE[other], 100.0 - value)
    if room + value > 100.0 + 1e-9 or room < TABLE[other].min:
        return None
    return {other: room}


def tried(name: str):
    """(value, reference, result) for each candidate value of ``name``: the run with every
    lever moved and ``name`` at that value, and the same run with ``name`` at its table value.
    A share that would push its regional pair over 100 % is tried with the pair's other share
    lowered to make room, in both runs, so that only ``name`` differs between them."""
    found = []
    for value in candidates(TABLE[name]):
        context = dict(POLICY_ON)
        try:
            result = simulate({**context, name: value}, params=TABLE)
        except ScenarioError as error:
            room = _room_for(name, value, error)
            if room is None:
                continue
            context.update(room)
            result = simulate({**context, name: value}, params=TABLE)
        found.append((value, simulate(context, params=TABLE), result))
    assert found, f"{name}: no value in its range [{TABLE[name].min}, {TABLE[name].max}] runs"
    return found


def test_the_reference_moves_every_lever():
    """The scenario the rows are moved from has every policy row away from its baseline, in
    the direction in which it acts."""
    assert TABLE.policy, "the table has no policy rows"
    for name in TABLE.policy:
        assert TABLE[name].min <= POLICY_ON[name] <= TABLE[name].max
        assert POLICY_ON[name] != TABLE[name].value, name
        moved = max(effect_on_outputs({name: POLICY_ON[name]}).values())
        assert moved > RTOL, f"{name}={POLICY_ON[name]} moves no output against its baseline"


@pytest.mark.parametrize("name", [p.name for p in TABLE.rows if p.role != VIEW])
def test_every_row_moves_something_the_model_returns(name):
    """Moving the row within its range changes an output, a regional figure, a diagnostic or
    a path: the model reads it and uses it."""
    moved = {value: what_moved(before, after) for value, before, after in tried(name)}
    assert any(moved.values()), (
        f"{name} (role {TABLE[name].role}) changes nothing the model returns at "
        f"{sorted(moved)} (table value {TABLE[name].value}): nothing reads it, or it is "
        f"display-only and its role should be '{VIEW}'"
    )


@pytest.mark.parametrize("name", [p.name for p in TABLE.rows if p.role == VIEW])
def test_view_rows_change_no_number(name):
    """A row whose role is 'view' changes which years are shown, never a number in them."""
    for value, before, after in tried(name):
        shared = np.intersect1d(before.years, after.years)
        assert len(shared), (name, value)
        old, new = _common_years(before, shared), _common_years(after, shared)
        assert old.keys() == new.keys(), (name, value)
        changed = [k for k in old if _differs(old[k], new[k])]
        assert not changed, f"{name}={value} changes {changed}"


@pytest.mark.parametrize("name", TABLE.policy)
def test_every_policy_lever_moves_an_output_against_the_baseline(name):
    """Each policy row alone, moved from the skenario dasar to an end of its range, gives an
    effect (scenario minus its own baseline) on at least one output in the years shown."""
    effects = {end: max(effect_on_outputs({name: end}).values()) for end in _ends(TABLE[name])}
    assert any(largest > RTOL for largest in effects.values()), (
        f"{name} at {sorted(effects)} leaves every output at its baseline"
    )
