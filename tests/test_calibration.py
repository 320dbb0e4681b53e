"""The baseline against the published figures; hand-checked numbers, pvlib style."""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from simulator import analysis, load_parameters, methodology, simulate
from simulator.datafile import DATA_DIR
from simulator.history import load_history
from simulator.model import REGIONS

P = load_parameters()
H = load_history()
BASE = simulate({"end_year": 2035})


def test_every_observed_output_is_replayed_within_two_percent():
    """Each published value of a model output (coverage 'model') is met within 2 %."""
    frame = H.table()
    rows = frame[(frame["coverage"] == "model") & (frame["kind"] == "observed")]
    assert len(rows) >= 10
    for row in rows.itertuples():
        model = BASE.baseline[row.quantity][0, BASE.index(row.year)]
        assert model == pytest.approx(row.value_2016, rel=0.02), (row.quantity, row.year)


def test_production_follows_the_published_real_growth_by_hand():
    """22.98 in 2016, then 22.98 x (1 + g) each year to 2023 with BPS's KBLI 15 growth."""
    growth = {2017: 2.22, 2018: 9.42, 2019: -0.85, 2020: -8.76, 2021: 7.75, 2022: 9.36, 2023: 0.12}
    level = 22.98
    assert_allclose(BASE.at("production_rp_tn", 2016), level, rtol=1e-12)
    for year, g in growth.items():
        level *= 1 + g / 100
        assert_allclose(BASE.at("production_rp_tn", year), level, rtol=1e-12)
    assert H.last_year == 2023
    # The fall of 2020 and the rebound are in the baseline, not a smooth trend.
    assert BASE.at("production_rp_tn", 2020)[0] < BASE.at("production_rp_tn", 2019)[0]
    assert BASE.at("production_rp_tn", 2022)[0] > BASE.at("production_rp_tn", 2019)[0]


def test_kemenperin_2017_projection_deflated_is_close_to_the_replay():
    """24.25 (current rupiah) / 1.0361 (CPI 2017) = 23.40 in 2016 prices, within 0.5 % of
    what the published real growth gives (23.49)."""
    projected = H.projections("production_rp_tn")[2017]
    assert_allclose(projected, 24.25 / 1.0361, rtol=1e-9)
    assert projected == pytest.approx(BASE.at("production_rp_tn", 2017)[0], rel=0.005)


UNITS_2017 = 32_562 - 441  # micro and small units: the IKM count less the medium firms
UNITS_2016 = UNITS_2017 / 1.0222  # traced back with their market (KBLI 15 grew 2.22 %)
SMALL_2016 = UNITS_2016 * 14e6 * 12 / 1e12
MEDIUM_2016 = 441 * 60 * 128e6 / 1e12 / 1.0222


def test_segments_reconcile_the_totals_by_hand():
    """Micro and small units (the ministry's 2017 count of 32,562 IKM less 441 medium firms)
    at Rp 14 million a month make Rp 5.28 trillion of 2016's 22.98; medium firms make their
    26,460 workers' output at Rp 128 million a worker; the rest is shown apart."""
    assert_allclose(BASE.at("units_small", 2016), UNITS_2016, rtol=1e-9)
    assert_allclose(BASE.at("units_small", 2017), UNITS_2017, rtol=1e-9)
    assert_allclose(BASE.at("production_small_rp_tn", 2016), SMALL_2016, rtol=1e-9)
    assert pytest.approx(5.28, abs=0.01) == SMALL_2016
    assert_allclose(BASE.at("production_medium_rp_tn", 2016), MEDIUM_2016, rtol=1e-9)
    assert_allclose(
        BASE.at("production_other_rp_tn", 2016), 22.98 - SMALL_2016 - MEDIUM_2016, rtol=1e-9
    )
    # Every part grows with the sector in the observed years.
    for name in ("production_small_rp_tn", "production_medium_rp_tn", "production_other_rp_tn"):
        assert_allclose(
            BASE.at(name, 2022) / BASE.at(name, 2016),
            BASE.at("production_rp_tn", 2022) / 22.98,
            rtol=1e-12,
        )


def test_jobs_and_units_are_counted_to_the_ministry_s_2017_count():
    """113,907 workers and 32,562 units of footwear IKM (published February 2018, taken for
    2017): direct jobs are the count in its year; medium firms hold 441 x 60 of them."""
    assert_allclose(BASE.at("jobs", 2017), 113_907, rtol=1e-12)
    assert_allclose(BASE.at("jobs_medium", 2017), 441 * 60, rtol=1e-12)
    assert_allclose(BASE.at("jobs_small", 2017), 113_907 - 441 * 60, rtol=1e-12)
    assert BASE.at("units", 2017)[0] == pytest.approx(32_562, rel=0.001)
    assert_allclose(BASE.at("units_medium", 2018), 441, rtol=1e-12)
    # A programme unit brings the workers of a typical unit (about 2.7).
    workers_per_unit = BASE.diagnostics["small_workers_per_unit"][0, 0]
    assert_allclose(workers_per_unit, (113_907 - 441 * 60) / UNITS_2017, rtol=1e-9)
    assert 2.6 < workers_per_unit < 2.8


def test_held_out_counts_are_within_their_published_ranges():
    """The later counts (other coverages) are kept out of calibration and read as ranges for
    the model's coverage; the baseline lies inside each, or within the stated 10 %."""
    frame = methodology.holdout_check()
    assert set(frame["output"]) == {"units_small", "units_medium", "jobs_small"}
    assert frame["passes"].all(), frame
    counts = frame[frame["output"] != "units_medium"]
    assert counts["within_range"].all(), counts
    # Each range is built from published rows that no calibration reads.
    rows = H.table()
    held = rows[rows["year"] >= 2022]
    for quantity in ("units_small", "jobs_small", "units_medium_large"):
        assert set(held[held["quantity"] == quantity]["coverage"]) == {"context"}, quantity


def test_calibration_never_reads_the_held_out_counts(tmp_path):
    """Doubling every held-out count in the history file changes no model number."""
    lines = (DATA_DIR / "history.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    held = {"units_small", "jobs_small", "units_medium_large", "units_large"}
    out = [lines[0]]
    for line in lines[1:]:
        cells = next(csv.reader([line]))
        if cells[1] in held:
            cells[2] = str(2 * float(cells[2]))
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerow(cells)
            line = buffer.getvalue()
        out.append(line)
    path = tmp_path / "history.csv"
    path.write_text("".join(out), encoding="utf-8")
    changed = simulate({"end_year": 2035, "investment": 5.6}, history=load_history(path))
    same = simulate({"end_year": 2035, "investment": 5.6})
    for name in same.outputs:
        assert_array_equal(changed[name], same[name])
    # ... while the ranges built from them move, so the back-test does read them.
    assert methodology.held_out(load_history(path))[0].high == 2 * 60_760


def test_uncertainty_ranges_hold_every_reading_of_the_counts():
    """The drawn unit and worker counts span every defensible reading: the 2018 register and
    the 2024 count traced back for units; footwear's 2010 share, the KBLI 15 count read as
    footwear alone or as footwear, and the previous 176,000 for workers."""
    ranges = analysis.load_ranges()
    units, workers = ranges["ikm_units_2017"], ranges["ikm_workers_2017"]
    readings_units = (18_091 + 441, 32_562, 60_760 / 1.0145**7)
    kbli15_2017 = 159_400 / (H.production_index[2022] / H.production_index[2017])
    readings_workers = (58_392, 0.51 * kbli15_2017, 113_907, kbli15_2017, 175_992)
    for reading in readings_units:
        assert units.low <= reading <= units.high, reading
    for reading in readings_workers:
        assert workers.low <= reading <= workers.high, reading


def test_value_added_of_small_units_is_the_survey_ratio_by_hand():
    """Small units' value added is 6.8 / 14 of sales, plus the online premium on online sales;
    medium firms' and the unexplained rest's is 40 %."""
    year = 2016
    small = BASE.at("production_small_rp_tn", year)[0]
    rest = BASE.at("production_medium_rp_tn", year)[0] + BASE.at("production_other_rp_tn", year)[0]
    online = BASE.at("online_sales_rp_tn", year)[0]
    premium = P["online_va_premium"].value / 100
    expected = 6.8 / 14 * (small + premium * online) + 0.40 * rest
    assert_allclose(BASE.at("value_added_rp_tn", year), expected, rtol=1e-12)


def test_medium_capacity_is_calibrated_to_the_2019_utilisation_by_hand():
    """Medium firms and the rest run at the normal 80.18 % in 2016 and at the industry's
    published 80.18 % in 2019 after three years of the baseline's investment (from the next
    year), with 3 % attrition: C19 = C16 k^3 + (1 - s) I c (1 + k + k^2), solved for c."""
    rest_2016 = 22.98 - SMALL_2016
    c16 = rest_2016 / 0.8018
    c19 = rest_2016 * (1.0222 * 1.0942 * 0.9915) / 0.8018
    keep = 0.97
    share = BASE.diagnostics["small_investment_share"][0, 0]
    per_rp = (c19 - c16 * keep**3) / ((1 - share) * 2.8 * (1 + keep + keep**2))
    assert_allclose(BASE.diagnostics["capacity_per_rp"], per_rp, rtol=1e-9)


def test_capital_relation_is_reported_on_the_national_icor_s_gross_basis_by_hand():
    """BPS's ICOR is gross investment over the rise in value added: for medium firms and the
    rest, (1 - s) x 2.8 over 40 % of their yearly rise 2016-2019; the marginal figure is the
    capital of one rupiah of capacity over its value added at normal use."""
    rest_2016 = 22.98 - SMALL_2016
    share = BASE.diagnostics["small_investment_share"][0, 0]
    rise = rest_2016 * (1.0222 * 1.0942 * 0.9915 - 1) / 3 * 0.40
    gross, low, high = methodology.capital_relation({})["gross"]
    assert_allclose(gross, (1 - share) * 2.8 / rise, rtol=1e-9)
    assert 6.9 < low < gross < high  # above the national 6.7-6.9 over its whole range
    marginal = methodology.capital_relation({})["marginal"]
    per_rp = BASE.diagnostics["capacity_per_rp"][0, 0]
    assert_allclose(marginal[0], 1 / per_rp / (0.8018 * 0.40), rtol=1e-9)
    assert marginal[1] < marginal[0] < marginal[2]


def test_small_units_take_the_investment_their_trend_needs_by_hand():
    """(2.22 % more units in 2017 + 3 % replaced) x units in 2016 x Rp 37 million over
    Rp 2.8 trillion."""
    share = UNITS_2016 * (0.0222 + 0.03) * 37e-6 / 2.8
    assert_allclose(BASE.diagnostics["small_investment_share"], share, rtol=1e-9)


def test_online_curve_is_fitted_to_the_observed_shares():
    """The baseline's diffusion curve passes near every observed share (within 6 points)
    and approaches the ceiling; the instrument's table value is its 2030 level, rounded down."""
    base = BASE.paths["online_share_base_pct"][0]
    for year, share in H.series("online_share_pct").items():
        assert abs(base[BASE.index(year)] - share) < 6, year
    assert P["online_adoption"].value == math.floor(base[BASE.index(2030)])
    assert base[-1] < P["online_ceiling"].value


def test_regional_unit_shares_are_published_shares():
    """West Java 49.62 %, East Java 32.30 %, the rest 18.08 % of units in the baseline."""
    result = simulate()
    units = result.regions["units"][0, :, 0]
    assert_allclose(units / units.sum(), [0.4962, 0.3230, 0.1808], atol=1e-9)
    assert REGIONS == ("jawa_barat", "jawa_timur", "lainnya")


def test_derived_parameters_follow_from_their_published_inputs():
    """Each derived row equals its stated formula over the published figures of the history
    table (so a new data release shows here first)."""
    cpi = H.cpi_index
    kbli15 = H.table()
    va_2021 = kbli15[kbli15["quantity"] == "value_added_kbli15_rp_tn"]["value_2016"].iloc[0]
    workers_2025 = 159_454 + 571_156
    assert_allclose(
        P["medium_output_per_worker"].value, va_2021 * 1e6 / workers_2025 / 0.40, atol=0.5
    )
    index = H.production_index
    assert_allclose(
        P["demand_growth_domestic"].value, 100 * (index[2023] ** (1 / 7) - 1), atol=0.005
    )
    us_cpi = H.series("us_cpi_index")
    us_inflation = (us_cpi[2024] / us_cpi[2016]) ** (1 / 8)
    nominal = 1 + H.cagr("exports_industry_usd_mn", 2016, 2024) / 100
    assert_allclose(P["demand_growth_export"].value, 100 * (nominal / us_inflation - 1), atol=0.005)
    online = H.series("online_share_pct")
    offline = H.series("online_prefer_offline_pct")[2023]
    assert_allclose(
        P["online_ceiling"].value,
        online[2023] + (100 - online[2023]) * (1 - offline / 100),
        atol=0.05,
    )
    rises = [online[y] - online[y - 1] for y in online if y - 1 in online]
    assert_allclose(P["online_max_pace"].value, max(rises), atol=0.05)
    domestic = H.series("online_domestic_delivery_pct")[2024]
    assert_allclose(P["export_share_online"].value, 100 - domestic, atol=1e-9)
    assert_allclose(P["cost_online_unit"].value, 4.5e3 / 1630 / (cpi[2017] / 100), atol=0.005)
    assert_allclose(P["cost_new_unit"].value, 500e3 / 12_000 / (cpi[2023] / 100), atol=0.005)
    assert_allclose(P["cost_sales_place"].value, 3.6e3 / 221 / (cpi[2021] / 100), atol=0.005)
    assert_allclose(P["investment_subsidy"].value, 100 * 11.78 / 77.2, atol=0.05)


def test_hand_computed_2016_state():
    """2016 by hand: capacity at normal utilisation, exports at the offline share."""
    capacity = 22.98 / 0.8018
    assert_allclose(BASE.at("capacity_rp_tn", 2016), capacity, rtol=1e-12)
    assert_allclose(BASE.at("utilisation_pct", 2016), 80.18, rtol=1e-12)
    assert_allclose(BASE.at("investment_rp_tn", 2016), 2.8, rtol=1e-12)
    online = BASE.at("online_sales_rp_tn", 2016)[0]
    gain = online * 0.13 * 0.5 / 1.13
    exports = ((22.98 - gain) * 0.05 + gain * 0.0092) * 1e6 / 13_308
    assert_allclose(BASE.at("exports_usd_mn", 2016), exports, rtol=1e-12)


def test_baseline_projection_continues_from_the_last_observed_year():
    """After 2023 demand grows at its trends from the 2023 level; capacity does not bind
    before 2035 in the baseline."""
    assert np.all(BASE.baseline["unmet_demand_rp_tn"][0] < 1e-9)
    assert_allclose(BASE["demand_rp_tn"], BASE["production_rp_tn"], rtol=1e-12)
    p23 = BASE.at("production_rp_tn", 2023)[0]
    p24 = BASE.at("production_rp_tn", 2024)[0]
    expected = p23 * (0.95 * 1.0256 + 0.05 * 1.021)
    assert p24 == pytest.approx(expected, rel=1e-3)
