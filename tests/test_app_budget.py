"""The contributions waterfall and the budget allocation view, as a user drives them
(AppTest; the browser tests are in tests/test_browser_budget.py)."""

from __future__ import annotations

import json

import pytest

from simulator.allocate import MAX_BUDGET_RP_TN, AllocationError
from simulator.contributions import short_labels
from simulator.i18n import tr
from simulator.safety import plain_markdown as escape_md
from tests.strategies import TABLE
from tests.test_app import fresh
from tests.test_cli import run

PACKAGE = {"investment": "5.6", "new_units": "1250", "online_adoption": "75"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_results_tab_splits_a_package_by_instrument(lang):
    """A link with three instruments moved shows the waterfall's heading and its output
    picker in the page language; one instrument moved shows none."""
    at = fresh(lang, **PACKAGE)
    headings = [h.value for h in at.subheader]
    assert tr("wf_heading", lang) in headings
    picker = at.selectbox(key="contrib_output")
    assert picker.label == tr("wf_output", lang)
    assert picker.value == "jobs"
    at = fresh(lang, investment="5.6")
    assert tr("wf_heading", lang) not in [h.value for h in at.subheader]


def test_compare_tab_offers_the_split_of_each_scenario():
    """On the compare tab the waterfall's scenario picker lists the current scenario and the
    saved ones; a saved single-instrument scenario says its effect is that instrument's."""
    at = fresh("id", view="compare", s=["Dua|investment=5.6;new_units=1000", "Satu|investment=4"])
    picker = at.selectbox(key="contrib_scenario")
    assert picker.options == [
        tr("compare_current", "id"),
        "Dua",
        "Satu",
    ]
    picker.set_value(2)
    at.run()
    assert tr("wf_single", "id") in [c.value for c in at.caption]
    assert short_labels(TABLE, "id")["investment"] == tr("short_investment", "id")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_allocation_tab_agrees_with_the_command_line(lang):
    """The allocation tab, opened from its link, answers the default request (Rp 1 trillion
    for jobs) with the mix the command line prints, and one click makes it the scenario."""
    at = fresh(lang, view="allocate")
    assert tr("tab_allocate", lang) in [h.value for h in at.subheader]
    status, out, err = run(
        "allocate", "--budget", "1", "--goal", "jobs", "--format", "json", "--draws", "1000"
    )
    assert status == 0, err
    expected = json.loads(out)["best_mix"]
    at.button(key="alloc_apply").click()
    at.run()
    assert not at.exception
    for name in TABLE.policy:
        assert at.session_state[name] == pytest.approx(expected[name], rel=1e-9), name


@pytest.mark.parametrize("lang", ["id", "en"])
def test_allocation_bad_budget_is_a_message_in_the_page_language(lang):
    """A negative, enormous or unreadable budget gives the translation table's message in
    the page language, no traceback, and a good budget afterwards answers again."""
    at = fresh(lang, view="allocate")
    for text, budget in (("-1", -1.0), ("1000000", 1e6), ("banyak", "banyak")):
        submit(at, lang, text)
        assert not at.exception
        expected = AllocationError("budget", budget=budget, most=MAX_BUDGET_RP_TN).text(lang)
        assert [e.value for e in at.error] == [escape_md(expected)], text
    submit(at, lang, "0,5" if lang == "id" else "0.5")
    assert not at.error
    assert at.button(key="alloc_apply")


def submit(at, lang: str, budget: str) -> None:
    """Type ``budget`` into the allocation form and press its button."""
    at.text_input(key="alloc_budget").set_value(budget)
    next(b for b in at.button if b.label == tr("alloc_run", lang)).click()
    at.run()
