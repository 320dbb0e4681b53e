"""Policy effects as an economist reviews them: timing, net effects, demand, costs, regions."""

from __future__ import annotations

import csv
import io
import re

import numpy as np
import pytest
from numpy.testing import assert_allclose

from simulator import simulate
from simulator.files.briefing import money_lines
from simulator.i18n import tr
from simulator.links import to_query
from simulator.model import simulate_pair
from simulator.params import PARAMETERS_CSV, load_parameters
from simulator.plausibility import flags
from simulator.presets import load_presets
from simulator.report import efficiency, headlines, sentence
from simulator.scenario import Scenario

TABLE = load_parameters()


def effect(values: dict, name: str, year: int = 2030) -> float:
    result = simulate({**values, "end_year": max(year, 2030)})
    return float(result.effect(name)[0, result.index(year)])


def test_investment_raises_capacity_from_the_following_year():
    """Added investment in 2027 acts from 2028: no effect in the first policy year."""
    assert effect({"investment": 5.6}, "capacity_rp_tn", 2027) == 0
    assert effect({"investment": 5.6}, "capacity_rp_tn", 2028) > 0
    assert effect({"new_units": 1000}, "units", 2027) == 0
    full = {"new_units_deadweight": 0, "programme_survival": 100, "attrition": 0}
    assert_allclose(effect({"new_units": 1000, **full}, "units", 2028), 1000)
    # Half would have opened anyway and 60 % of the rest survive: 300 additional units.
    assert_allclose(effect({"new_units": 1000, "attrition": 0}, "units", 2028), 300)


def test_online_target_is_reached_by_its_target_year():
    """A reachable target holds from its target year; the end year changes nothing."""
    for target_year in (2029, 2032):
        values = {"online_adoption": 70, "online_target_year": target_year}
        result = simulate({**values, "end_year": 2040})
        share = result["online_share_pct"][0]
        assert_allclose(share[result.index(target_year)], 70, atol=1e-9)
        assert share[result.index(target_year) - 1] < 70
    long = simulate({"online_adoption": 75, "end_year": 2035})
    short = simulate({"online_adoption": 75, "end_year": 2030})
    assert_allclose(short["production_rp_tn"], long["production_rp_tn"][:, :15])


def test_history_does_not_depend_on_the_end_year():
    """Baseline 2020 production is the same whichever year the page shows last."""
    values = [simulate({"end_year": e}).at("production_rp_tn", 2020)[0] for e in (2025, 2030, 2050)]
    assert values[0] == values[1] == values[2]


def test_online_gains_are_net_of_displacement_and_deadweight():
    """With every online gain displaced, online selling adds no production; a target the
    trend reaches anyway adds nothing and costs nothing."""
    assert effect({"online_adoption": 75, "online_displacement": 100}, "production_rp_tn") == 0
    assert effect({"online_adoption": 75}, "production_rp_tn") > 0
    deadweight = simulate_pair({"online_adoption": 40})
    assert np.all(deadweight.effect("production_rp_tn") == 0)
    assert efficiency(deadweight).cost_rp_tn == 0
    assert any(f.code == "online_target_deadweight" for f in flags(deadweight))


def test_online_productivity_raises_value_added_not_jobs():
    """With no extra sales (uplift 0) going online raises value added, never jobs."""
    values = {"online_adoption": 80, "online_uplift": 0, "online_va_premium": 15}
    assert effect(values, "value_added_rp_tn") > 0
    assert effect(values, "jobs") == pytest.approx(0, abs=1e-6)


def test_new_capacity_sells_only_what_is_not_taken_from_others():
    """A new unit adds its sales less the displaced share: with 100 % displacement the
    sector sells no more, whatever its capacity."""
    full = {"new_units": 2000, "capacity_displacement": 100}
    assert effect(full, "production_rp_tn") == pytest.approx(0, abs=1e-9)
    assert effect(full, "capacity_rp_tn") > 0
    half = effect({"new_units": 2000, "capacity_displacement": 50}, "production_rp_tn")
    none = effect({"new_units": 2000, "capacity_displacement": 0}, "production_rp_tn")
    # Half displaced at the base rate; the smaller net gain presses less on its market.
    assert none / 2 < half < none


def test_sales_are_the_lesser_of_demand_and_capacity():
    """Stopping investment while pushing online selling makes capacity bind (flagged)."""
    result = simulate_pair({"online_adoption": 90, "investment": 0, "end_year": 2040})
    unmet = result["unmet_demand_rp_tn"][0]
    assert unmet.max() > 0
    # Unmet demand is what a segment at full capacity cannot make.
    assert_allclose(result["production_rp_tn"][0] + unmet, result["demand_rp_tn"][0], rtol=1e-12)
    assert np.all(result["production_rp_tn"][0] <= result["capacity_rp_tn"][0] * (1 + 1e-12))
    found = [f.code for f in flags(result)]
    assert "capacity_full" in found
    # A flagged scenario's changes are not coloured as good news.
    assert all(h.delta_color == "off" for h in headlines(result, "id"))


def test_every_instrument_at_its_maximum_is_flagged():
    """Every instrument at its maximum gives growth no history supports and gains beyond a
    quarter of the market; the model says so (displacement keeps production below three
    times its 2023 level)."""
    values = {name: TABLE[name].max for name in TABLE.policy}
    found = {f.code for f in flags(simulate({**values, "end_year": 2050}))}
    assert {"market_stretched", "growth_jump"} <= found


def test_ikm_exports_above_a_tenth_of_the_industry_s_are_flagged():
    """Aprisindo puts IKM below 10 % of footwear exports: an export share within the allowed
    range reaches that and is flagged from the first year it does, in the scenario's own
    years; the baseline (about 2 %) is not."""
    result = simulate({"export_share_offline": 30, "end_year": 2030})
    exports = result["exports_usd_mn"][0]
    limit = result.paths["exports_industry_usd_mn"][0] * 0.10
    found = [f for f in flags(result) if f.code == "exports_above_industry"]
    assert (exports > limit).any()
    assert found
    assert found[0].year == int(result.years[np.argmax(exports > limit)])
    assert_allclose(found[0].limit, limit[result.index(found[0].year)])
    assert "10" in found[0].text("id")
    assert not [f for f in flags(simulate()) if f.code == "exports_above_industry"]
    base = simulate({"end_year": 2050})
    share = base["exports_usd_mn"][0] / base.paths["exports_industry_usd_mn"][0]
    assert share.max() < 0.05


def test_programme_costs_by_hand():
    """1,000 new units a year at Rp 33.85 million each; the rebate is 15.3 % of investment
    above the baseline; each unit brought online costs Rp 2.66 million once."""
    units = simulate({"new_units": 1000})
    cost = units["programme_cost_rp_tn"][0]
    assert_allclose(cost[units.years >= 2027], 1000 * 33.85e-6, rtol=1e-12)
    assert np.all(cost[units.years < 2027] == 0)
    investment = simulate({"investment": 5.6})
    # Half the rebated investment would have been made anyway: Rp 2 rebated per Rp 1 added.
    assert_allclose(investment.at("programme_cost_rp_tn", 2030), 2.8 * 0.153 / 0.5, rtol=1e-12)
    online = simulate({"online_adoption": 75})
    extra = (online["online_units"] - online.baseline["online_units"])[0]
    added = np.maximum(np.diff(extra, prepend=0.0), 0)
    # Half the trainees go on to sell online: two trainees paid per unit brought online.
    assert_allclose(online["programme_cost_rp_tn"][0], added * 2.66e-6 / 0.5, rtol=1e-9, atol=1e-15)


def test_cost_per_job_year_and_value_added_per_rupiah_by_hand():
    """Present values over the ten years from the policy start at the social discount rate:
    public cost over net additional direct job-years, and net value added per rupiah."""
    result = simulate_pair({"new_units": 1250, "end_year": 2040})
    found = efficiency(result)
    years = result.years
    window = (years >= 2027) & (years <= 2036)
    discount = 1.09 ** -(years - 2027.0)
    cost = (result["programme_cost_rp_tn"][0] * discount)[window].sum()
    jobs = ((result["jobs"][0] - result["jobs"][1]) * discount)[window].sum()
    value_added = ((result["value_added_rp_tn"][0] - result["value_added_rp_tn"][1]) * discount)[
        window
    ].sum()
    assert (found.first_year, found.last_year, found.rate_pct) == (2027, 2036, 9.0)
    assert_allclose(found.cost_rp_tn, cost, rtol=1e-12)
    assert_allclose(found.cost_per_job_year_rp_mn, cost * 1e6 / jobs, rtol=1e-12)
    assert_allclose(found.value_added_per_rupiah, value_added / cost, rtol=1e-12)
    assert efficiency(simulate_pair({})).cost_per_job_year_rp_mn is None
    # A higher discount rate weighs the early cost against later jobs: the ratio rises.
    dearer = efficiency(simulate_pair({"new_units": 1250, "discount_rate": 12}))
    assert dearer.cost_per_job_year_rp_mn > found.cost_per_job_year_rp_mn


@pytest.mark.parametrize("preset", list(load_presets()))
def test_cost_per_job_year_does_not_depend_on_the_years_shown(preset):
    """The appraisal covers ten years from the policy start whatever the last year shown:
    2028, 2030 and 2050 give identical figures and the same headline card."""
    values = load_presets()[preset].scenario.as_dict()
    found = [efficiency(simulate_pair({**values, "end_year": e})) for e in (2028, 2030, 2050)]
    assert found[0] == found[1] == found[2]
    costs = [
        next(h for h in headlines(simulate_pair({**values, "end_year": e}), "id") if h.key == key)
        for e in (2028, 2030, 2050)
        for key in ("programme_cost_rp_tn",)
    ]
    assert len({(c.label, c.value, c.caption) for c in costs}) == 1


def test_ratios_are_words_where_a_scenario_cuts_activity():
    """Stopping all investment while paying for an online programme costs money and loses
    jobs and value added: no negative 'rupiah per rupiah' or cost per job anywhere, a plain
    phrase instead (card, sentence, briefing, command line)."""
    values = {"investment": 0.0, "online_adoption": 90.0}
    result = simulate_pair(values)
    found = efficiency(result)
    assert found.cost_rp_tn > 0
    assert found.job_years < 0
    assert found.value_added_rp_tn < 0
    assert found.cost_per_job_year_rp_mn is None
    assert found.value_added_per_rupiah is None
    for lang in ("id", "en"):
        card = next(h for h in headlines(result, lang) if h.key == "programme_cost_rp_tn")
        text = (
            card.caption
            + " "
            + sentence(values, result, lang)
            + " ".join(money_lines(result, lang))
        )
        assert tr("m_no_job_years", lang) in card.caption
        assert tr("m_no_value_added", lang) in card.caption
        assert not re.search("[-\u2212][0-9]", text)
        assert tr("m_va_per_rupiah", lang, value="").strip() not in text


def test_sales_place_displacement_stays_in_its_region():
    """A sales place takes its sales from its own market's sellers: places in West Java (the
    default) change West Java's production and jobs and leave every other region as in the
    baseline, in every year; moved to East Java, only East Java changes."""
    for shares, region in (
        ({}, 0),
        ({"sales_place_share_jabar": 0, "sales_place_share_jatim": 100}, 1),
    ):
        result = simulate_pair({"sales_place_units": 5000, "end_year": 2040, **shares})
        for name in ("production_rp_tn", "jobs"):
            change = result.regions[name][0] - result.regions[name][1]
            assert change[region, -1] > 0, name
            others = [r for r in range(3) if r != region]
            assert_allclose(change[others], 0, atol=1e-9)
    # Programme units' displacement is still spread over the existing units.
    result = simulate_pair(
        {"new_units": 2000, "new_units_share_jabar": 100, "new_units_share_jatim": 0}
    )
    change = (
        result.regions["production_rp_tn"][0, :, -1] - result.regions["production_rp_tn"][1, :, -1]
    )
    assert change[0] > 0
    assert change[1] < 0


def test_displacement_rises_with_the_size_of_the_expansion():
    """d = 1 - (1 - d0) M / (M + N): the net gain per programme unit falls as the programme
    grows, and no instrument, however large, adds more than its market."""
    small = effect({"new_units": 500}, "production_rp_tn", 2040) / 500
    large = effect({"new_units": 20000}, "production_rp_tn", 2040) / 20000
    assert large < 0.8 * small
    values = {name: TABLE[name].max for name in TABLE.policy}
    result = simulate({**values, "end_year": 2050, "capacity_displacement": 0,
                       "online_displacement": 0, "sales_place_displacement": 0})  # fmt: skip
    baseline_demand = result.baseline["demand_rp_tn"][0]
    assert np.all(result["production_rp_tn"][0] <= 2 * baseline_demand * (1 + 1e-9))


def test_no_lever_sells_past_its_market_without_a_flag():
    """Each instrument at its maximum either stays within a quarter of its market or the
    model flags it; the flag's year is the first year the gain passes the limit."""
    for name in TABLE.policy:
        result = simulate({name: TABLE[name].max, "end_year": 2050})
        stretched = result.paths["market_gain_pct"][0]
        found = [f for f in flags(result) if f.code == "market_stretched"]
        if (stretched > 25).any():
            assert found, name
            assert found[0].year == int(result.years[np.argmax(stretched > 25)]), name
        else:
            assert not found, name
        rise = (result["production_rp_tn"] - result.baseline["production_rp_tn"])[0]
        if (rise > 0.25 * result.baseline["demand_rp_tn"][0]).any():
            assert found, name


def test_programme_units_are_net_of_deadweight_and_survival():
    """Units a programme supports add (1 - deadweight) x survival of themselves to the sector,
    while the programme pays for every one of them."""
    base = {"new_units": 1000, "attrition": 0, "end_year": 2035}
    for deadweight, survival in ((0, 100), (50, 60), (75, 40)):
        values = {**base, "new_units_deadweight": deadweight, "programme_survival": survival}
        assert_allclose(
            effect(values, "units", 2029), 2 * 1000 * (1 - deadweight / 100) * survival / 100
        )
        result = simulate(values)
        assert_allclose(result.at("programme_cost_rp_tn", 2030), 1000 * 33.85e-6, rtol=1e-12)


def test_gains_at_existing_units_raise_jobs_less_than_one_for_one():
    """Online sales gains at existing units add workers at the employment elasticity: at 0 no
    worker, at 1 one for one, at 0.5 half; production does not depend on it."""
    jobs = {
        e: effect({"online_adoption": 75, "existing_jobs_elasticity": e}, "jobs")
        for e in (0, 0.5, 1)
    }
    production = {
        e: effect({"online_adoption": 75, "existing_jobs_elasticity": e}, "production_rp_tn")
        for e in (0, 1)
    }
    assert jobs[0] == pytest.approx(0, abs=1e-6)
    assert jobs[1] > 0
    assert_allclose(jobs[0.5], jobs[1] / 2, rtol=1e-9)
    assert production[0] == production[1] > 0
    # New units bring their workers in full whatever the elasticity.
    units = [effect({"new_units": 1000, "existing_jobs_elasticity": e}, "jobs") for e in (0, 1)]
    assert units[0] == units[1] > 0


def test_online_margin_premium_is_a_transfer_by_default():
    """By default online selling adds value added only with the sales it adds (the margin
    premium is 0): the value added effect is the small units' ratio times the sales effect."""
    assert TABLE["online_va_premium"].value == 0
    assert TABLE["online_va_premium"].max == 15
    sales = effect({"online_adoption": 75}, "production_rp_tn")
    value_added = effect({"online_adoption": 75}, "value_added_rp_tn")
    assert_allclose(value_added, 6.8 / 14 * sales, rtol=1e-9)


def test_a_lever_added_as_a_row_moves_the_headline_sentence_and_link(tmp_path, monkeypatch):
    """Marking an assumption row as a policy instrument in a copy of the table (no code
    change) makes the baseline reset it, the headline and sentence show its effect and the
    link carry it."""
    rows = list(csv.DictReader(io.StringIO(PARAMETERS_CSV.read_text(encoding="utf-8"))))
    for row in rows:
        if row["name"] == "sales_place_uplift":
            row["role"], row["group"] = "policy", "lever"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path / "parameters.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    table = load_parameters(path)
    assert "sales_place_uplift" in table.policy
    values = {"sales_place_units": 3000, "sales_place_uplift": 60}
    result = simulate_pair(values, table)
    baseline_alone = simulate_pair({"sales_place_units": 3000}, table)
    assert (
        result.effect("production_rp_tn")[0, -1] > baseline_alone.effect("production_rp_tn")[0, -1]
    )
    production = headlines(result, "id")[0]
    assert production.changed
    text = sentence(values, result, "id", table)
    assert table["sales_place_uplift"].label("id").lower() in text.lower()
    query = dict(to_query(Scenario.from_mapping(values, table=table)))
    assert query["sales_place_uplift"] == "60"


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("target", [70.0, 93.0, 100.0])
def test_the_sentence_says_an_unreachable_online_target_as_a_target_with_the_share_reached(
    lang, target
):
    """When the warning says the online target is not reached in its year, the sentence
    does not claim it: it names the target and the share the model reaches then."""
    table = load_parameters()
    values = {**table.defaults, "online_adoption": target}
    result = simulate_pair(values, table)
    year = int(values["online_target_year"])
    reached = float(result.at("online_share_pct", year)[0])
    late = [f for f in flags(result) if f.code == "online_target_late"]
    text = sentence(values, result, lang, table)
    if reached < target - 0.5:
        assert late, "the model flags the target it cannot reach"
        shown = f"{reached:.0f}%"
        assert ("tercapai hanya " + shown if lang == "id" else f"only {shown} reached") in text
        assert text.startswith("Dengan target" if lang == "id" else "With a target")
    else:
        assert "target" not in text.split(",")[0].lower()


def test_a_cached_baseline_cannot_be_changed_by_a_caller():
    """The baseline twin is computed once per assumption set and shared: its numbers are
    read-only, and a second run with other instruments gets the same baseline."""
    first = simulate({"investment": 5.6})
    with pytest.raises(ValueError, match="read-only"):
        first.baseline["production_rp_tn"][0, -1] = 0.0
    second = simulate({"new_units": 1000})
    assert_allclose(second.baseline["production_rp_tn"], first.baseline["production_rp_tn"])
    assert_allclose(simulate()["production_rp_tn"], first.baseline["production_rp_tn"])


def test_a_result_pickles_with_its_regions():
    """The page caches results by pickling them: the regional split, computed only when
    first read, goes along as plain numbers."""
    import pickle

    result = simulate_pair({"sales_place_units": 2000})
    copy = pickle.loads(pickle.dumps(result))
    for name in result.regions:
        assert_allclose(copy.regions[name], result.regions[name])
    assert_allclose(copy["jobs"], result["jobs"])
