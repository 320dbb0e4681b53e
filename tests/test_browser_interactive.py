"""The interactive briefing in Chromium (issue 23), opened from disk with the network off.

Each policy instrument still moves the headline, the sentence, the warnings and every chart,
and lands on the numbers the app gives the same values (simulator.report on a paired run);
one instrument moves at a time; both languages are in the file; markup carried by a link is
text; nothing is requested; axe-core finds nothing serious; it reads on a phone and prints
without its controls. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from simulator import charts, figures, interactive, sweeps
from simulator.i18n import tr
from simulator.model import simulate_pair
from simulator.plausibility import flags
from simulator.presets import load_presets
from simulator.report import headlines, later_values, sentence
from simulator.scenario import format_value
from tests.browser import ARTIFACTS
from tests.strategies import TABLE
from tests.test_browser_live import PHONE

pytestmark = pytest.mark.browser

HOSTILE = '<script>window.__xss=1</script>"><img src=x onerror="window.__xss=2">'
PRESET = load_presets()["paket_lengkap"]
VALUES = {**TABLE.defaults, **PRESET.scenario.as_dict()}
LINK = "http://localhost:8501/?investment=5.6&online_adoption=75&new_units=1250"
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
DRAWN = """() => document.querySelector('.ikm-card-value')
  && [...document.querySelectorAll('.ikm-chart')].length === 5
  && [...document.querySelectorAll('.ikm-chart')]
    .every((c) => c.dataset.drawn && c.querySelector('canvas'))
  && document.body.dataset.moved"""
# Notes every request and policy violation the page makes, and any script a link's text ran.
WATCH = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));"""


@pytest.fixture(scope="module")
def briefing_file(tmp_path_factory) -> Path:
    """The full package's file, Indonesian first, with markup in its name and notes."""
    result = simulate_pair(VALUES, TABLE)
    data = interactive.html_bytes(
        result,
        VALUES,
        "id",
        title=HOSTILE,
        link=LINK,
        table=TABLE,
        prepared_by=HOSTILE,
        notes=HOSTILE,
        today=dt.date(2026, 12, 3),
    )
    path = tmp_path_factory.mktemp("briefing") / "ikm-alas-kaki_paket_ringkasan-interaktif.html"
    path.write_bytes(data)
    return path


def open_file(browser, path: Path, context: dict, init: str = ""):
    """The file in a context with the network off; the requests it makes are noted."""
    ARTIFACTS.mkdir(exist_ok=True)
    ctx = browser.new_context(**context, offline=True)
    ctx.route("http*://**/*", lambda route: route.abort())
    page = ctx.new_page()
    page.add_init_script(WATCH + init)
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function(DRAWN, timeout=30_000, polling=50)
    page.load_seconds = time.perf_counter() - start
    return page


def cards(page) -> list[tuple[str, str]]:
    """Each headline card's value and the line under it (the change, or the cost's ratios)."""
    values = page.locator(".ikm-card-value").all_inner_texts()
    deltas = page.locator(".ikm-card-delta").all_inner_texts()
    return list(zip(values, deltas, strict=True))


def expected(values: dict[str, float], lang: str) -> dict:
    """What the app says about ``values``: cards, chart summaries, sentence, warnings."""
    result = simulate_pair(values, TABLE)
    later = simulate_pair(later_values(values), TABLE)
    return {
        "cards": [(h.value, h.delta if h.changed else h.caption) for h in headlines(result, lang)],
        "summaries": [
            *(charts.chart_alt_text(result, o, lang) for o in figures.RESULT_LINES),
            charts.alt_sales(result, lang),
        ],
        "sentence": sentence(values, result, lang, TABLE),
        "flags": [f.text(lang) for f in flags(result, later=later)],
    }


def shown(page, lang: str) -> dict:
    said = page.locator(f".headline .said[data-lang='{lang}']")
    return {
        "cards": cards(page),
        "summaries": page.locator(".ikm-chart .ikm-summary").all_inner_texts(),
        "sentence": said.locator(".sentence").inner_text(),
        "flags": said.locator(".flags li").all_inner_texts(),
    }


def lever(page, name: str):
    return page.locator(f"#lever-{name}")


def point(page, name: str) -> dict[str, float]:
    """The scenario the lever ``name`` shows now (the others at the scenario's values)."""
    grid = sweeps.grid_of(name, VALUES, TABLE)
    return {**VALUES, name: grid[int(lever(page, name).input_value())]}


def settle(page) -> None:
    """Two animation frames: the view draws on the next one."""
    page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")


@pytest.mark.parametrize(
    ("lang", "context"), [("id", DESKTOP), ("en", PHONE)], ids=["id-desktop", "en-phone"]
)
def test_each_lever_moves_everything_to_the_apps_numbers(browser, briefing_file, lang, context):
    """From disk, offline: each instrument, moved by keys (to its lowest value) and by a
    tap on its track, changes the headline, the sentence and every chart, and lands on what
    the app gives the same values; nothing is requested and no policy is violated."""
    page = open_file(browser, briefing_file, context)
    if lang != "id":
        page.get_by_role("button", name="English").click()
    assert shown(page, lang) == expected(VALUES, lang)
    for name in TABLE.policy:
        before = shown(page, lang)
        lever(page, name).focus()
        page.keyboard.press("Home")
        settle(page)
        assert lever(page, name).input_value() == "0"
        now = shown(page, lang)
        assert now == expected(point(page, name), lang)
        assert now["cards"] != before["cards"]
        assert now["summaries"] != before["summaries"]
        assert now["sentence"] != before["sentence"]
        box = lever(page, name).bounding_box()
        page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] / 2)
        settle(page)
        assert lever(page, name).input_value() not in ("0", None)
        assert shown(page, lang) == expected(point(page, name), lang)
    page.screenshot(path=str(ARTIFACTS / f"interactive-moved-{lang}.png"))
    assert set(page.requests) == {briefing_file.as_uri()}
    assert page.evaluate("() => window.__csp") == []
    page.context.close()


def test_one_instrument_moves_at_a_time_and_back_returns_to_the_scenario(browser, briefing_file):
    """Moving a second instrument puts the first back to the scenario's value and says why;
    the numbers are the second's point; "back" returns everything to the scenario."""
    page = open_file(browser, briefing_file, DESKTOP)
    first, second = TABLE.policy[0], TABLE.policy[1]
    saved = lever(page, first).input_value()
    lever(page, first).focus()
    page.keyboard.press("End")
    lever(page, second).focus()
    page.keyboard.press("ArrowRight")
    settle(page)
    assert lever(page, first).input_value() == saved
    assert shown(page, "id") == expected(point(page, second), "id")
    status = page.locator(".levers .status").inner_text()
    assert TABLE[first].label("id") in status
    assert "aplikasi" in status
    moved_link = page.locator(".moved-link:visible a").get_attribute("href")
    assert f"{second}={format_value(point(page, second)[second])}" in moved_link
    page.get_by_role("button", name="Kembali ke skenario ini").click()
    settle(page)
    assert shown(page, "id") == expected(VALUES, "id")
    assert page.locator(".levers .status").inner_text() == ""
    page.context.close()


def test_both_languages_are_in_the_file_and_a_moved_lever_keeps_its_place(browser, briefing_file):
    """The switch shows the other language everywhere (page language, title, cards, charts,
    tables) and back; a moved lever stays where it is across the switch."""
    page = open_file(browser, briefing_file, DESKTOP)
    name = TABLE.policy[2]
    lever(page, name).focus()
    page.keyboard.press("Home")
    page.get_by_role("button", name="English").click()
    settle(page)
    assert page.evaluate("() => document.documentElement.lang") == "en"
    assert shown(page, "en") == expected(point(page, name), "en")
    assert page.get_by_role("heading", name=tr("pdf_settings", "en")).is_visible()
    assert not page.get_by_role("heading", name=tr("pdf_settings", "id")).is_visible()
    page.screenshot(path=str(ARTIFACTS / "interactive-en-desktop.png"))
    page.get_by_role("button", name="Bahasa Indonesia").click()
    settle(page)
    assert lever(page, name).input_value() == "0"
    assert shown(page, "id") == expected(point(page, name), "id")
    page.context.close()


def test_markup_in_the_name_and_notes_is_text(browser, briefing_file):
    """The name, author and notes a link carried show as typed and run nothing."""
    page = open_file(browser, briefing_file, DESKTOP)
    assert page.evaluate("() => window.__xss") is None
    assert page.locator("img").count() == 0
    assert page.dialogs == []
    assert page.locator("h1:visible").inner_text() == HOSTILE
    page.context.close()


def test_without_decompression_the_texts_stay_the_scenarios_and_say_so(browser, briefing_file):
    """In a browser without DecompressionStream the numbers still move; the sentence stays
    the scenario's, dimmed, with a line saying why."""
    page = open_file(browser, briefing_file, DESKTOP, init="delete window.DecompressionStream;")
    scenario = expected(VALUES, "id")
    name = TABLE.policy[0]
    lever(page, name).focus()
    page.keyboard.press("Home")
    settle(page)
    now = shown(page, "id")
    assert now["cards"] == expected(point(page, name), "id")["cards"]
    assert now["sentence"] == scenario["sentence"]
    note = page.locator(".said[data-lang='id'] .texts-saved")
    assert note.is_visible()
    assert "peramban" in note.inner_text()
    page.context.close()


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("context", [DESKTOP, PHONE], ids=["1280", "390"])
def test_no_serious_or_critical_accessibility_violation(browser, briefing_file, lang, context):
    """axe-core on the file, in each language, at 1280 px and on a 390 px phone."""
    from axe_playwright_python.sync_playwright import Axe

    page = open_file(browser, briefing_file, context)
    if lang == "en":
        page.get_by_role("button", name="English").click()
        settle(page)
    width = context["viewport"]["width"]
    page.screenshot(path=str(ARTIFACTS / f"interactive-{lang}-{width}.png"))
    violations = Axe().run(page).response["violations"]
    bad = [
        (v["id"], v["impact"], v["nodes"][0]["target"])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == []
    page.context.close()


def test_it_reads_on_a_phone_and_prints_without_its_controls(browser, briefing_file):
    """At 390 px nothing runs off the side, and a moved lever keeps the first headline
    numbers in view; printed, the levers and switches are gone and
    the headline, charts and tables remain, with a line saying which lever a moved
    headline shows."""
    page = open_file(browser, briefing_file, PHONE)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    # A moved lever: the first two headline numbers are kept in view at the screen's foot.
    glance = page.locator(".levers .glance")
    assert not glance.is_visible()
    lever(page, TABLE.policy[1]).focus()
    page.keyboard.press("End")
    settle(page)
    assert glance.is_visible()
    values = glance.locator(".glance-value").all_inner_texts()
    assert values == page.locator(".ikm-card-value").all_inner_texts()[:2]
    assert values != [v for v, _ in expected(VALUES, "id")["cards"][:2]]
    box = glance.bounding_box()
    assert box["y"] + box["height"] <= 844 + 1  # on screen, at its foot
    page.screenshot(path=str(ARTIFACTS / "interactive-moved-390.png"))
    page.get_by_role("button", name="Kembali ke skenario ini").click()
    settle(page)
    assert not glance.is_visible()
    page.emulate_media(media="print")
    assert not page.locator("#levers").is_visible()
    assert not page.locator(".levers .status").is_visible()
    assert not page.locator(".langs").is_visible()
    assert not page.locator(".results .ikm-modes").is_visible()
    assert page.locator(".ikm-card-value").first.is_visible()
    assert page.locator(".ikm-chart").last.is_visible()
    assert page.locator(".settings table").first.is_visible()
    page.emulate_media(media="screen")
    lever(page, TABLE.policy[0]).focus()
    page.keyboard.press("Home")
    page.emulate_media(media="print")
    assert page.locator(".levers .status").is_visible()  # what the moved numbers are
    page.context.close()


def test_the_app_offers_the_file_and_it_opens_offline_on_the_apps_numbers(app_url, browser):
    """From the app's download menu: "Ringkasan interaktif (HTML)" arrives named after the
    scenario (no spaces); opened from disk with the network off, its headline is the page's."""
    from tests.browser import HEADLINE, wait_idle

    page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page.goto(f"{app_url}/?investment=5.6")
    wait_idle(page)
    on_page = page.locator(HEADLINE).all_inner_texts()
    page.get_by_role("button", name="Unduh").click()
    with page.expect_download(timeout=120_000) as info:
        page.get_by_test_id("stPopoverBody").get_by_role(
            "button", name=tr("dl_html", "id"), exact=True
        ).click()
    download = info.value
    name = download.suggested_filename
    assert " " not in name
    assert name.startswith("ikm-alas-kaki_investasi-tambahan")
    assert name.endswith(".html")
    path = ARTIFACTS / name
    download.save_as(path)
    page.close()
    offline = open_file(browser, path, DESKTOP)
    assert offline.locator(HEADLINE).all_inner_texts() == on_page
    assert offline.evaluate("() => document.documentElement.lang") == "id"
    assert set(offline.requests) == {path.as_uri()}
    offline.context.close()


def test_the_pages_chart_switch_says_its_choice_after_a_language_change(app_url, browser):
    """On the app's page too (view.js, which the file reuses): after the language changes,
    the change/level switch is built again and still says which choice is on."""
    from tests.browser import wait_charts, wait_idle

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{app_url}/?investment=5.6")
    wait_idle(page)
    wait_charts(page)
    page.get_by_role("radio", name="English").click()
    page.get_by_role("radio", name=tr("show_change", "en"), exact=True).wait_for()
    wait_idle(page)
    modes = page.locator(".ikm-modes[role='radiogroup'] button")
    assert modes.count() == len(charts.MODES)
    checked = [modes.nth(i).get_attribute("aria-checked") for i in range(modes.count())]
    assert checked == ["true", "false", "false"]
    page.close()
