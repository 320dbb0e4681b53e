"""Lever sweeps: each grid point holds what the page shows for that scenario, exactly."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator import sweeps
from simulator.model import simulate_pair
from simulator.outputs import OUTPUTS
from simulator.plausibility import flags, is_caution
from simulator.view import view_outputs
from tests.strategies import TABLE, scenarios

ALL = tuple(OUTPUTS)
MESSAGE_LIMIT = 1_000_000  # .streamlit/config.toml: server.maxMessageSize = 1 (MB)


@settings(max_examples=25, deadline=None)
@given(scenarios(), st.sampled_from(TABLE.policy), st.floats(0, 1))
def test_every_point_is_the_scenario_run_alone(values, lever, where):
    """The sweep's values at a grid point are bit for bit those of the same scenario run on
    its own (the page's run), in every year carried; the years not carried are the same at
    every point; the caution mark is the flags' verdict for that run."""
    full = {**TABLE.defaults, **values}
    sweep = sweeps.compute(full, ALL, TABLE, [lever])[lever]
    assert sweep.grid == sweeps.grid_of(lever, full, TABLE)
    index = min(int(where * len(sweep.grid)), len(sweep.grid) - 1)
    alone = simulate_pair({**full, lever: sweep.grid[index]}, TABLE)
    current = simulate_pair(full, TABLE)
    carried = len(sweep.years)
    first = len(alone.years) - carried
    assert list(sweep.years) == list(alone.years[first:])
    for name in ALL:
        assert np.array_equal(sweep.outputs[name][index], alone[name][0, first:]), name
        assert np.array_equal(alone[name][0, :first], current[name][0, :first]), name
        # The baseline does not move with an instrument: the page's is every point's.
        assert np.array_equal(alone[name][1], current[name][1]), name
    assert bool(sweep.caution[index]) == is_caution(flags(alone))


@settings(max_examples=10, deadline=None)
@given(scenarios())
def test_a_sweep_survives_its_trip(values):
    """What the browser receives decodes to the sweep sent, every number exact."""
    full = {**TABLE.defaults, **values}
    for sweep in sweeps.compute(full, ALL, TABLE).values():
        back = sweeps.decode(sweeps.encode(sweep))
        assert (back.lever, back.grid, back.key) == (sweep.lever, sweep.grid, sweep.key)
        assert list(back.years) == list(sweep.years)
        assert list(back.caution) == list(sweep.caution)
        for name, block in sweep.outputs.items():
            assert np.array_equal(back.outputs[name], block)


def test_the_largest_sweep_fits_a_message_with_room_to_spare():
    """The longest horizon, the earliest policy start and the finest grid, with what the
    view carries: well under the 1 MB limit of one websocket message."""
    full = {**TABLE.defaults, "end_year": TABLE["end_year"].max, "policy_start_year": 2024}
    shown = view_outputs()
    sizes = {n: len(sweeps.encode(s)) for n, s in sweeps.compute(full, shown, TABLE).items()}
    assert max(sizes.values()) < MESSAGE_LIMIT / 2, sizes


def test_moving_a_lever_keeps_its_own_sweep_and_renews_the_others():
    """A sweep is keyed by the other values: after a move of one lever only the other
    levers' sweeps are new (the browser keeps the one it is dragging)."""
    cache = sweeps.Cache()
    before = cache.get(TABLE.defaults, ALL, TABLE)
    moved = {**TABLE.defaults, "investment": 5.6}
    after = cache.get(moved, ALL, TABLE)
    assert after["investment"] == before["investment"]
    for name in TABLE.policy:
        if name != "investment":
            assert after[name][0] != before[name][0]
            assert sweeps.decode(after[name][1]).key == after[name][0]
    assert sweeps.expected_keys(moved, TABLE) == {n: k for n, (k, _) in after.items()}


def test_an_off_grid_value_is_a_point_of_its_sweep():
    """A typed value between grid points is on its lever's grid, so the sweep has it."""
    values = {**TABLE.defaults, "investment": 5.55}
    sweep = sweeps.compute(values, ("production_rp_tn",), TABLE, ["investment"])["investment"]
    alone = simulate_pair(values, TABLE)
    at = sweep.point(5.55)
    first = len(alone.years) - len(sweep.years)
    shown = alone["production_rp_tn"][0, first:]
    assert np.array_equal(sweep.outputs["production_rp_tn"][at], shown)
