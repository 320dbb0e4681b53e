"""The live levers in Chromium: the page moves while a lever is dragged, and a drag is one step.

Each move of the pointer is waited for until the headline shows a new number (no fixed
sleeps); the link must not change until the lever is let go.
"""

from __future__ import annotations

import pytest

from simulator import load_presets
from simulator.i18n import tr
from tests.browser import (
    LIVE_LEVER,
    SEEN_STOP,
    SIDEBAR_LEVER,
    WATCH_SEEN,
    Pointer,
    thumb_point,
    wait_charts,
    wait_idle,
)

pytestmark = pytest.mark.browser

PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Mobile Safari/537.36"
)
DESKTOP = {"viewport": {"width": 1400, "height": 1000}}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "user_agent": PHONE_UA,
    "is_mobile": True,
    "has_touch": True,
}
BASELINE_LABEL = {"id": "Rp2,8 triliun per tahun", "en": "Rp 2.8 trillion a year"}
LEVER_LABEL = {
    "id": "Investasi bruto per tahun (skenario dasar Rp2,8 triliun)",
    "en": "Gross investment a year (baseline Rp 2.8 trillion)",
}
STEP_PX = 14  # about a dozen grid steps of the investment lever on either screen
STEPS = 4
# The first headline number; null while a rerun has it out of the page for a moment.
FIRST_NUMBER = '() => document.querySelector(".ikm-card-value")?.textContent ?? null'


def headlines(page) -> list[str]:
    """Every headline number on the page."""
    return page.locator(".ikm-card-value").all_inner_texts()


def open_page(browser, url: str, phone: bool):
    """A page of the app, its first run finished and its charts drawn."""
    context = browser.new_context(**(PHONE if phone else DESKTOP))
    page = context.new_page()
    page.goto(url)
    wait_idle(page)
    wait_charts(page)
    return page


def drag(page, lever, touch: bool) -> list[str]:
    """Drag ``lever`` to the right in STEPS moves, each waited for until the headline shows
    a new number, checking the link stays as it was; let go. Returns the numbers painted
    before the release (the first is the one before the drag)."""
    link = page.url
    x, y = thumb_point(lever)
    pointer = Pointer(page, touch=touch)
    page.evaluate(WATCH_SEEN)
    page.wait_for_function("() => window.__seen.length >= 1", timeout=10_000)
    pointer.down(x, y)
    for _ in range(STEPS):
        shown = page.evaluate("() => window.__seen.length")
        value = lever.input_value()
        for _ in range(5):  # a finger moves the thumb only past the browser's slop distance
            x += STEP_PX
            pointer.move(x, y)
            if lever.input_value() != value:
                break
        page.wait_for_function("(n) => window.__seen.length > n", arg=shown, timeout=20_000)
        assert page.url == link  # a value on the way is not a step
    seen = page.evaluate(SEEN_STOP)
    pointer.up(x, y)
    return seen


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_dragging_a_lever_moves_the_headline_and_lands_on_the_release(
    app_url, browser, lang, phone
):
    """The headline changes several times while the lever is dragged (by mouse, or by a
    finger on a phone, where the levers sit below the headline), then shows the released
    value: the numbers a fresh page opened from the new link shows."""
    page = open_page(browser, f"{app_url}/?lang={lang}", phone)
    lever = page.locator(LIVE_LEVER if phone else SIDEBAR_LEVER).first
    assert lever.get_attribute("aria-label") == LEVER_LABEL[lang]
    assert lever.get_attribute("aria-valuetext") == BASELINE_LABEL[lang]
    link = page.url
    seen = drag(page, lever, touch=phone)
    assert len(set(seen)) >= 1 + STEPS, seen
    page.wait_for_function("(before) => location.href !== before", arg=link, timeout=20_000)
    wait_idle(page)
    released = lever.get_attribute("aria-valuetext")
    assert released != BASELINE_LABEL[lang]
    assert "investment=" in page.url
    final = headlines(page)
    assert final[0] != seen[0]
    fresh = open_page(browser, page.url, phone)
    assert headlines(fresh) == final
    assert fresh.locator(LIVE_LEVER).first.get_attribute("aria-valuetext") == released
    assert page.locator("[data-testid='stException']").count() == 0
    fresh.context.close()
    page.context.close()


def test_back_undoes_a_whole_drag_in_one_step(app_url, browser):
    """After a drag, one Back shows the numbers and the lever from before the drag, not a
    value it passed on the way; Redo brings the released value back."""
    page = open_page(browser, app_url, phone=False)
    before = headlines(page)
    lever = page.locator(SIDEBAR_LEVER).first
    link = page.url
    drag(page, lever, touch=False)
    page.wait_for_function("(before) => location.href !== before", arg=link, timeout=20_000)
    wait_idle(page)
    released = headlines(page)
    page.go_back()
    page.wait_for_function(f"(v) => ({FIRST_NUMBER})() === v", arg=before[0], timeout=20_000)
    wait_idle(page)
    assert headlines(page) == before
    assert lever.get_attribute("aria-valuetext") == BASELINE_LABEL["id"]
    page.get_by_role("button", name="Ulangi").click()
    page.wait_for_function(f"(v) => ({FIRST_NUMBER})() === v", arg=released[0], timeout=20_000)
    page.context.close()


def test_keyboard_moves_one_grid_step_and_home_goes_to_the_minimum(app_url, browser):
    """An arrow key moves the lever one step of its grid (Rp 0.1 trillion), Home to its
    minimum; each press is a step of the link."""
    page = open_page(browser, f"{app_url}/?lang=en", phone=False)
    lever = page.locator(SIDEBAR_LEVER).first
    lever.focus()
    for key, label, query in (
        ("ArrowRight", "Rp 2.9 trillion a year", "investment=2.9"),
        ("Home", "Rp 0 trillion a year", "investment=0"),
    ):
        link = page.url
        page.keyboard.press(key)
        page.wait_for_function("(before) => location.href !== before", arg=link, timeout=20_000)
        wait_idle(page)
        assert lever.get_attribute("aria-valuetext") == label
        assert query in page.url
    page.context.close()


def test_a_lever_landing_on_a_preset_names_it_and_leaving_it_says_so(app_url, browser):
    """A live lever let go on a preset's value names that preset in the preset box; one
    step off it keeps the box's preset and says the lever differs from it."""
    presets = load_presets()
    differs = tr("preset_changed", "en", items="").split(":")[0]
    page = open_page(browser, f"{app_url}/?lang=en&investment=5.7", phone=False)
    side = page.locator("[data-testid='stSidebar']")
    box = side.get_by_role("combobox", name=tr("preset", "en"))
    assert box.input_value() == presets["baseline"].label("en")
    lever = page.locator(SIDEBAR_LEVER).first
    lever.focus()
    page.keyboard.press("ArrowLeft")  # Rp 5.6 trillion: the preset "Investment doubled"
    page.wait_for_function("() => location.search.includes('investment=5.6')", timeout=20_000)
    doubled = presets["investasi_ganda"].label("en")
    page.wait_for_function(
        "([box, name]) => box.value === name", arg=[box.element_handle(), doubled], timeout=20_000
    )
    wait_idle(page)
    assert differs not in side.inner_text()
    lever.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('investment=5.7')", timeout=20_000)
    page.wait_for_function(
        "([side, words]) => side.innerText.includes(words)",
        arg=[side.element_handle(), differs],
        timeout=20_000,
    )
    assert box.input_value() == doubled
    page.context.close()


def test_presentation_strip_levers_move_the_slide(app_url, browser):
    """The presentation view's lever strip holds the live levers, and moving one changes the
    slide's numbers."""
    page = open_page(browser, f"{app_url}/?view=present", phone=False)
    page.get_by_text("Instrumen kebijakan").first.click()
    lever = page.locator(f"[data-testid='stMain'] {LIVE_LEVER}").first
    lever.wait_for(state="visible", timeout=20_000)
    before = headlines(page)
    lever.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        f"(v) => {{ const shown = ({FIRST_NUMBER})(); return shown !== null && shown !== v; }}",
        arg=before[0],
        timeout=20_000,
    )
    page.context.close()


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_live_levers_have_no_serious_accessibility_violation(app_url, browser, phone):
    """axe-core finds nothing serious or critical in the live levers (nor elsewhere on the
    page), their help open."""
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(browser, f"{app_url}/?investment=5.6", phone)
    help_button = page.locator(".ikm-lever button.help").first
    help_button.click()
    assert help_button.get_attribute("aria-expanded") == "true"
    assert page.locator(".ikm-lever .helptext").first.is_visible()
    violations = Axe().run(page).response["violations"]
    bad = [
        (v["id"], v["impact"], v["nodes"][0]["target"])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    page.context.close()
    assert bad == []


def test_a_strip_lever_moved_on_a_saved_slide_brings_up_the_levers_slide(app_url, browser):
    """On a saved scenario's slide a strip lever moves the current scenario: the current
    scenario's slide comes up with the move (a presenter saw nothing change)."""
    page = open_page(
        browser, f"{app_url}/?view=present&slide=1&s=Rencana+A%7Cinvestment%3D8", phone=False
    )
    assert "Rencana A" in page.locator("h3").first.inner_text()
    page.get_by_text("Instrumen kebijakan").first.click()
    lever = page.locator(f"[data-testid='stMain'] {LIVE_LEVER}").first
    lever.wait_for(state="visible", timeout=20_000)
    lever.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => !document.querySelector('h3').innerText.includes('Rencana A')", timeout=20_000
    )
    page.wait_for_function("() => location.search.includes('investment=')", timeout=20_000)
    assert "slide=" not in page.url
    page.context.close()
