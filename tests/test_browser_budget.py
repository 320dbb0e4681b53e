"""The "Alokasi anggaran" tab and the contributions waterfall in Chromium, in both languages,
at a desktop and a phone size; screenshots are kept in test-artifacts/ to be looked at."""

from __future__ import annotations

import pytest

from simulator.i18n import tr
from tests.browser import ARTIFACTS, wait_charts, wait_idle

pytestmark = pytest.mark.browser

SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_allocation_tab_answers_and_applies_the_mix(app_url, browser, lang, size):
    """Opened from its link, the tab shows the answer for Rp 1 trillion and its frontier
    chart in the page language; "apply" makes the mix the scenario (the link carries it)."""
    width, height = SIZES[size]
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{app_url}/?view=allocate&lang={lang}")
    wait_idle(page)
    page.get_by_text(tr("alloc_run", lang)).first.wait_for(timeout=30_000)
    opening = tr("alloc_answer", lang, budget="|", goal="", value="", cost="").split("|")[0]
    page.get_by_text(opening.strip()).first.wait_for(timeout=30_000)
    assert page.get_by_text(tr("alloc_apply", lang)).count() == 1
    wait_charts(page, 1)
    assert page.locator("[data-testid='stVegaLiteChart']").count() == 1
    # The page scrolls inside Streamlit's own container: a shot of each part in view.
    page.get_by_text(opening.strip()).first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"allocate_{lang}_{size}.png"))
    page.locator("[data-testid='stVegaLiteChart']").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"allocate_{lang}_{size}_chart.png"))
    page.get_by_text(tr("alloc_apply", lang)).first.click()
    page.wait_for_function(
        "() => location.search.includes('new_units=')", timeout=30_000, polling=100
    )
    wait_idle(page)
    page.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_results_tab_draws_the_waterfall_of_a_package(app_url, browser, lang):
    """A package's results tab draws the waterfall with its title in the page language."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(
        f"{app_url}/?investment=5.6&new_units=1250&online_adoption=75"
        f"&sales_place_units=2000&lang={lang}"
    )
    wait_idle(page)
    heading = page.get_by_text(tr("wf_heading", lang)).first
    heading.wait_for(timeout=30_000)
    heading.scroll_into_view_if_needed()
    wait_charts(page, 6)
    page.screenshot(path=str(ARTIFACTS / f"waterfall_{lang}.png"), full_page=False)
    page.close()
