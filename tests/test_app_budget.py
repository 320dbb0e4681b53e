"""The contributions waterfall and the budget allocation view, as a user drives them
(AppTest; the browser tests are in tests/test_browser_budget.py)."""

from __future__ import annotations

import pytest

from simulator.contributions import short_labels
from simulator.i18n import tr
from tests.strategies import TABLE
from tests.test_app import fresh

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
