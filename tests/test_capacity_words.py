"""The sentence and the warnings explain their numbers (issue 21): one year for the
capacity limit, in the warning, the sentence and the utilisation the charts show, a limit
just after the years shown mentioned; the new units' province and why fewer work than
were opened."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator import formatting as fmt
from simulator.model import simulate_pair
from simulator.params import load_parameters
from simulator.plausibility import flags
from simulator.regions import region_label
from simulator.report import ceiling_year, later_values, programme_units, sentence, units_note
from tests.strategies import scenarios

TABLE = load_parameters()
TIGHT = {**TABLE.defaults, "online_adoption": 90.0, "investment": 0.0}


def capacity(found):
    return [f for f in found if f.code.startswith("capacity")]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_warning_sentence_and_utilisation_name_the_same_years(lang):
    """Run to 2040: the warning and the sentence give the first year of unmet demand; the
    warning quotes that year's utilisation as the chart shows it and the first year the
    utilisation reaches 100 %."""
    values = {**TIGHT, "end_year": 2040.0}
    result = simulate_pair(values)
    (flag,) = capacity(flags(result))
    year = ceiling_year(result)
    assert flag.year == year
    utilisation = result["utilisation_pct"][0]
    text = flag.text(lang)
    assert str(year) in text
    assert fmt.percent(float(utilisation[result.index(year)]), lang) in text
    full = int(result.years[np.argmax(utilisation >= 99.95)])
    assert full > year
    assert str(full) in text
    spoken = sentence(values, result, lang, TABLE)
    assert str(year) in spoken
    assert str(full) not in spoken


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_limit_after_the_years_shown_is_mentioned(lang):
    """Shown to 2030, a scenario whose demand outgrows capacity in 2032 (the skenario dasar
    only in 2045) says so, with both years from the run to 2050."""
    result = simulate_pair(TIGHT)
    later = simulate_pair(later_values(TIGHT))
    assert capacity(flags(result)) == []
    (flag,) = capacity(flags(result, later=later))
    assert flag.code == "capacity_later"
    assert flag.year == ceiling_year(later, 0) > int(result.years[-1])
    assert flag.other_year == ceiling_year(later, 1)
    text = flag.text(lang)
    assert str(flag.year) in text
    assert str(ceiling_year(later, 1)) in text
    assert "2030" in text


def test_the_baselines_own_later_limit_is_no_news():
    """The skenario dasar itself outgrows capacity after 2030; a scenario that does not
    bring that year forward gets no note about it."""
    values = dict(TABLE.defaults)
    later = simulate_pair(later_values(values))
    assert ceiling_year(later, 1) is not None
    assert capacity(flags(simulate_pair(values), later=later)) == []


@given(scenarios())
def test_the_capacity_year_is_the_first_year_of_unmet_demand(values):
    """For any scenario, the one capacity flag (if any) names the first year with unmet
    demand, within the years shown or, failing that, after them but sooner than the
    skenario dasar's."""
    result = simulate_pair(values)
    later = simulate_pair(later_values({**TABLE.defaults, **values}))
    found = capacity(flags(result, later=later))
    assert len(found) <= 1
    shown = ceiling_year(result)
    if shown is not None:
        assert [(f.code, f.year) for f in found] == [("capacity_full", shown)]
        return
    after, base = ceiling_year(later, 0), ceiling_year(later, 1)
    if after is not None and (base is None or after < base):
        assert [(f.code, f.year) for f in found] == [("capacity_later", after)]
    else:
        assert found == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_new_units_say_where_and_why_fewer_are_working(lang):
    """The West Java programme's sentence names West Java; the note under the units card
    gives the 5,000 units opened in 2027-2030 and the additional units working in 2030, the
    change the units card shows: 1,250 a year, less the deadweight share that would have
    opened anyway, times the survival share, working from the year after they open, 3 %
    closing a year (1 + 0.97 + 0.97^2), with the two shares the note names."""
    values = {
        **TABLE.defaults,
        "new_units": 1250.0,
        "new_units_share_jabar": 100.0,
        "new_units_share_jatim": 0.0,
    }
    result = simulate_pair(values)
    assert region_label("jawa_barat", lang) in sentence(values, result, lang, TABLE)
    deadweight = TABLE["new_units_deadweight"].value
    survival = TABLE["programme_survival"].value
    working = 1250 * (1 - deadweight / 100) * survival / 100 * (1 + 0.97 + 0.97**2)
    assert result.effect("units")[0, -1] == pytest.approx(working)
    note = units_note(values, result, lang, TABLE)
    assert fmt.count(5000, lang) in note
    assert fmt.count(working, lang) in note
    assert "2027–2030" in note
    assert fmt.percent(3, lang, 0) in note
    assert fmt.percent(deadweight, lang, 0) in note
    assert fmt.percent(survival, lang, 0) in note
    assert units_note(dict(TABLE.defaults), simulate_pair({}), lang, TABLE) == ""


@given(
    st.floats(0, 20_000),
    st.integers(2024, 2035),
    st.floats(0, 10),
    st.integers(2024, 2040),
)
def test_programme_units_are_the_models_units(new_units, start, attrition, end_year):
    """The units the sentence says are working in the last year are the model's change in
    units when only the programme, its start, attrition and the end year are set."""
    values = {
        **TABLE.defaults,
        "new_units": new_units,
        "policy_start_year": float(start),
        "attrition": attrition,
        "end_year": float(end_year),
    }
    result = simulate_pair(values)
    opened, working = programme_units(values, result.years, TABLE)
    assert working == pytest.approx(result.effect("units")[0, -1], rel=1e-9, abs=1e-6)
    assert opened == pytest.approx(new_units * max(0, end_year - start + 1))
    assert working <= opened + 1e-9
