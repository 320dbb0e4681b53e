"""One year for the capacity limit (issue 21): the warning, the sentence and the
utilisation the charts show agree, and a limit just after the years shown is mentioned."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given

from simulator import formatting as fmt
from simulator.params import load_parameters
from simulator.plausibility import flags
from simulator.report import ceiling_year, later_values, run_pair, sentence
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
    result = run_pair(values)
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
    result = run_pair(TIGHT)
    later = run_pair(later_values(TIGHT))
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
    later = run_pair(later_values(values))
    assert ceiling_year(later, 1) is not None
    assert capacity(flags(run_pair(values), later=later)) == []


@given(scenarios())
def test_the_capacity_year_is_the_first_year_of_unmet_demand(values):
    """For any scenario, the one capacity flag (if any) names the first year with unmet
    demand, within the years shown or, failing that, after them but sooner than the
    skenario dasar's."""
    result = run_pair(values)
    later = run_pair(later_values({**TABLE.defaults, **values}))
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
