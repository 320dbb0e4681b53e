"""axe-core in the browser: no serious or critical violations on the main views."""

from __future__ import annotations

import re

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


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_chart_has_one_summary_and_every_card_reads_out(pages, lang):
    """Each chart of the results view is a figure named by its title (the same always) and
    holds one summary with its numbers in the page language (the drawing itself is hidden
    from screen readers); each headline card is a group named by its label, which reads out
    its value and its change."""
    from simulator.i18n import tr

    url, browser = pages
    page = browser.new_page(viewport={"width": 1400, "height": 1600})
    page.goto(f"{url}/?lang={lang}&investment=5.6")
    wait_idle(page)
    wait_charts(page, 5)
    charts = page.locator(".ikm-chart[role='figure']")
    assert charts.count() == 5
    names = charts.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    summaries = [charts.nth(i).locator(".ikm-summary").all_inner_texts() for i in range(5)]
    hidden = charts.evaluate_all(
        "els => els.map(e => e.querySelector('.ikm-vega').getAttribute('aria-hidden'))"
    )
    assert all(names)
    assert not any("triliun" in n or "trillion" in n for n in names)  # titles, not numbers
    assert [len(s) for s in summaries] == [1] * 5
    assert all("2030" in s[0] for s in summaries)
    money = "triliun" if lang == "id" else "trillion"
    assert any(money in s[0] for s in summaries)
    assert hidden == ["true"] * 5
    cards = page.locator(".ikm-card[role='group']")
    assert cards.count() == 8
    for i in range(cards.count()):
        card = cards.nth(i)
        label = card.locator(f"#{card.get_attribute('aria-labelledby')}").inner_text()
        assert label == card.locator(".ikm-card-label").inner_text()
        read = card.inner_text()
        assert card.locator(".ikm-card-value").inner_text() in read
    first = cards.first.inner_text()
    assert tr("out_production_rp_tn", lang) in first
    assert "+" in cards.first.locator(".ikm-card-delta").inner_text()
    page.close()


# Every name a screen reader can hear on the page: the names and role descriptions of the
# elements it does not skip (not inside aria-hidden; shown, or part of a chart's drawing),
# the live levers' own (shadow) parts included.
HEARD_NAMES = """() => {
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll("*")) {
      if (el.shadowRoot) walk(el.shadowRoot);
      if (el.closest("[aria-hidden='true']")) continue;
      if (!el.closest("svg") && !el.checkVisibility()) continue;
      for (const name of ["aria-label", "aria-roledescription", "title"]) {
        const value = el.getAttribute(name);
        if (value) out.push(value);
      }
    }
  };
  walk(document);
  return out;
}"""
# The English names Streamlit and Vega give their own parts.
ENGLISH_NAME = re.compile(
    r"^(Help for |Open$|Close$|Sidebar$|(Collapse|Expand) sidebar|Scroll tabs|Main menu|"
    r"Clear (value|all)|visualization$|.*\bmark( container)?$|point$|(Sub)?title( text)?\b|"
    r"[XY]-axis|Link to heading)"
)


def heard(page) -> list[str]:
    """The names a screen reader can hear on ``page`` now."""
    return page.evaluate(HEARD_NAMES)


@pytest.mark.parametrize("view", ["results", "analysis", "regions", "table"])
def test_a_screen_reader_hears_no_english_name_on_the_indonesian_page(pages, view):
    """Streamlit's and Vega's own English names ("Help for ...", "Collapse sidebar",
    "visualization", each chart point's fields) are in Indonesian or left out; the English
    page gets Streamlit's names back, and the Indonesian page its own again."""
    url, browser = pages
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{url}/?view={view}&lang=id&investment=5.6")
    wait_idle(page)
    wait_charts(page)
    names = heard(page)
    assert [n for n in names if ENGLISH_NAME.match(n)] == []
    assert "Sembunyikan panel samping" in names
    assert any(n.startswith("Penjelasan: ") for n in names)
    page.get_by_role("radio", name="English").click()
    page.wait_for_function(
        "() => document.documentElement.lang === 'en'", timeout=20_000, polling=50
    )
    wait_idle(page)
    page.wait_for_function(
        """() => !!document.querySelector("[aria-label^='Help for ']")""", timeout=20_000
    )
    names = heard(page)
    assert "Collapse sidebar" in names
    assert not any(n.startswith("Penjelasan: ") or n == "Sembunyikan panel samping" for n in names)
    page.get_by_role("radio", name="Bahasa Indonesia").click()
    page.wait_for_function(
        "() => document.documentElement.lang === 'id'", timeout=20_000, polling=50
    )
    wait_idle(page)
    page.wait_for_function(
        """() => !document.querySelector("[aria-label^='Help for ']")""", timeout=20_000
    )
    assert [n for n in heard(page) if ENGLISH_NAME.match(n)] == []
    page.close()


@pytest.mark.parametrize("view", ["present", "results"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_link_tells_the_browser_the_page_language(pages, view, lang):
    """A link opened straight into a view (the presentation included) sets the page's
    language on <html>, so a screen reader speaks Indonesian text as Indonesian."""
    url, browser = pages
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{url}/?view={view}&lang={lang}")
    wait_idle(page)
    page.wait_for_function(
        "(lang) => document.documentElement.lang === lang", arg=lang, timeout=20_000
    )
    assert [n for n in heard(page) if lang == "id" and ENGLISH_NAME.match(n)] == []
    page.close()
