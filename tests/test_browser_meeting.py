"""Ready for a meeting (issue 21), in a real browser at the room's sizes and in both
languages: arrow keys on a presentation lever move the lever, not the slide; the range
explained in plain words and drawn as a change; a lost connection told in the page's
language."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from simulator import load_presets
from simulator.i18n import tr
from simulator.outputs import TABLE_GROUPS
from tests.browser import (
    ARTIFACTS,
    HEADLINE,
    LIVE_LEVER,
    SIDEBAR_LEVER,
    VIEW_CHART,
    VIEW_TEXTS,
    free_port,
    serving,
    thumb_point,
    wait_charts,
    wait_idle,
)
from ui import state

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


# The element that has the focus, looking into shadow roots (a live lever's range input).
FOCUSED = """() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el ? el.tagName + (el.type ? ':' + el.type : '') : '';
}"""


def take_hold(page, lever) -> None:
    """Click a live lever's thumb, as a person takes hold of it, until its range input has
    the focus (the slide's charts are resized once the browser reports the room they have,
    which can move the strip under a click made just before)."""
    for _ in range(5):
        page.mouse.click(*thumb_point(lever))
        if page.evaluate(FOCUSED) == "INPUT:range":
            return
        wait_idle(page)
    pytest.fail(f"the lever never took the focus ({page.evaluate(FOCUSED)})")


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
            take_hold(page, live.nth(index))
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
# visible (sampled each animation frame, counted in __frames).
WATCH_DIALOGS = """() => {
  window.__dialogs = 0;
  window.__dialogShown = false;
  window.__frames = 0;
  window.__dialogFrame = Infinity;
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType === 1 && (n.matches("[data-testid='stDialog']")
          || n.querySelector("[data-testid='stDialog']"))) {
        window.__dialogs += 1;
        window.__dialogFrame = Math.min(window.__dialogFrame, window.__frames);
      }
    }
  }).observe(document.body, {subtree: true, childList: true});
  const tick = () => {
    for (const d of document.querySelectorAll("[data-testid='stDialog'] [role='dialog']")) {
      const r = d.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && getComputedStyle(d).visibility !== "hidden")
        window.__dialogShown = true;
    }
    window.__frames += 1;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""
NOTICE = "#ikm-connection"


def _observe(seen: dict, name: str, step, *args) -> None:
    """``seen[name] = step(*args)``; a step that fails is kept as its error (that page's test
    then fails with it), so one page's failure neither hides nor fails the others'."""
    if "error" in seen:
        return
    try:
        seen[name] = step(*args)
    except (AssertionError, PlaywrightTimeout) as error:
        seen["error"] = f"{name}: {type(error).__name__}: {error}"


def _drawn(page) -> list[str]:
    """The headlines of a page, once its first run is drawn."""
    wait_idle(page, timeout=90_000)  # a fresh server's first run imports everything
    return page.locator(HEADLINE).all_inner_texts()


def _offline(page, lang: str, size: tuple[int, int]) -> dict:
    """What the page shows once the connection is gone and Streamlit has opened its dialog."""
    page.locator(NOTICE).wait_for(state="visible", timeout=30_000)
    # Streamlit opens its dialog a second or so after the connection goes.
    page.wait_for_function("() => window.__dialogs > 0", timeout=30_000, polling=100)
    width, height = size
    page.screenshot(path=str(ARTIFACTS / f"offline-{lang}-{width}x{height}.png"))
    return {
        "notice": page.locator(NOTICE).inner_text(),
        "dialog_shown": page.evaluate("() => window.__dialogShown"),
        "frames_since_dialog": page.evaluate("() => window.__frames - window.__dialogFrame"),
        "body": page.locator("body").inner_text(),
        "status_hidden": page.locator("[data-testid='stConnectionStatus']").is_hidden(),
        "box": page.locator(NOTICE).bounding_box(),
    }


def _back(page, shown: list[str]) -> list[str]:
    """The page's headlines once the server is back and the notice gone."""
    page.locator(NOTICE).wait_for(state="hidden", timeout=90_000)
    page.wait_for_function(
        "(v) => document.querySelector('.ikm-card-value')?.innerText === v",
        arg=shown[0],
        timeout=90_000,
    )
    wait_idle(page, timeout=90_000)
    return page.locator(HEADLINE).all_inner_texts()


@pytest.fixture(scope="module")
def outage(browser) -> dict:
    """One server, a page open on it at every size in both languages, then one outage and
    one return for all of them at once (a server's start and stop cost as much for one page
    as for eight): what each page showed before, during and after, by (lang, size)."""
    ARTIFACTS.mkdir(exist_ok=True)  # the server's log goes there
    port = free_port()
    pages, seen = {}, {case: {} for case in LANG_SIZES}
    try:
        with serving(port=port) as (url, process):
            for lang, size in LANG_SIZES:
                query = f"lang={lang}&investment=5.6&online_adoption=75"
                if size == (1024, 650):
                    query += "&view=present"  # a windowed projector
                pages[lang, size] = new_page(browser, size)
                # Opened all at once: the server runs the pages while the browser draws.
                _observe(seen[lang, size], "opened", pages[lang, size].goto, f"{url}/?{query}")
            for case, page in pages.items():
                _observe(seen[case], "shown", _drawn, page)
                _observe(seen[case], "hidden_before", page.locator(NOTICE).is_hidden)
                _observe(seen[case], "watching", page.evaluate, WATCH_DIALOGS)
            process.terminate()
            process.wait(timeout=20)
            for (lang, size), page in pages.items():
                _observe(seen[lang, size], "offline", _offline, page, lang, size)
        with serving(port=port):
            for case, page in pages.items():
                _observe(seen[case], "after", _back, page, seen[case].get("shown"))
    finally:
        for page in pages.values():
            page.close()
    return seen


@pytest.mark.parametrize(("lang", "size"), LANG_SIZES)
def test_a_lost_connection_gets_the_pages_own_notice_and_nothing_is_lost(outage, lang, size):
    """The server stops: the page says, in its language, that it is reconnecting and that
    the scenario is in the link, and Streamlit's English dialog is never shown; the server
    comes back on the same address: the notice goes and the same numbers are back. (The
    pages of every size and language share one server and one outage: see ``outage``.)"""
    seen = outage[lang, size]
    assert "error" not in seen, seen["error"]
    assert seen["hidden_before"]
    during = seen["offline"]
    assert tr("offline_title", lang) in during["notice"]
    assert tr("offline_body", lang) in during["notice"]
    # The dialog was watched on each animation frame after it came, and never painted.
    assert during["frames_since_dialog"] > 0
    assert not during["dialog_shown"]
    assert "Connection error" not in during["body"]
    assert during["status_hidden"]
    box = during["box"]
    width, height = size
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= width
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= height
    assert seen["after"] == seen["shown"]


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
TOOLTIP = """() => [...document.querySelectorAll('.ikm-tip')].filter((e) => !e.hidden)
  .map((e) => e.innerText).join(' | ')"""


def test_chart_tooltips_on_the_indonesian_page_have_no_english_field_names(app_url, browser):
    """Moving the pointer over the first chart of the results tab (the data band, the policy
    line, the lines and points) shows tooltips in Indonesian only: the data band and the
    policy mark show none, no field name such as "start" or "end" appears."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{app_url}/?investment=5.6")
    wait_idle(page)
    wait_charts(page, 1)
    chart = page.locator(f"{VIEW_CHART} canvas").first
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


LONG_NAME = "s=" + quote(
    "Paket lengkap untuk rapat pimpinan|investment=5.6;online_adoption=75", safe=""
)
# Every part of the slide whose box ends below the window, or a chart whose text runs past
# the chart's own box (a cut title).
OUTSIDE_WINDOW = """() => {
  const out = [];
  const h = window.innerHeight, w = window.innerWidth;
  const parts = [".st-key-present_footer", ".ikm-card", ".ikm-chart", ".ikm-sentence"];
  for (const sel of parts) for (const el of document.querySelectorAll(sel)) {
    const r = el.getBoundingClientRect();
    if (r.bottom > h + 1 || r.right > w + 1) out.push(sel + " ends at " + r.bottom);
  }
  // The charts draw on a canvas: their texts' boxes come from Vega's scene.
  for (const chart of (VIEW_TEXTS)()) {
    for (const t of chart.texts) {
      if (!t.shown || !t.box) continue;
      if (t.box[2] > chart.width + 1 || t.box[3] > chart.height + 1)
        out.push("chart text cut: " + t.text);
    }
  }
  return out;
}""".replace("VIEW_TEXTS", VIEW_TEXTS)


def fits(page) -> None:
    """Wait until nothing of the slide ends outside the window (the charts are sized to the
    room the browser reports, a run after the first); say what does if it never does."""
    try:
        page.wait_for_function(
            f"() => ({OUTSIDE_WINDOW})().length === 0", timeout=20_000, polling=200
        )
    except PlaywrightTimeout:
        pytest.fail(str(page.evaluate(OUTSIDE_WINDOW)))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1280, 720), (1024, 768), (1024, 650), (1093, 615)])
def test_the_presentation_fits_a_window_and_its_buttons_stay_put(app_url, browser, lang, size):
    """In a window as small as 1024 x 650 or 1093 x 615 (a 1366 x 768 laptop at 125 %) the
    slide keeps its headline, sentence, both charts with their titles and legends, and the
    footer inside the window; the slide buttons keep their place when the next slide's
    title is longer."""
    width, height = size
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{app_url}/?view=present&lang={lang}&investment=5.6&{LONG_NAME}")
    wait_idle(page)
    wait_charts(page, 2)
    # The charts are sized to the room the browser reports: wait until they are.
    fits(page)
    legend = tr("series_baseline", lang)
    charts = page.evaluate(VIEW_TEXTS)
    assert len(charts) == 2
    for chart in charts:
        assert legend in " ".join(t["text"] for t in chart["texts"] if t["shown"])
    page.screenshot(path=str(ARTIFACTS / f"present-window-{lang}-{width}x{height}.png"))
    buttons = ["slide_prev", "slide_next", "present_lang", "present_back"]
    before = [page.locator(f".st-key-{key}").bounding_box()["x"] for key in buttons]
    page.locator(".st-key-slide_next button").first.click()
    page.wait_for_function("() => location.search.includes('slide=1')", timeout=20_000)
    wait_idle(page)
    assert "Paket lengkap untuk rapat pimpinan" in page.locator("h3").first.inner_text()
    after = [page.locator(f".st-key-{key}").bounding_box()["x"] for key in buttons]
    assert after == pytest.approx(before, abs=1)
    fits(page)
    page.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_phone_shows_the_scenarios_name_and_every_tab(app_url, browser, lang):
    """On a phone the first screen names the scenario (a preset whose name holds a colon),
    and every tab's name is whole on screen (the bar wraps instead of cutting "Metodol")."""
    page = new_page(browser, (390, 844))
    page.goto(f"{app_url}/?lang={lang}&online_adoption=75")
    wait_idle(page)
    name = load_presets()["esmart_75"].label(lang)
    shown = page.locator("[data-testid='stMain']").get_by_text(name, exact=True)
    assert shown.bounding_box()["y"] + shown.bounding_box()["height"] <= 844
    tabs = page.get_by_role("tab")
    assert tabs.count() == len(state.TAB_CODES)  # every tab the page has
    bar = page.locator("[role='tablist']").bounding_box()
    for tab in tabs.all():
        box = tab.bounding_box()
        assert box["x"] >= bar["x"] - 1
        assert box["x"] + box["width"] <= min(bar["x"] + bar["width"], 390) + 1, tab.inner_text()
    page.screenshot(path=str(ARTIFACTS / f"phone-first-screen-{lang}.png"))
    page.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_slide_title_has_one_colon_at_most(app_url, browser, lang):
    """A preset whose name holds a colon gets a slide title with no second one."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/?view=present&lang={lang}&online_adoption=75")
    wait_idle(page)
    title = page.locator("h3").first.inner_text()
    assert load_presets()["esmart_75"].label(lang) in title
    assert title.count(":") == 1
    page.close()


# How far the widest part of any table on the page reaches past its own box [px].
TABLE_OVERFLOW = """() => Math.max(0, ...[...document.querySelectorAll(
    "[data-testid='stTable'], [data-testid='stDataFrame']")].map((t) => {
  const box = t.getBoundingClientRect();
  let most = t.scrollWidth - t.clientWidth;
  for (const e of t.querySelectorAll('*')) most = Math.max(most, e.scrollWidth - e.clientWidth);
  return Math.max(most, ...[...t.querySelectorAll('*')].map((e) =>
    e.getBoundingClientRect().right - box.right));
}))"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_results_table_needs_no_sideways_scroll_at_1440(app_url, browser, lang):
    """At 1440 x 900 every group of the table tab shows whole, with no sideways scroll."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(f"{app_url}/?view=table&lang={lang}&investment=5.6&new_units=1250")
    wait_idle(page)
    table = page.locator("[data-testid='stMain'] [data-testid='stTable']")
    for code, outputs in TABLE_GROUPS.items():
        page.get_by_role("radio", name=tr(f"table_group_{code}", lang), exact=True).click()
        # The group's first column heads the table once it is drawn.
        table.get_by_text(tr(f"col_{outputs[0]}", lang), exact=True).wait_for(timeout=20_000)
        wait_idle(page)
        assert table.count() == 1
        assert page.evaluate(TABLE_OVERFLOW) <= 1, code
    page.close()


@pytest.mark.parametrize(("lang", "investment"), [("id", "6.3"), ("en", "6.4")])
def test_the_pdf_briefing_says_it_is_being_made(app_url, browser, lang, investment):
    """While the PDF briefing is being made (seconds), a line in the page's language says
    so; it goes once the file has arrived."""
    page = browser.new_page(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    # Without the File System Access API the download arrives as a file, as in most browsers.
    page.add_init_script("delete window.showSaveFilePicker;")
    # A scenario of its own, so no earlier test has made (and a cache kept) this briefing.
    page.goto(f"{app_url}/?lang={lang}&investment={investment}")
    wait_idle(page)
    page.get_by_role("button", name=tr("downloads", lang)).first.click()
    button = page.get_by_role("button", name=tr("dl_pdf", lang))
    button.wait_for(timeout=20_000)
    line = page.locator("#ikm-download-busy")
    with page.expect_download(timeout=90_000) as download:
        button.click()
        line.wait_for(state="visible", timeout=20_000)
        assert line.inner_text() == tr("dl_busy", lang)
        page.screenshot(path=str(ARTIFACTS / f"pdf-busy-{lang}.png"))
    assert download.value.suggested_filename.endswith(".pdf")
    line.wait_for(state="hidden", timeout=20_000)
    page.close()


INTRANET = "simulator.intranet.test"  # a plain-http host name (not loopback: not "secure")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_on_a_plain_http_intranet_the_link_can_still_be_copied_and_sent(browser, lang):
    """Served over plain http under a host name (no secure context: no clipboard API and
    no share sheet), the copy button puts the whole link, selected, in a text field and says
    what happened, and a WhatsApp link carries the words and the link URL-encoded."""
    from urllib.parse import parse_qs

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    ARTIFACTS.mkdir(exist_ok=True)
    # A Chromium of its own (the intranet's name mapped to loopback), from the session's
    # Playwright (a second Playwright cannot start inside the first one's loop).
    args = [*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {INTRANET} 127.0.0.1"]
    with serving(env={"STREAMLIT_SERVER_ALLOWED_HOSTS": INTRANET}) as (url, _process):
        intranet = browser.browser_type.launch(executable_path=CHROMIUM, args=args)
        page = intranet.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url.replace("127.0.0.1", INTRANET) + f"/?lang={lang}&investment=5.6")
        wait_idle(page, timeout=90_000)
        assert page.evaluate("() => window.isSecureContext") is False
        page.get_by_role("button", name=tr("share", lang)).first.click()
        copy = page.get_by_role("button", name=tr("share_copy", lang))
        copy.wait_for(timeout=20_000)
        assert page.get_by_role("button", name=tr("share_native", lang)).count() == 0
        copy.click()
        field = page.get_by_role("textbox", name=tr("share_field", lang))
        field.wait_for(state="visible", timeout=20_000)
        link = field.input_value()
        assert link.startswith(f"http://{INTRANET}:")
        assert "investment=5.6" in link
        selected = field.evaluate("e => [e.selectionStart, e.selectionEnd]")
        assert selected == [0, len(link)]
        status = page.locator(".ikm-share .status").inner_text()
        assert status in (tr("share_copied", lang), tr("share_copy_failed", lang))
        whatsapp = page.get_by_role("link", name=tr("share_whatsapp", lang))
        href = whatsapp.get_attribute("href")
        assert href.startswith("https://wa.me/?text=")
        sent = parse_qs(href.split("?", 1)[1])["text"][0]
        assert sent.endswith(link)
        assert whatsapp.get_attribute("rel") == "noopener noreferrer"
        page.screenshot(path=str(ARTIFACTS / f"share-intranet-{lang}.png"))
        intranet.close()
