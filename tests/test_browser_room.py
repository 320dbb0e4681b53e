"""The meeting room and the phone, in a real browser: a headline that never clips, a
presentation that presents, the preset a link lands on, levers and sharing on a phone,
Back that undoes, warnings next to the headline."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from simulator import load_parameters, load_presets
from simulator.controls import value_label
from simulator.i18n import tr
from tests.browser import (
    ARTIFACTS,
    LIVE_LEVER,
    SIDEBAR_LEVER,
    VIEW_TEXTS,
    wait_charts,
    wait_idle,
)
from ui.sidebar import LEVER_GROUP

pytestmark = pytest.mark.browser

PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Mobile Safari/537.36"
)
PHONE = {"user_agent": PHONE_UA, "is_mobile": True, "has_touch": True}
# Every headline text box whose content overflows its own box or its card.
CLIPPED = """() => {
  const out = [];
  for (const card of document.querySelectorAll(".ikm-card")) {
    const box = card.getBoundingClientRect();
    for (const part of card.querySelectorAll(
        ".ikm-card-label, .ikm-card-value,"
        + " .ikm-card-delta")) {
      for (const el of [part, ...part.querySelectorAll('*')]) {
        const r = el.getBoundingClientRect();
        if (!el.innerText || !el.innerText.trim()) continue;
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
          out.push('scroll: ' + el.innerText);
        if (r.right > box.right + 1 || r.left < box.left - 1)
          out.push('outside: ' + el.innerText);
      }
    }
  }
  return out;
}"""


def metric_values(page) -> list[str]:
    return page.locator(".ikm-card-value").all_inner_texts()


@pytest.mark.parametrize("width", [360, 390, 1024, 1280, 1366])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_headline_never_clips(app_url, browser, width, lang):
    """No headline label, value or change is cut at any width from 360 px up."""
    extra = PHONE if width < 500 else {}
    page = browser.new_page(viewport={"width": width, "height": 900}, **extra)
    page.goto(f"{app_url}/?lang={lang}&investment=5.6&online_adoption=75&new_units=1250")
    wait_idle(page)
    assert page.locator(".ikm-card").count() == 8
    assert page.evaluate(CLIPPED) == []
    # Screen readers read the page in its language (Streamlit's page file says "en").
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'", timeout=10_000)
    if width in (390, 1280):
        page.screenshot(path=str(ARTIFACTS / f"headline-{lang}-{width}.png"))
    page.close()


SAVED = "s=" + quote("Paket lengkap|investment=5.6;new_units=1250;online_adoption=75", safe="")


@pytest.mark.parametrize(
    ("lang", "size"),
    [("id", (1024, 768)), ("en", (1024, 768)), ("id", (1280, 720)), ("id", (1920, 1080))],
)
def test_presentation_fits_the_room_and_steps_through_slides(app_url, browser, lang, size):
    """The presentation fits without scrolling; numbers are at least 1.6 times their
    changes; chart text is at least 18 px; the footer says it is a projection; the arrow
    keys step to the saved scenario's slide and the link keeps it."""
    width, height = size
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{app_url}/?view=present&lang={lang}&investment=5.6&{SAVED}")
    wait_idle(page)
    wait_charts(page, 2)
    assert page.evaluate("() => document.documentElement.scrollHeight") <= height
    scrolled = page.evaluate(
        "() => [...document.querySelectorAll('*')].filter(e => {"
        " const s = getComputedStyle(e);"
        " return (s.overflowY === 'auto' || s.overflowY === 'scroll')"
        " && e.scrollHeight > e.clientHeight + 1 && e.clientHeight > 300; }).length"
    )
    assert scrolled == 0
    ratio = page.evaluate(
        '() => { const v = document.querySelector(".ikm-card-value");'
        ' const d = document.querySelector(".ikm-card-delta");'
        " const size = (e) => parseFloat(getComputedStyle(e).fontSize);"
        " return size(v) / size(d); }"
    )
    assert ratio >= 1.6
    texts = [t for chart in page.evaluate(VIEW_TEXTS) for t in chart["texts"] if t["shown"]]
    assert texts
    assert min(t["size"] for t in texts) >= 18
    body = page.locator("[data-testid='stMain']").inner_text()
    assert ("Proyeksi, bukan prediksi" if lang == "id" else "Projections, not forecasts") in body
    assert page.evaluate(CLIPPED) == []
    # The charts use the room: on any of these screens they reach past 60 % of its height.
    page.wait_for_function(
        "(h) => Math.max(...[...document.querySelectorAll('.ikm-chart')]"
        ".map(c => c.getBoundingClientRect().bottom)) >= 0.6 * h",
        arg=height,
        timeout=20_000,
    )
    assert page.evaluate("() => document.documentElement.scrollHeight") <= height
    page.screenshot(path=str(ARTIFACTS / f"present-{lang}-{width}x{height}.png"))
    page.locator("h3").first.click()  # focus on the page, not on a field or a slider
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('slide=1')", timeout=20_000)
    wait_idle(page)
    assert "Paket lengkap" in page.locator("h3").first.inner_text()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => !location.search.includes('slide=')", timeout=20_000)
    page.close()


def test_a_link_that_is_a_preset_names_it(app_url, browser):
    """/?investment=5.6 is the preset 'Investment doubled': the preset box says so."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{app_url}/?investment=5.6")
    wait_idle(page)
    box = page.locator("[data-testid='stSidebar']").get_by_role(
        "combobox", name="Skenario siap pakai"
    )
    assert box.input_value() == "Investasi tambahan dua kali lipat"
    assert "Berbeda dari skenario ini" not in page.locator("[data-testid='stSidebar']").inner_text()
    page.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_phone_gets_levers_below_the_headline_and_a_touch_share(app_url, browser, lang):
    """On a phone the levers sit in the page below the headline (no drawer needed), and the
    share box shows a copy button without any hover."""
    page = browser.new_page(viewport={"width": 390, "height": 844}, **PHONE)
    page.goto(f"{app_url}/?lang={lang}")
    wait_idle(page)
    main = page.locator("[data-testid='stMain']")
    # One live lever per policy row of the levers' group, as the table has them.
    table = load_parameters()
    levers = [p for p in table.in_group(LEVER_GROUP) if p.is_policy]
    assert levers
    assert main.locator(LIVE_LEVER).count() == len(levers)
    first_metric = main.locator(".ikm-card").first.bounding_box()
    first_slider = main.locator(LIVE_LEVER).first.bounding_box()
    assert first_slider["y"] > first_metric["y"]
    page.get_by_role("button", name="Bagikan" if lang == "id" else "Share").first.tap()
    copy = page.get_by_role("button", name="Salin tautan" if lang == "id" else "Copy link")
    copy.wait_for(state="visible", timeout=20_000)
    assert copy.is_visible()
    page.close()


def test_back_undoes_and_the_undo_buttons_work(app_url, browser):
    """Two lever moves, then Back: the headline of the first move; Undo: the baseline;
    Redo: the first move again."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(app_url)
    wait_idle(page)
    baseline = metric_values(page)
    handle = page.locator(SIDEBAR_LEVER).first
    handle.focus()
    shown = []
    for _ in range(2):
        before = page.url
        page.keyboard.press("ArrowRight")
        page.wait_for_function("(b) => location.href !== b", arg=before, timeout=20_000)
        wait_idle(page)
        shown.append(metric_values(page))
    assert shown[0] != shown[1] != baseline
    page.go_back()
    page.wait_for_function(
        '(v) => document.querySelector(".ikm-card-value").innerText === v',
        arg=shown[0][0],
        timeout=20_000,
    )
    wait_idle(page)
    assert metric_values(page) == shown[0]
    page.get_by_role("button", name="Urungkan").click()
    page.wait_for_function(
        '(v) => document.querySelector(".ikm-card-value").innerText === v',
        arg=baseline[0],
        timeout=20_000,
    )
    page.get_by_role("button", name="Ulangi").click()
    page.wait_for_function(
        '(v) => document.querySelector(".ikm-card-value").innerText === v',
        arg=shown[0][0],
        timeout=20_000,
    )
    page.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_warnings_sit_next_to_the_headline_and_changes_are_not_green(app_url, browser, lang):
    """A scenario whose capacity binds shows the model's warning above the numbers, in the
    page's language, and its changes are not coloured as good news."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{app_url}/?lang={lang}&online_adoption=90&investment=0&end_year=2040")
    wait_idle(page)
    warning = page.locator("[data-testid='stAlert']").filter(
        has_text="seluruh kapasitas terpakai penuh" if lang == "id" else "capacity is fully used"
    )
    assert warning.count() == 1
    assert warning.bounding_box()["y"] < page.locator(".ikm-card").first.bounding_box()["y"]
    colours = page.evaluate(
        '() => [...document.querySelectorAll(".ikm-card-delta")]'
        ".map(d => getComputedStyle(d).color)"
    )
    green = [c for c in colours if c.startswith("rgb(") and _greenish(c)]
    assert green == []
    page.close()


def _greenish(css: str) -> bool:
    r, g, b = (int(x) for x in css[4:-1].split(",")[:3])
    return g > r + 40 and g > b


def test_indonesian_fields_have_no_english_placeholders(app_url, browser):
    """A list box emptied while searching shows an Indonesian prompt, not Streamlit's
    'Choose an option' (every tab's fields are checked)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(app_url)
    wait_idle(page)
    seen = []
    for tab in page.get_by_role("tab").all():
        tab.click()
        wait_idle(page)
        seen += page.locator("input[placeholder]").evaluate_all(
            "els => els.map(e => e.getAttribute('placeholder'))"
        )
    assert "Pilih salah satu" in seen
    english = [text for text in seen if re.search(r"\b(Choose|Select|option|Type)\b", text)]
    assert english == []
    page.close()


def test_a_preset_undo_and_redo_reach_the_box_and_the_advanced_assumptions(app_url, browser):
    """A preset that sets an advanced assumption, chosen with the assumptions open: the
    assumption shows its value; Undo brings the box and the assumption back to the
    baseline, Redo to the preset again (each reruns the fragments it reaches, not the page,
    so this is where a value sent back to the browser could go missing)."""
    table, presets = load_parameters(), load_presets(table=load_parameters())
    chosen = presets["unit_baru_jabar"]
    setting = next(k for k, _ in chosen.scenario.values if table[k].group != LEVER_GROUP)
    param, set_to = table[setting], dict(chosen.scenario.values)[setting]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{app_url}/?lang=en")
    wait_idle(page)
    side = page.locator("[data-testid='stSidebar']")
    side.get_by_text(tr("advanced", "en")).click()
    slider = side.get_by_role("slider", name=param.label("en"))
    box = side.get_by_role("combobox", name=tr("preset", "en"))

    def shows(preset: str, value: float) -> None:
        label, text = presets[preset].label("en"), value_label(param, value, "en")
        page.wait_for_function(
            "([box, slider, label, text]) => box.value === label"
            " && slider.getAttribute('aria-valuetext') === text",
            arg=[box.element_handle(), slider.element_handle(), label, text],
            timeout=20_000,
        )

    shows("baseline", param.value)
    # Chosen by keyboard, as a reader may: a click right after Playwright scrolled the
    # sidebar back up sometimes landed while it still scrolled, which closes the list.
    box.focus()
    box.press_sequentially(chosen.label("en")[:12])
    page.get_by_role("option", name=chosen.label("en")).wait_for(timeout=20_000)
    box.press("Enter")
    shows("unit_baru_jabar", set_to)
    page.get_by_role("button", name=tr("undo", "en")).click()
    shows("baseline", param.value)
    page.get_by_role("button", name=tr("redo", "en")).click()
    shows("unit_baru_jabar", set_to)
    wait_idle(page)
    assert "new_units=" in page.url
    page.close()


def test_a_typed_value_keeps_a_lever_moved_since_the_form_was_drawn(app_url, browser):
    """With the typed values open, a lever moved (the form is not redrawn on a lever move)
    and then a value typed for another lever: applying takes the typed value and keeps the
    move (the moved lever's box still showing its old value is not read)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{app_url}/?lang=en")
    wait_idle(page)
    side = page.locator("[data-testid='stSidebar']")
    side.get_by_text(tr("exact_values", "en")).click()
    apply = side.get_by_role("button", name=tr("apply", "en"))
    apply.wait_for(timeout=20_000)
    wait_idle(page)
    lever = page.locator(SIDEBAR_LEVER).first  # investment, Rp 2.8 trillion
    lever.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('investment=')", timeout=20_000)
    wait_idle(page)
    moved = re.search(r"investment=([\d.]+)", page.url).group(1)
    fields = side.locator("[data-testid='stTextInput'] input")
    names = list(load_parameters().policy)
    fields.nth(names.index("new_units")).fill("500")
    apply.click()
    page.wait_for_function("() => location.search.includes('new_units=500')", timeout=20_000)
    wait_idle(page)
    assert f"investment={moved}" in page.url
    page.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_phone_presents_the_slide_title_on_its_line_and_every_button_in_view(
    app_url, browser, lang
):
    """Presentation mode on a phone, with a saved scenario (so the slide buttons show): the
    title reads across the screen, not a letter a line, and every button of the top row is
    inside the screen."""
    width = 390
    page = browser.new_page(viewport={"width": width, "height": 844}, **PHONE)
    page.goto(f"{app_url}/?view=present&lang={lang}&investment=5.6&{SAVED}")
    wait_idle(page)
    title = page.locator("h3").first.bounding_box()
    assert title["width"] > 0.6 * width
    assert title["height"] < 150
    buttons = page.locator(".st-key-present_slides button:visible")
    assert buttons.count() >= 4
    for i in range(buttons.count()):
        box = buttons.nth(i).bounding_box()
        assert box["x"] >= 0, i
        assert box["x"] + box["width"] <= width, i
    page.screenshot(path=str(ARTIFACTS / f"present-phone-{lang}.png"))
    page.close()
