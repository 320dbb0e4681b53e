"""Chart specs: the same spec for every scenario (so the page redraws charts in place), the
scenario's numbers in the datasets, and text that fits the chart's width."""

from __future__ import annotations

import json

import numpy as np
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from simulator import analysis, charts, figures
from simulator.history import load_history
from simulator.model import simulate_pair
from simulator.params import load_parameters
from tests.levers import app_test, move_lever

TABLE = load_parameters()
# Two scenarios as far apart as a lever takes them: a policy against none, and the end year
# (which sets how many years every chart draws and the year its titles name).
QUIET: dict[str, float] = {}
BUSY = {"investment": 8.0, "new_units": 2000.0, "end_year": 2041.0, "policy_start_year": 2029.0}


def without_data(spec: dict) -> dict:
    """The spec as Streamlit compares it between runs: everything but the datasets."""
    return {key: value for key, value in spec.items() if key != "datasets"}


def table_rows(spec: dict) -> dict[str, list[dict]]:
    """Each dataset of ``spec`` as rows."""
    return {name: table.to_pylist() for name, table in spec["datasets"].items()}


def page_specs(values: dict[str, float], lang: str) -> dict[str, dict]:
    """Every chart the results and analysis tabs draw for ``values``, by a name."""
    result = simulate_pair(values)
    start = int(values.get("policy_start_year", TABLE["policy_start_year"].value))
    specs = {f"line {o}": charts.line_chart(result, o, lang, start) for o in figures.RESULT_LINES}
    specs["sales"] = charts.sales_split_chart(result, lang)
    specs["wider jobs"] = charts.wider_jobs_chart(result, lang)
    for measure in charts.REGION_MEASURES:
        specs[f"region {measure}"] = charts.region_chart(result, measure, lang)
    unc = analysis.uncertainty(values, table=TABLE, draws=40)
    for output in analysis.UNCERTAIN_OUTPUTS:
        bands = {s: unc.bands[(s, output)] for s in ("scenario", "baseline", "effect")}
        specs[f"fan {output}"] = charts.fan_chart(
            unc.years, bands, output, lang, result.last_observed
        )
    frame = analysis.sensitivity(values, "production_rp_tn", table=TABLE)
    labels = {name: TABLE[name].label(lang) for name in frame["parameter"]}
    settings = dict.fromkeys(frame["parameter"], ("low", "high"))
    year = int(result.years[-1])
    specs["tornado"] = charts.tornado_chart(frame, "production_rp_tn", year, lang, labels, settings)
    return specs


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_scenario_changes_only_the_datasets_of_every_chart(lang):
    """Two scenarios far apart (a policy, another end year) give the same spec apart from
    its datasets, and different datasets, for every chart of the results, regions and
    analysis tabs."""
    quiet, busy = page_specs(QUIET, lang), page_specs(BUSY, lang)
    assert quiet.keys() == busy.keys()
    for name in quiet:
        assert without_data(quiet[name]) == without_data(busy[name]), name
        assert table_rows(quiet[name]) != table_rows(busy[name]), name


def test_the_end_year_reaches_titles_and_ticks_through_the_data():
    """The end year a lever sets is in the data the titles read, and the year axis counts
    its ticks back from the last year in the data, not from a year written in the spec."""
    specs = page_specs(BUSY, "id")
    text = json.dumps({name: without_data(spec) for name, spec in specs.items()})
    assert "2041" not in text
    summary = specs["tornado"]["datasets"][charts.SUMMARY].to_pylist()[0]
    assert "2041" in summary["title"]
    assert "2041" in specs["region jobs"]["datasets"][charts.SUMMARY].to_pylist()[0]["subtitle"]
    assert max(specs["line jobs"]["datasets"]["main"]["year"].to_pylist()) == 2041


def test_described_puts_the_numbers_in_the_data_and_keeps_the_label():
    """A text alternative goes into the summary dataset; the accessible name is the title."""
    result = simulate_pair({"investment": 5.6})
    spec = charts.line_chart(result, "production_rp_tn", "id", 2027)
    text = charts.chart_alt_text(result, "production_rp_tn", "id")
    shown = charts.described(spec, text)
    assert shown["datasets"][charts.SUMMARY].column("text").to_pylist() == [text]
    assert without_data(shown) == without_data(spec)
    assert charts.label(shown) == "Nilai produksi"
    assert "triliun" in text
    assert "triliun" not in charts.label(shown)
    region = charts.region_chart(result, "jobs", "id")
    kept = charts.described(region, "x")["datasets"][charts.SUMMARY].to_pylist()[0]
    assert kept == {"text": "x", "subtitle": "Per wilayah, 2030"}


def test_compact_axis_labels_use_the_languages_short_words():
    """Thousands and millions on an axis read "200 rb" / "1,5 jt" and "200K" / "1.5M"."""
    assert "' rb'" in charts.compact_label("id", ",.0f").replace('"', "'").replace("\xa0", " ")
    assert "' jt'" in charts.compact_label("id", ",.0f").replace('"', "'").replace("\xa0", " ")
    assert "'K'" in charts.compact_label("en", ",.0f").replace('"', "'")
    assert "'M'" in charts.compact_label("en", ",.0f").replace('"', "'")


def test_text_in_expressions_is_quoted_for_vega():
    """Quotes, backslashes and non-ASCII in a title survive as one Vega string literal."""
    expr = charts.lines_expr(charts._literal('Nilai "ekspor" \\ ◇'), 10)
    assert expr.count('"Nilai \\"ekspor\\" \\\\ ◇"') == 1


@pytest.mark.parametrize("width", [500, 620, 900])
def test_exported_images_keep_every_line_of_text_inside(width):
    """An exported image (no container to measure) keeps titles, subtitles and legends
    whole and inside the picture: nothing cut at the top or the right edge, no ellipsis."""
    import io

    from PIL import Image

    from simulator.files import images

    result = simulate_pair({"investment": 5.6})
    specs = [charts.line_chart(result, o, "id", 2027) for o in figures.RESULT_LINES]
    specs += [charts.sales_split_chart(result, "id"), charts.wider_jobs_chart(result, "id")]
    specs += [charts.region_chart(result, "jobs", "id")]
    for spec in specs:
        assert "…" not in images.chart_svg(spec, width=width).decode("utf-8")
        image = Image.open(io.BytesIO(images.chart_png(spec, width=width, scale=1)))
        pixels = np.asarray(image.convert("L"))
        assert pixels.shape[1] == width
        assert pixels[:2].min() > 200, f"{charts.label(spec)}: cut at the top"
        assert pixels[:, -2:].min() > 200, f"{charts.label(spec)}: cut at the right"


def app_chart_protos(at: AppTest) -> list[tuple[str, str]]:
    """The spec (datasets apart, as Streamlit sends it) and the accessible name of every
    chart on the page."""
    return [(c.proto.spec, c.proto.alt) for c in at.get("vega_lite_chart")]


def view_configs(at: AppTest) -> list[str]:
    """The scenario views' configurations (compiled charts, recipes) as the page sends them."""
    return [c.proto.json for c in at.get("bidi_component") if c.proto.component_name == "ikm_view"]


def test_lever_moves_leave_the_scenario_views_as_they_were():
    """A policy move and an end-year move send the results tab's views (headline and
    charts) unchanged, byte for byte (Streamlit then sends a reference, not the compiled
    charts again); only the view's state, the numbers, changes."""
    from tests import shown

    at = app_test(120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    before, numbers = view_configs(at), shown.state(at)["s"]
    assert len(before) == 2
    assert len(shown.charts(at)) == 5
    move_lever(at, "investment", 8.0)
    at.run()
    assert view_configs(at) == before
    moved = shown.state(at)["s"]
    assert moved != numbers
    at.select_slider(key="end_year").set_value(2040)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert view_configs(at) == before
    assert len(shown.state(at)["years"]) > len(moved["production_rp_tn"])


@pytest.mark.parametrize("view", ["analysis"])
def test_lever_moves_send_the_same_specs_to_the_browser(view):
    """Two lever moves (a policy instrument, then the end year) send every chart of the tab
    with the same spec and accessible name as before, so the browser updates the drawn
    charts' data in place instead of embedding them afresh; the data do change."""
    at = app_test(120)
    at.query_params["view"] = view
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    before = app_chart_protos(at)
    data_before = [c.proto.datasets for c in at.get("vega_lite_chart")]
    assert len(before) >= 5
    move_lever(at, "investment", 8.0)
    at.run()
    after_policy = app_chart_protos(at)
    at.select_slider(key="end_year").set_value(2040)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    after_end_year = app_chart_protos(at)
    assert before == after_policy == after_end_year
    data_after = [c.proto.datasets for c in at.get("vega_lite_chart")]
    assert all(a != b for a, b in zip(data_before, data_after, strict=True))


def test_empty_summary_is_one_row():
    """Every builder gives its summary one row, so the page's text fills it in place."""
    result = simulate_pair({})
    spec = charts.sales_split_chart(result, "en")
    assert spec["datasets"][charts.SUMMARY].num_rows == 1
    assert isinstance(spec["datasets"][charts.SUMMARY], pa.Table)
    assert np.all(np.diff(spec["datasets"]["capacity"]["year"].to_numpy()) == 1)


# --- in the browser -----------------------------------------------------------------------

# Every chart's text that does not fit: a text element (title line, subtitle line, legend or
# axis label) reaching outside its chart's picture, a picture wider than its place on the
# page, a line Vega shortened with an ellipsis, or visible axis labels that overlap.
TEXT_THAT_DOES_NOT_FIT = """() => {
  const out = [];
  const charts = [...document.querySelectorAll("[data-testid='stVegaLiteChart']")];
  charts.forEach((chart, i) => {
    const svg = chart.querySelector("svg.marks");
    if (!svg) { out.push(`chart ${i}: not drawn`); return; }
    const box = svg.getBoundingClientRect();
    const place = chart.getBoundingClientRect();
    if (box.right > place.right + 1) out.push(`chart ${i}: ${box.width} px in ${place.width}`);
    const shown = (t) => t.textContent.trim() && getComputedStyle(t).opacity !== "0"
      && t.getAttribute("opacity") !== "0" && !t.closest("[opacity='0']");
    for (const t of svg.querySelectorAll("text")) {
      if (!shown(t)) continue;
      const b = t.getBoundingClientRect();
      if (b.left < box.left - 1 || b.right > box.right + 1 || b.top < box.top - 1
          || b.bottom > box.bottom + 1) out.push(`chart ${i}: outside: ${t.textContent}`);
      if (t.textContent.includes("…")) out.push(`chart ${i}: shortened: ${t.textContent}`);
    }
    for (const axis of svg.querySelectorAll("g.role-axis")) {
      const labels = [...axis.querySelectorAll(".role-axis-label text")].filter(shown)
        .map((t) => [t.textContent, t.getBoundingClientRect()]);
      labels.forEach(([a, p], j) => labels.slice(j + 1).forEach(([b, q]) => {
        if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1
            && q.top < p.bottom - 1) out.push(`chart ${i}: ${a} overlaps ${b}`);
      }));
    }
  });
  return out;
}"""


def view_text_problems(charts_shown: list[dict]) -> list[str]:
    """TEXT_THAT_DOES_NOT_FIT for the scenario view's charts, drawn on a canvas: read from
    Vega's scene (tests.browser.VIEW_TEXTS)."""
    out = []
    for chart in charts_shown:
        name, width, height = chart["id"], chart["width"], chart["height"]
        if not chart["texts"]:
            out.append(f"{name}: not drawn")
        if width > chart["place"] + 1:
            out.append(f"{name}: {width} px in {chart['place']}")
        shown = [t for t in chart["texts"] if t["shown"] and t["box"]]
        for t in shown:
            x1, y1, x2, y2 = t["box"]
            if x1 < -1 or y1 < -1 or x2 > width + 1 or y2 > height + 1:
                out.append(f"{name}: outside: {t['text']}")
            if "…" in t["text"]:
                out.append(f"{name}: shortened: {t['text']}")
        labels = [t for t in shown if t["role"] == "axis-label"]
        for i, a in enumerate(labels):
            for b in labels[i + 1 :]:
                p, q = a["box"], b["box"]
                if p[0] < q[2] - 1 and q[0] < p[2] - 1 and p[1] < q[3] - 1 and q[1] < p[3] - 1:
                    out.append(f"{name}: {a['text']} overlaps {b['text']}")
    return out


def open_view(browser, url: str, size: tuple[int, int], query: str, charts_count: int):
    """A fresh page of the app at ``size`` with ``query``, every chart drawn."""
    from tests.browser import wait_charts, wait_idle

    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(f"{url}/?{query}")
    wait_idle(page)
    wait_charts(page, charts_count)
    return page


VIEWS = {"results": 5, "analysis": 6, "regions": 3}


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(390, 844), (1024, 768), (1280, 800)])
def test_chart_text_fits_on_phones_projectors_and_desktops(app_url, browser, size, lang):
    """On a phone, an older projector and a desktop, in both languages, every chart of the
    results, analysis and regions tabs fits its column: no title, subtitle, legend or axis
    label reaches outside the chart or is shortened, and no axis labels collide (the results
    tab's charts, drawn by the scenario view on a canvas, are read from Vega's scene). Each
    chart is saved as a picture in test-artifacts for a human look."""
    from tests.browser import ARTIFACTS, VIEW_TEXTS

    problems = []
    for view, count in VIEWS.items():
        page = open_view(browser, app_url, size, f"view={view}&lang={lang}&investment=5.6", count)
        problems += [f"{view}: {p}" for p in page.evaluate(TEXT_THAT_DOES_NOT_FIT)]
        problems += [f"{view}: {p}" for p in view_text_problems(page.evaluate(VIEW_TEXTS))]
        charts = page.locator("[data-testid='stVegaLiteChart'], .ikm-chart")
        for i in range(charts.count()):
            charts.nth(i).scroll_into_view_if_needed()
            charts.nth(i).screenshot(
                path=str(ARTIFACTS / f"chart-{view}-{i}-{lang}-{size[0]}x{size[1]}.png")
            )
        page.close()
    assert problems == []


# Per chart: its picture (marked on the first call, so a later call tells whether it is still
# the same element) and the accessible names inside it (the summary's carries the numbers).
CHART_STATE = """(mark) => [...document.querySelectorAll("[data-testid='stVegaLiteChart']")]
  .map((chart) => {
    const svg = chart.querySelector("svg.marks");
    if (mark && svg) svg.__beforeMove = true;
    return {
      same: !!(svg && svg.__beforeMove),
      names: [...chart.querySelectorAll("svg [aria-label]")]
        .map((e) => e.getAttribute("aria-label")).join("|"),
      label: chart.getAttribute("aria-label"),
    };
  })"""
ALL_CHANGED = """(before) => {
  const now = [...document.querySelectorAll("[data-testid='stVegaLiteChart']")]
    .map((chart) => [...chart.querySelectorAll("svg [aria-label]")]
      .map((e) => e.getAttribute("aria-label")).join("|"));
  return now.length === before.length && now.every((names, i) => names !== before[i]);
}"""


@pytest.mark.browser
@pytest.mark.parametrize(("view", "count"), [("analysis", 6)])
def test_a_lever_move_redraws_the_charts_in_place(app_url, browser, view, count):
    """A lever move changes what every chart shows (its numbers, read by a screen reader
    too) while each chart stays the same drawn picture: Streamlit updated the Vega view's
    data instead of embedding the chart afresh. The accessible name stays the title."""
    from tests.browser import SIDEBAR_LEVER, wait_idle

    page = open_view(browser, app_url, (1280, 800), f"view={view}", count)
    before = page.evaluate(CHART_STATE, True)
    assert all(c["same"] for c in before)
    slider = page.locator(SIDEBAR_LEVER).first
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(ALL_CHANGED, arg=[c["names"] for c in before], timeout=30_000)
    wait_idle(page)
    after = page.evaluate(CHART_STATE, False)
    page.close()
    assert [c["same"] for c in after] == [True] * count
    assert [c["label"] for c in after] == [c["label"] for c in before]
    assert all(c["label"] for c in after)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("output", list(charts.LINE_OUTPUTS))
def test_a_line_chart_key_names_only_what_the_chart_draws(output, lang):
    """The key under a line chart's title mentions black dots, open circles and the
    projection's diamond only when that chart draws them, and constant prices only for
    money (not for people)."""
    from simulator.i18n import tr
    from simulator.outputs import OUTPUTS

    spec = charts.line_chart(RESULT_FOR_KEYS, output, lang, 2026, mode="level")
    kinds = set(spec["datasets"]["published"].column("kind").to_pylist())
    _, subtitle = charts.title_texts(spec)

    def says(key: str) -> bool:
        return tr(key, lang, parts="").split("(")[0].strip() in subtitle

    assert says("key_lines")
    assert says("key_observed") == ("observed" in kinds)
    assert says("key_part") == ("part" in kinds)
    assert says("key_projection") == ("projection" in kinds)
    assert says("key_prices") == (OUTPUTS[output].kind in ("rp_tn", "usd_mn"))


RESULT_FOR_KEYS = simulate_pair({**load_parameters().defaults, "investment": 5.6})


@pytest.mark.parametrize("mode", ["change", "percent"])
@pytest.mark.parametrize("output", ["production_rp_tn", "jobs"])
def test_a_chart_of_the_change_says_so_and_draws_no_published_levels(output, mode):
    """A line chart of the change (the default) says it is the change against the baseline
    (in percent where it is), names no published dots (levels, left out there), and draws
    the scenario's change with the baseline at zero."""
    import vl_convert

    from simulator.i18n import tr

    spec = charts.line_chart(RESULT_FOR_KEYS, output, "id", 2026)
    assert charts.mode_of(spec) == "change"
    spec = charts.with_mode(spec, mode)
    _, subtitle = charts.title_texts(spec)
    assert subtitle.startswith(tr("key_change" if mode == "change" else "key_change_pct", "id"))
    assert tr("key_observed", "id") not in subtitle
    records = {k: v.to_pylist() if hasattr(v, "to_pylist") else v
               for k, v in spec["datasets"].items()}  # fmt: skip
    scene = vl_convert.vegalite_to_scenegraph({**spec, "datasets": records})

    def items(node, role):
        for child in node.get("items", []):
            if child.get("role") == role or node.get("role") == role:
                yield child
            yield from items(child, role)

    dots = [
        i
        for i in items(scene["scenegraph"], "mark")
        if i.get("shape") == "circle" and i.get("opacity", 1) > 0.5  # not the tooltip targets
    ]
    assert dots == []  # no published dots on a chart of the change
    main = spec["datasets"]["main"].to_pylist()
    baseline = [r for r in main if r["series"] == tr("series_baseline", "id")]
    assert all(r["change"] == 0 and r["pct"] == 0 for r in baseline)
    last = [r for r in main if r["series"] == tr("series_scenario", "id")][-1]
    assert last["change"] > 0
    assert last["pct"] == pytest.approx(100 * last["change"] / baseline[-1]["value"])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_charts_printed_together_share_one_key_naming_each_mark_once(lang):
    """The briefing prints one caption under its two charts: every mark either chart draws,
    each named once, and the prices note when one of them is money."""
    from simulator.i18n import tr

    keys = [charts.line_key(o, lang) for o in ("production_rp_tn", "jobs")]
    (merged,) = charts.merged_keys(keys, lang)
    for key in ("key_lines", "key_observed", "key_projection", "key_prices"):
        part = tr(key, lang, parts="").split("(")[0].strip()
        assert merged.count(part) == 1, (key, merged)
    # Open circles only where a part of jobs is published with the model's own coverage.
    counted = bool(load_history().observed("jobs_small"))
    assert (tr("part_jobs_small", lang) in merged) is counted
    assert charts.merged_keys(["Tampak sama", "Tampak sama"], lang) == ["Tampak sama"]
    changes = [charts.line_key(o, lang, "change") for o in ("production_rp_tn", "jobs")]
    (merged,) = charts.merged_keys(changes, lang)
    assert merged.count(tr("key_change", lang).partition(". ")[0]) == 1
    assert tr("key_prices", lang) in merged
