"""Ready for a meeting (issue 21), in a real browser at the room's sizes and in both
languages: arrow keys on a presentation lever move the lever, not the slide; the range
explained in plain words and drawn as a change; a lost connection told in the page's
language."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from simulator.i18n import tr
from tests.browser import (
    ARTIFACTS,
    LIVE_LEVER,
    SIDEBAR_LEVER,
    free_port,
    serving,
    thumb_point,
    wait_charts,
    wait_idle,
)

pytestmark = pytest.mark.browser

PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Mobile Safari/537.36"
)
PHONE = {"user_agent": PHONE_UA, "is_mobile": True, "has_touch": True}
SIZES = [(1280, 720), (1024, 768), (1024, 650), (390, 844)]
LANG_SIZES = [(lang, size) for size in SIZES for lang in ("id", "en")]


def new_page(browser, size: tuple[int, int]):
    """A page of ``size``; a phone's (touch, mobile agent) below 500 px."""
    width, height = size
    extra = PHONE if width < 500 else {}
    return browser.new_page(viewport={"width": width, "height": height}, **extra)


# Every address the page has shown, sampled each animation frame, with the time of the last
# change (so a test can wait until the page has settled instead of sleeping).
WATCH_URLS = """() => {
  window.__urls = [location.search];
  window.__urlAt = performance.now();
  const tick = () => {
    if (location.search !== window.__urls[window.__urls.length - 1]) {
      window.__urls.push(location.search);
      window.__urlAt = performance.now();
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""
# The page is idle and its address has not changed for ``quiet`` ms.
URL_SETTLED = """(quiet) => performance.now() - window.__urlAt > quiet
  && !!document.querySelector("[data-testid='stApp'][data-test-script-state='notRunning']")"""

SAVED = "s=Investasi+2x%7Cinvestment%3D5.6&s=Daring+75%25%7Conline_adoption%3D75"


def pairs(search: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(search).query or search.lstrip("?"), keep_blank_values=True)


@pytest.mark.parametrize(("lang", "size"), LANG_SIZES)
def test_arrow_keys_on_a_presentation_lever_move_the_lever_not_the_slide(
    app_url, browser, lang, size
):
    """In the presentation, arrows pressed quickly on each lever of the strip (the four
    instruments, clicked on their thumbs, and the two year sliders) change that lever only:
    the slide stays the first, and the link keeps its view, saved scenarios and every other
    setting at every moment."""
    page = new_page(browser, size)
    page.goto(f"{app_url}/?view=present&lang={lang}&{SAVED}")
    wait_idle(page)
    wait_charts(page, 2)
    start = pairs(page.evaluate("() => location.search"))
    slide_one = tr("present_slide", lang, n=1, total=3)
    assert slide_one in page.locator("[data-testid='stMain']").inner_text()
    page.locator("summary").filter(has_text=tr("present_levers", lang)).click()
    wait_idle(page)
    page.evaluate(WATCH_URLS)
    main = page.locator("[data-testid='stMain']")
    live = main.locator(LIVE_LEVER)
    years = main.locator("[data-testid='stSlider'] input[type='range']")
    assert live.count() == 4
    assert years.count() == 2
    moved: set[str] = set()
    for index in range(live.count() + years.count()):
        before = page.evaluate("() => location.search")
        if index < live.count():
            lever = live.nth(index)
            page.mouse.click(*thumb_point(lever))  # as a person takes hold of it
        else:
            lever = years.nth(index - live.count())
            lever.focus()
        for key in ("ArrowRight", "ArrowRight", "ArrowRight", "ArrowLeft"):
            page.keyboard.press(key)
        page.wait_for_function("(b) => location.search !== b", arg=before, timeout=20_000)
        page.wait_for_function(URL_SETTLED, arg=800, timeout=30_000, polling=50)
        now = dict(pairs(page.evaluate("() => location.search")))
        changed = {k for k, v in now.items() if dict(start).get(k) != v} - {"s"}
        assert len(changed - moved) == 1, (index, changed, moved)
        moved |= changed
        assert slide_one in main.inner_text()
    seen = page.evaluate("() => window.__urls")
    saved = [v for k, v in start if k == "s"]
    for search in seen:
        got = pairs(search)
        keys = {k for k, _ in got}
        assert "slide" not in keys, search
        assert dict(got).get("view") == "present", search
        assert dict(got).get("lang", "id") == lang, search
        assert [v for k, v in got if k == "s"] == saved, search
        assert keys - {"s", "view", "lang"} <= moved, search
    assert len(moved) == 6
    width, height = size
    page.screenshot(path=str(ARTIFACTS / f"present-keys-{lang}-{width}x{height}.png"))
    page.close()


JARGON = re.compile(
    r"iterasi|iteration|persentil|percentile|nilai awal acak|\bseed\b|ditarik acak", re.IGNORECASE
)


@pytest.mark.parametrize(("lang", "size"), LANG_SIZES)
def test_the_range_is_explained_in_plain_words_and_drawn_as_a_change(app_url, browser, lang, size):
    """The analysis tab of a policy names no iterations, seeds or percentiles; its range
    charts draw the change against the baseline (titled so, with the baseline at zero)."""
    page = new_page(browser, size)
    page.goto(f"{app_url}/?view=analysis&lang={lang}&investment=5.6")
    wait_idle(page)
    wait_charts(page, 6)
    main = page.locator("[data-testid='stMain']")
    text = main.inner_text()
    assert JARGON.findall(text) == []
    assert tr("unc_intro", lang, draws="")[-60:] in text
    first = main.locator("[data-testid='stVegaLiteChart']").first
    words = " ".join(first.locator("svg text").all_text_contents())
    change = tr("fan_change_title", lang, what="").split()[0]
    assert change in words, words[:200]
    assert tr("series_baseline", lang) in words
    first.scroll_into_view_if_needed()
    width, height = size
    page.screenshot(path=str(ARTIFACTS / f"range-{lang}-{width}x{height}.png"))
    page.close()


# Notes every dialog Streamlit adds while the test runs, and whether one was ever painted
# visible (sampled each animation frame).
WATCH_DIALOGS = """() => {
  window.__dialogs = 0;
  window.__dialogShown = false;
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType === 1 && (n.matches("[data-testid='stDialog']")
          || n.querySelector("[data-testid='stDialog']"))) window.__dialogs += 1;
    }
  }).observe(document.body, {subtree: true, childList: true});
  const tick = () => {
    for (const d of document.querySelectorAll("[data-testid='stDialog'] [role='dialog']")) {
      const r = d.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && getComputedStyle(d).visibility !== "hidden")
        window.__dialogShown = true;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""
NOTICE = "#ikm-connection"


@pytest.mark.parametrize(("lang", "size"), LANG_SIZES)
def test_a_lost_connection_gets_the_pages_own_notice_and_nothing_is_lost(browser, lang, size):
    """The server stops: the page says, in its language, that it is reconnecting and that
    the scenario is in the link, and Streamlit's English dialog is never shown; the server
    comes back on the same address: the notice goes and the same numbers are back."""
    ARTIFACTS.mkdir(exist_ok=True)  # the server's log goes there
    port = free_port()
    query = f"lang={lang}&investment=5.6&online_adoption=75"
    if size == (1024, 650):
        query += "&view=present"  # a windowed projector
    page = new_page(browser, size)
    with serving(port=port) as (url, process):
        page.goto(f"{url}/?{query}")
        wait_idle(page, timeout=90_000)  # a fresh server's first run imports everything
        shown = page.locator("[data-testid='stMetricValue']").all_inner_texts()
        assert page.locator(NOTICE).is_hidden()
        page.evaluate(WATCH_DIALOGS)
        process.terminate()
        process.wait(timeout=20)
        page.locator(NOTICE).wait_for(state="visible", timeout=30_000)
        # Streamlit opens its dialog a second or so after the connection goes.
        page.wait_for_function("() => window.__dialogs > 0", timeout=30_000, polling=100)
        notice = page.locator(NOTICE).inner_text()
        assert tr("offline_title", lang) in notice
        assert tr("offline_body", lang) in notice
        assert not page.evaluate("() => window.__dialogShown")
        body = page.locator("body").inner_text()
        assert "Connection error" not in body
        assert page.locator("[data-testid='stConnectionStatus']").is_hidden()
        box = page.locator(NOTICE).bounding_box()
        width, height = size
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= width
        assert box["y"] >= 0
        assert box["y"] + box["height"] <= height
        page.screenshot(path=str(ARTIFACTS / f"offline-{lang}-{width}x{height}.png"))
    with serving(port=port):
        page.locator(NOTICE).wait_for(state="hidden", timeout=90_000)
        page.wait_for_function(
            "(v) => document.querySelector(\"[data-testid='stMetricValue']\")?.innerText === v",
            arg=shown[0],
            timeout=90_000,
        )
        wait_idle(page, timeout=90_000)
        assert page.locator("[data-testid='stMetricValue']").all_inner_texts() == shown
    page.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_lever_stays_under_the_pointer_when_it_leaves_the_preset(app_url, browser, lang):
    """The first move of a lever away from its preset says so in the sidebar without moving
    any lever: each stays where the pointer left it."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{app_url}/?lang={lang}")
    wait_idle(page)
    lever = page.locator(SIDEBAR_LEVER).first
    point = thumb_point(lever)  # scrolled into view first
    before = lever.bounding_box()["y"]
    page.mouse.click(*point)
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('investment=')", timeout=20_000)
    wait_idle(page)
    side = page.locator("[data-testid='stSidebar']").inner_text()
    assert tr("preset_changed", lang, items="").split(":")[0] in side
    assert lever.bounding_box()["y"] == pytest.approx(before, abs=1)
    page.close()


# The text of Vega's tooltip, when one is shown.
TOOLTIP = """() => [...document.querySelectorAll('.vg-tooltip.visible')]
  .map((e) => e.innerText).join(' | ')"""


def test_chart_tooltips_on_the_indonesian_page_have_no_english_field_names(app_url, browser):
    """Moving the pointer over the first chart of the results tab (the data band, the policy
    line, the lines and points) shows tooltips in Indonesian only: the data band and the
    policy mark show none, no field name such as "start" or "end" appears."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{app_url}/?investment=5.6")
    wait_idle(page)
    wait_charts(page, 1)
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    seen = set()
    for i in range(1, 40):
        for j in range(2, 10):
            page.mouse.move(box["x"] + box["width"] * i / 40, box["y"] + box["height"] * j / 12)
            text = page.evaluate(TOOLTIP)
            if text:
                seen.add(text)
    assert any(tr("tooltip_value", "id") in text for text in seen)
    english = [t for t in seen if re.search(r"\b(start|end|label|year|value|series)\b", t)]
    assert english == []
    page.close()
