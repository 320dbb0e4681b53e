"""axe-core in the browser: no serious or critical violations on the main views."""

from __future__ import annotations

import pytest

from tests.browser import wait_charts, wait_idle

pytestmark = pytest.mark.browser

# Violations that come from Streamlit's own markup, not from this app, would be listed here
# with their rule and reason; none is excused at present.
STREAMLIT_OWN: set[str] = set()


@pytest.fixture
def pages(app_url, browser):
    """The shared app and browser."""
    return app_url, browser


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("view", ["results", "present", "method", "analysis"])
def test_no_serious_or_critical_violations(pages, view, lang):
    """axe-core finds nothing serious or critical on the view in the language."""
    from axe_playwright_python.sync_playwright import Axe

    url, browser = pages
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{url}/?view={view}&lang={lang}&investment=5.6")
    wait_idle(page)
    wait_charts(page)
    violations = Axe().run(page).response["violations"]
    bad = [
        (v["id"], v["impact"], v["nodes"][0]["target"])
        for v in violations
        if v["impact"] in ("serious", "critical") and v["id"] not in STREAMLIT_OWN
    ]
    page.close()
    assert bad == []


def test_every_line_chart_has_a_text_alternative(pages):
    """Each chart on the results view is named by its title and carries, inside, a text
    alternative with its numbers (as data, so the chart updates in place on a lever move)."""
    url, browser = pages
    page = browser.new_page(viewport={"width": 1400, "height": 1600})
    page.goto(url)
    wait_idle(page)
    wait_charts(page, 5)
    labels = page.locator("[data-testid='stVegaLiteChart'][role='graphics-document']")
    names = [labels.nth(i).get_attribute("aria-label") or "" for i in range(labels.count())]
    texts = [
        " ".join(
            labels.nth(i)
            .locator("svg [aria-label]")
            .evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
        )
        for i in range(labels.count())
    ]
    page.close()
    assert len(names) >= 5
    assert all(names)
    assert not any("triliun" in n for n in names)  # the name is the title, the same always
    assert all(str(2030) in t for t in texts)
    assert any("Rp" in t and "triliun" in t for t in texts)
