"""Scenario validation: dirty input fails with a message naming the parameter and range."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator import Scenario, ScenarioError, simulate
from simulator.scenario import format_value, parse_number
from tests.strategies import TABLE, scenarios


@pytest.mark.parametrize(
    ("values", "code", "fragment"),
    [
        ({"nope": 1}, "unknown", "unknown parameter 'nope'"),
        ({"investment": "abc"}, "not_number", "allowed range [0, 15]"),
        ({"investment": float("nan")}, "not_number", "investment"),
        ({"investment": float("inf")}, "not_number", "investment"),
        ({"investment": -0.1}, "out_of_range", "investment: -0.1 is outside the allowed range"),
        ({"end_year": 2060}, "out_of_range", "[2020, 2050]"),
        ({"end_year": 2030.5}, "not_integer", "not a whole year"),
        ({"new_units_share_jabar": 80}, "shares", "above 100 %"),
        ({"investment": [[1.0]]}, "not_number", "investment"),
    ],
)
def test_bad_values_raise_clear_errors(values, code, fragment):
    """simulate() refuses each bad value with a ScenarioError naming it."""
    with pytest.raises(ScenarioError) as caught:
        simulate(values)
    assert caught.value.code == code
    assert fragment in str(caught.value)


def test_mixed_end_years_refused():
    """A batch must share its end year."""
    with pytest.raises(ScenarioError, match="share the end year"):
        simulate({"end_year": np.array([2030, 2031])})


def test_arrays_of_different_lengths_refused():
    """Two parameter arrays of different lengths are an error, not a silent broadcast."""
    with pytest.raises(ValueError, match="different lengths"):
        simulate({"investment": np.ones(3), "new_units": np.ones(4)})


def test_assignment_syntax_errors():
    """NAME=VALUE parsing names the faulty item."""
    with pytest.raises(ScenarioError, match="expected NAME=VALUE"):
        Scenario.from_assignments(["investment"])
    with pytest.raises(ScenarioError, match="unknown parameter 'x'"):
        Scenario.from_assignments(["x=1"])
    with pytest.raises(ScenarioError, match=r"'1\.2\.3' is not a number"):
        Scenario.from_assignments(["investment=1.2.3"])


def test_decimal_comma_accepted():
    """'5,6' is read as 5.6, as an Indonesian user types it."""
    assert parse_number("5,6") == 5.6
    assert Scenario.from_assignments(["investment=5,6"]).as_dict() == {"investment": 5.6}


@given(scenarios())
def test_scenario_keeps_only_differences_and_round_trips(values):
    """Scenario -> NAME=VALUE -> Scenario is the identity, and defaults are left out."""
    scenario = Scenario.from_mapping(values)
    assert all(TABLE[k].value != v for k, v in scenario.values)
    again = Scenario.from_assignments(scenario.assignments())
    assert again == scenario
    assert hash(again) == hash(scenario)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_format_value_reads_back_exactly(x):
    """format_value gives text that parses to the same float."""
    assert parse_number(format_value(x)) == x


@settings(max_examples=25, deadline=None)
@given(scenarios())
def test_a_validated_scenario_runs_as_its_values(values):
    """The page validates once (Scenario.from_mapping) and hands the model the Scenario,
    which it runs as it is: the same numbers as the raw values, which it checks itself."""
    scenario = Scenario.from_mapping(values)
    given_scenario = simulate(scenario)
    given_values = simulate(values)
    for name in ("production_rp_tn", "jobs", "value_added_rp_tn"):
        np.testing.assert_array_equal(given_scenario[name], given_values[name])
