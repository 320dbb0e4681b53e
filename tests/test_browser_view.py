"""The scenario view in Chromium: the levers move the headline and every chart locally.

While a policy lever is dragged (a mouse on the desktop, a finger on a 390 x 844 phone, or
in the presentation view's strip), the headline and every results chart change on the way,
from the lever's sweep, with nothing sent to the server; let go, the page lands on the
released value and the run that follows redraws nothing the view already shows.
"""

from __future__ import annotations

import time
from urllib.parse import parse_qsl, urlsplit

import pytest

from simulator import charts, figures
from simulator.model import simulate_pair
from simulator.report import headlines
from tests.browser import (
    HEADLINE,
    LIVE_LEVER,
    SIDEBAR_LEVER,
    Pointer,
    thumb_point,
    wait_charts,
    wait_idle,
)
from tests.strategies import TABLE
from tests.test_browser_live import DESKTOP, PHONE

pytestmark = pytest.mark.browser

MOVES = 20  # pointer moves in a drag, each waited for until the view has drawn it
ENOUGH = 10  # changes of the headline and of every chart before the release
# Per animation frame: the headline numbers, each chart's summary (its numbers) and
# how many times it was drawn, and whether the view showed a point ahead of the page.
WATCH = """() => {
  window.__view = {headline: [], charts: {}, ahead: false, stop: false};
  const tick = () => {
    const w = window.__view;
    const h = [...document.querySelectorAll(".ikm-card-value")].map((v) => v.textContent)
      .join(" | ");
    if (h && h !== w.headline[w.headline.length - 1]) w.headline.push(h);
    for (const c of document.querySelectorAll(".ikm-chart")) {
      const seen = (w.charts[c.dataset.chart] ||= {summary: [], drawn: new Set()});
      const text = c.querySelector(".ikm-summary").textContent;
      if (text !== seen.summary[seen.summary.length - 1]) seen.summary.push(text);
      seen.drawn.add(c.dataset.drawn);
    }
    if (document.querySelector(".ikm-view[data-shown='ahead']")) w.ahead = true;
    if (!w.stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""
STOP = """() => {
  const w = window.__view; w.stop = true;
  const charts = {};
  for (const [id, c] of Object.entries(w.charts)) charts[id] = [c.summary.length, c.drawn.size];
  return {headline: w.headline, charts, ahead: w.ahead};
}"""
FRAMES = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"
SWEEPS_HERE = "() => window.__ikmView && Object.keys(window.__ikmView.raw || {}).length === 4"


def open_view(browser, url: str, phone: bool):
    """A page of the app, drawn, with every lever's sweep arrived."""
    context = browser.new_context(**(PHONE if phone else DESKTOP))
    page = context.new_page()
    page.goto(url)
    wait_idle(page)
    wait_charts(page)
    page.wait_for_function(SWEEPS_HERE, timeout=30_000)
    return page


def lever_of(page, name: str, place: str):
    """The live lever of parameter ``name`` (levers are drawn in the table's order)."""
    index = [p for p in TABLE.in_group("lever") if p.is_policy].index(TABLE[name])
    return page.locator(f"{place} {LIVE_LEVER}").nth(index)


def settle(page, element, timeout_s: float = 15.0) -> None:
    """Wait until ``element`` keeps its place over two animation frames (a strip just
    opened, or plots resized to the window, move what is below them)."""
    deadline = time.monotonic() + timeout_s
    before = element.bounding_box()
    while time.monotonic() < deadline:
        page.evaluate(FRAMES)
        now = element.bounding_box()
        if now == before:
            return
        before = now
    pytest.fail(f"the element kept moving: {before}")


def drag(page, lever, touch: bool, before_release=None) -> dict:
    """Drag ``lever`` up in MOVES moves, each waited for until the view has drawn it; what
    the view showed on the way, before the release
    (``before_release()`` is called just before letting go)."""
    settle(page, lever)
    x, y = thumb_point(lever)
    box = lever.bounding_box()
    # Upwards, over the room left (every instrument at its baseline or above acts).
    step = (box["x"] + box["width"] - 12 - x) / (MOVES + 1)
    pointer = Pointer(page, touch=touch)
    page.evaluate(WATCH)
    page.wait_for_function("() => window.__view.headline.length >= 1", timeout=10_000)
    pointer.down(x, y)
    values = {lever.input_value()}
    for _ in range(MOVES):
        value = lever.input_value()
        for _ in range(6):  # a finger moves the thumb only past the browser's slop distance
            x += step
            pointer.move(x, y)
            if lever.input_value() != value:
                break
        values.add(lever.input_value())
        # The view draws a move in the next animation frame: two frames on, it is shown.
        page.evaluate(FRAMES)
    shown = page.evaluate(STOP)
    shown["lever_values"] = len(values)  # 1: the press missed the thumb, nothing was dragged
    if before_release is not None:
        before_release()
    pointer.up(x, y)
    return shown


def released(page, before: str) -> dict[str, float]:
    """The scenario of the link the page writes after the release."""
    page.wait_for_function("(b) => location.href !== b", arg=before, timeout=30_000)
    wait_idle(page)
    query = dict(parse_qsl(urlsplit(page.url).query))
    return {name: float(query[name]) for name in TABLE if name in query}


def expected_cards(values: dict[str, float], lang: str, keys=()) -> list[str]:
    """The headline values the server gives that scenario."""
    result = simulate_pair({**TABLE.defaults, **values}, TABLE)
    return [h.value for h in headlines(result, lang) if not keys or h.key in keys]


def expected_summaries(values: dict[str, float], lang: str, outputs) -> list[str]:
    """The line charts' text alternatives the server gives that scenario."""
    result = simulate_pair({**TABLE.defaults, **values}, TABLE)
    return [charts.chart_alt_text(result, o, lang) for o in outputs]


def shown_summaries(page) -> list[str]:
    return page.locator(".ikm-chart .ikm-summary").all_inner_texts()


@pytest.mark.parametrize("lever", TABLE.policy)
@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_dragging_each_lever_moves_the_headline_and_every_chart(
    app_url, browser, lang, phone, lever
):
    """The headline and each of the five results charts change at least ten times while
    the lever is dragged (mouse on the desktop, a finger on a phone), the page sends the
    released value, and every card and chart lands on the server's numbers for it."""
    page = open_view(browser, f"{app_url}/?lang={lang}", phone)
    handle = lever_of(page, lever, "" if phone else "[data-testid='stSidebar']")
    link = page.url
    shown = drag(page, handle, touch=phone)
    assert len(shown["headline"]) > ENOUGH, shown["headline"]
    assert shown["ahead"]  # drawn from the sweep, ahead of the page's run
    assert len(shown["charts"]) == 5
    for chart, (_, drawings) in shown["charts"].items():
        assert drawings > ENOUGH, (chart, drawings)  # redrawn with new numbers
    values = released(page, link)
    assert lever in values
    page.wait_for_function("() => document.querySelector(\".ikm-view[data-shown='page']\")")
    assert page.locator(HEADLINE).all_inner_texts() == expected_cards(values, lang)
    assert shown["headline"][-1] == " | ".join(expected_cards(values, lang))  # no jump
    shown_now = shown_summaries(page)
    assert shown_now[:4] == expected_summaries(values, lang, figures.RESULT_LINES)
    assert page.locator("[data-testid='stException']").count() == 0
    page.context.close()


@pytest.mark.parametrize("lever", TABLE.policy)
def test_the_presentation_strip_moves_the_slide(app_url, browser, lever):
    """In the presentation view, dragging a lever of the strip moves the slide's numbers
    and both its charts on the way, and the slide lands on the released value."""
    page = open_view(browser, f"{app_url}/?view=present&lang=en", phone=False)
    page.get_by_text("Policy instruments").first.click()
    handle = lever_of(page, lever, "[data-testid='stMain']")
    handle.wait_for(state="visible", timeout=20_000)
    page.wait_for_function(SWEEPS_HERE, timeout=30_000)  # the slide moves from the sweeps
    wait_idle(page)  # and no run of the page is under way to redraw the strip mid-drag
    link = page.url
    shown = drag(page, handle, touch=False)
    if shown["lever_values"] == 1:  # the press missed the thumb (the strip was still moving)
        wait_idle(page)
        shown = drag(page, handle, touch=False)
    assert shown["lever_values"] > ENOUGH
    assert len(shown["headline"]) > ENOUGH
    assert len(shown["charts"]) == 2
    for chart, (_, drawings) in shown["charts"].items():
        assert drawings > ENOUGH, (chart, drawings)  # redrawn with new numbers
    values = released(page, link)
    page.wait_for_function("() => document.querySelector(\".ikm-view[data-shown='page']\")")
    keys = figures.PRESENT_HEADLINES
    assert page.locator(HEADLINE).all_inner_texts() == expected_cards(values, "en", keys)
    assert shown_summaries(page) == expected_summaries(values, "en", figures.BRIEF_LINES)
    page.context.close()


def test_a_drag_sends_nothing_but_its_release_which_redraws_nothing(app_url, browser):
    """With the sweeps arrived, a drag sends no message until the release; the page's run
    for the released value changes no card and redraws no chart the view already shows."""
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    sent: list = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(frame)))
    page.goto(app_url)
    wait_idle(page)
    wait_charts(page)
    page.wait_for_function(SWEEPS_HERE, timeout=30_000)
    drawn = "() => [...document.querySelectorAll('.ikm-chart')].map(c => c.dataset.drawn)"
    texts = "() => [...document.querySelectorAll('.ikm-card')].map(c => c.textContent)"
    at_release: dict = {}

    def note() -> None:
        at_release.update(sent=len(sent), drawn=page.evaluate(drawn), texts=page.evaluate(texts))

    before = len(sent)
    link = page.url
    shown = drag(page, page.locator(SIDEBAR_LEVER).first, touch=False, before_release=note)
    assert len(shown["headline"]) > ENOUGH
    assert at_release["sent"] == before  # nothing while dragging
    released(page, link)
    page.wait_for_function("() => document.querySelector(\".ikm-view[data-shown='page']\")")
    assert len(sent) > before  # the release
    assert page.evaluate(drawn) == at_release["drawn"]
    assert page.evaluate(texts) == at_release["texts"]
    context.close()


def test_a_key_step_is_shown_before_the_page_runs(app_url, browser):
    """An arrow key on a lever moves the view at once from the sweep (ahead of the page's
    run), and the page then takes it as one step of the link."""
    page = open_view(browser, f"{app_url}/?lang=en", phone=False)
    handle = page.locator(SIDEBAR_LEVER).first
    handle.focus()
    page.evaluate(WATCH)
    link = page.url
    page.keyboard.press("ArrowRight")
    values = released(page, link)
    shown = page.evaluate(STOP)
    assert values["investment"] == 2.9
    assert shown["ahead"]
    assert shown["headline"][-1] == " | ".join(expected_cards(values, "en"))
    page.context.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_charts_open_on_the_change_and_the_levels_are_one_click_away(app_url, browser, lang):
    """The results charts open on the change against the baseline; one click shows the
    levels (the link keeps the choice, and reopens it), another the change in percent."""
    from simulator.i18n import tr

    page = open_view(browser, f"{app_url}/?lang={lang}&investment=5.6", phone=False)
    mode = (
        "() => [...document.querySelectorAll(\".ikm-chart[data-chart^='line:']\")]"
        ".map(c => c.vegaView.signal('mode'))"
    )
    assert set(page.evaluate(mode)) == {"change"}
    checked = page.get_by_role("radio", name=tr("show_change", lang), exact=True)
    assert checked.get_attribute("aria-checked") == "true"
    page.get_by_role("radio", name=tr("show_level", lang), exact=True).click()
    page.wait_for_function("() => location.search.includes('show=level')", timeout=20_000)
    assert set(page.evaluate(mode)) == {"level"}
    again = open_view(browser, page.url, phone=False)
    assert set(again.evaluate(mode)) == {"level"}
    assert (
        again.get_by_role("radio", name=tr("show_level", lang), exact=True).get_attribute(
            "aria-checked"
        )
        == "true"
    )
    again.get_by_role("radio", name=tr("show_percent", lang), exact=True).click()
    again.wait_for_function("() => location.search.includes('show=percent')", timeout=20_000)
    assert set(again.evaluate(mode)) == {"percent"}
    page.context.close()
    again.context.close()
