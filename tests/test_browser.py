"""The app in a real browser: headless Chromium drives `streamlit run app.py`."""

from __future__ import annotations

import re

import pytest

from tests.browser import (
    ARTIFACTS,
    RECORD_MESSAGES,
    forward_messages,
    wait_idle,
)

pytestmark = pytest.mark.browser
RP_ID = re.compile(r"Rp \d{1,3}(\.\d{3})*,\d{2} triliun")
RP_EN = re.compile(r"Rp \d{1,3}(,\d{3})*\.\d{2} trillion")


def headline(page, index: int = 0) -> str:
    """The text of the index-th headline metric value."""
    return page.locator("[data-testid='stMetricValue']").nth(index).inner_text()


def test_indonesian_page_slider_keyboard_and_screenshots(app_url, browser):
    """Indonesian numbers, no exception; a keyboard slider move changes the headline."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(app_url)
    wait_idle(page)
    assert page.locator("[data-testid='stException']").count() == 0
    first = headline(page)
    assert RP_ID.fullmatch(first), first
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "Hasil 2030 dibanding baseline" in body
    assert "trillion" not in body
    page.screenshot(path=str(ARTIFACTS / "app-id.png"))

    thumb = page.locator("[data-testid='stSidebar'] [data-testid='stSlider'] input").first
    thumb.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "(before) => document.querySelector(\"[data-testid='stMetricValue']\").innerText "
        "!== before",
        arg=first,
        timeout=20_000,
    )
    wait_idle(page)
    after = headline(page)
    assert RP_ID.fullmatch(after), after
    assert after != first
    deltas = page.locator("[data-testid='stMetricDelta']")
    assert deltas.count() >= 1
    assert deltas.first.inner_text().lstrip().startswith("+")
    assert page.locator("[data-testid='stException']").count() == 0
    page.close()


def test_english_page_and_screenshot(app_url, browser):
    """Switching to English shows English number formats and labels."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(app_url)
    wait_idle(page)
    page.get_by_role("radio", name="English").click()
    page.wait_for_function(
        "() => document.body.innerText.includes('Results in 2030 against the baseline')",
        timeout=20_000,
    )
    wait_idle(page)
    value = headline(page)
    assert RP_EN.fullmatch(value), value
    preset = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").first
    shown = (
        preset.inner_text()
        + " "
        + " ".join(preset.locator("input").evaluate_all("els => els.map(e => e.value)"))
    )
    assert "tren saat ini" not in shown
    assert page.locator("[data-testid='stException']").count() == 0
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / "app-en.png"))
    page.close()


def test_charts_render_with_marks(app_url, browser):
    """Every chart of the results tab draws its marks (not a blank canvas)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1600})
    page.goto(app_url)
    wait_idle(page)
    charts = page.locator("[data-testid='stVegaLiteChart']")
    charts.first.wait_for(timeout=20_000)
    assert charts.count() == 5  # four lines and sales against capacity
    page.wait_for_timeout(1000)
    for i in range(charts.count()):
        marks = charts.nth(i).locator("path, .mark-symbol, .mark-line, .mark-area")
        assert marks.count() > 0, f"chart {i} drew nothing"
        box = charts.nth(i).bounding_box()
        assert box["height"] > 200
    page.close()


def test_analysis_tab_draws_fan_charts_and_tornado(app_url, browser):
    """The analysis tab draws four fan charts and the tornado; screenshot for a human look."""
    page = browser.new_page(viewport={"width": 1400, "height": 2600})
    page.goto(f"{app_url}/?view=analysis&investment=5.6&online_adoption=50")
    wait_idle(page)
    charts = page.locator("[data-testid='stVegaLiteChart']")
    charts.nth(5).wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    assert charts.count() == 6  # four fan charts, wider jobs, tornado
    for i in range(6):
        assert charts.nth(i).locator("path").count() > 0, f"chart {i} drew nothing"
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "Peluang nilai produksi 2030 skenario lebih tinggi dari baseline: 100%" in body
    assert page.locator("[data-testid='stException']").count() == 0
    page.screenshot(path=str(ARTIFACTS / "analysis-id.png"))
    page.close()


def test_lever_move_resends_only_the_scenario_fragment(app_url, browser):
    """A lever move is one fragment run: the headline, the levers and the open tab's charts
    come back; the title, the toolbar, the preset box and the tab bar are not re-sent (that
    keeps a move cheap for the server and the browser), and the link still follows."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(RECORD_MESSAGES)
    page = context.new_page()
    page.goto(app_url)
    wait_idle(page)
    first_run = forward_messages(page)
    assert any(m.delta.new_element.heading.tag == "h1" for m in first_run)  # the title

    thumb = page.locator("[data-testid='stSidebar'] [data-testid='stSlider'] input").first
    thumb.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => window.location.search.includes('investment=')")
    wait_idle(page)
    move = forward_messages(page)
    kinds = [m.WhichOneof("type") for m in move]
    assert kinds.count("new_session") == 1, kinds  # one run, not a callback run and a rerun
    elements = [m.delta.new_element.WhichOneof("type") for m in move if m.HasField("delta")]
    blocks = [m.delta.add_block.WhichOneof("type") for m in move if m.HasField("delta")]
    assert elements.count("metric") == 8
    assert "slider" in elements
    assert elements.count("vega_lite_chart") == 5
    assert not any(m.delta.new_element.heading.tag == "h1" for m in move)
    assert "tab_container" not in blocks
    assert "popover" not in blocks  # toolbar and typed values stay
    assert "selectbox" not in elements  # the preset box stays; only its note is redrawn
    assert "investment=" in page.url
    context.close()
