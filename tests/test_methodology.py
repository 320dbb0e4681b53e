"""The methodology in both languages: it covers every instrument, and every figure it quotes
is the one the model computes (so the text cannot drift from the numbers)."""

from __future__ import annotations

import pytest

from simulator import formatting as fmt
from simulator import methodology, simulate
from simulator.params import DATA_DIR, load_parameters

TABLE = load_parameters()
BASE = simulate()


def text(lang: str) -> str:
    return (DATA_DIR / f"methodology_{lang}.md").read_text(encoding="utf-8")


def quoted(value: float, lang: str, decimals: int = 0) -> str:
    return fmt.number(value, lang, decimals)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_methodology_quotes_the_model_s_own_figures(lang):
    """The reconciliation's figures in the text are the model's, rounded as quoted."""
    page = text(lang)
    d = {k: float(v[0, 0]) for k, v in BASE.diagnostics.items()}
    assert quoted(round(d["units_small_2016"], -1), lang) in page
    assert quoted(d["units_small_count"], lang) in page
    assert quoted(d["small_workers_count"], lang) in page
    assert quoted(d["small_workers_per_unit"], lang, 2) in page
    assert quoted(BASE.at("production_small_rp_tn", 2016)[0], lang, 2) in page
    assert quoted(d["medium_production_2016"], lang, 2) in page
    assert quoted(d["other_production_2016"], lang, 2) in page
    assert quoted(100 * BASE.at("production_small_rp_tn", 2016)[0] / 22.98, lang, 1) in page
    assert quoted(100 * d["other_production_2016"] / 22.98, lang, 1) in page
    assert quoted(round(BASE.at("jobs", 2016)[0], -3), lang) in page
    assert quoted(round(BASE.at("jobs", 2030)[0], -3), lang) in page
    assert quoted(1 / d["capacity_per_rp"], lang, 2) in page
    icor = methodology.capital_relation({})
    for basis in ("gross", "marginal"):
        for value in icor[basis]:
            assert quoted(value, lang, 1) in page, (basis, value)
    assert quoted(100 * d["small_investment_share"], lang, 1) in page
    per_worker = BASE.at("production_medium_rp_tn", 2017)[0] / BASE.at("jobs_medium", 2017)[0]
    assert quoted(per_worker * 1e6, lang) in page
    rest = BASE.at("production_other_rp_tn", 2017)[0] + BASE.at("production_medium_rp_tn", 2017)[0]
    assert quoted(rest / BASE.at("jobs_medium", 2017)[0] * 1e6, lang) in page
    worst = methodology.backtest()["in_view_error_pct"].iloc[-1]
    assert quoted(abs(worst), lang, 1) in page
    for name in ("137,000", "32,562", "113,907", "441", "26,460"):
        assert quoted(float(name.replace(",", "")), lang) in page
    held = methodology.holdout_check()
    medium = held[held["output"] == "units_medium"].iloc[0]
    assert quoted(medium["low"], lang) in page
    assert quoted(medium["high"], lang) in page
    assert quoted(abs(medium["error_pct"]), lang) in page


@pytest.mark.parametrize("lang", ["id", "en"])
def test_methodology_covers_every_instrument(lang):
    """Each policy instrument of the table is named in both languages' text."""
    page = text(lang)
    for name in TABLE.policy:
        assert f"`{name}`" in page, name


@pytest.mark.parametrize("lang", ["id", "en"])
def test_computed_tables_render(lang):
    """Reconciliation, derived values, routes and back-test give rows in both languages."""
    assert len(methodology.reconciliation(lang)) >= 10
    assert len(methodology.derived_values({}, lang)) == 11
    assert len(methodology.holdout_table(lang)) == 5
    routes = methodology.routes({}, lang)
    assert len(routes) == 4
    assert len(methodology.backtest_table(lang)) == 8


def test_backtest_misses_the_shocks():
    """From 2016 alone the projection is smooth: it misses 2018's jump and 2020's fall."""
    frame = methodology.backtest()
    by_year = frame.set_index("year")
    assert by_year.loc[2018, "trend_error_pct"] < -3
    assert by_year.loc[2020, "trend_error_pct"] > 5
    assert by_year.loc[2016, "trend_error_pct"] == 0
