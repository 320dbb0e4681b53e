"""The range of a result, explained (issue 21): the band covers only projected years, a
scenario's fan draws its change against the baseline (a range all above zero reads as a
gain), and the words for simulations are plain; the tornado lists only assumptions that
move the result."""

from __future__ import annotations

import re

import numpy as np
import pytest

from simulator import analysis, charts
from simulator.files import briefing
from simulator.i18n import TEXT, tr
from simulator.model import simulate_pair
from simulator.params import load_parameters

TABLE = load_parameters()
POLICY = {**TABLE.defaults, "investment": 5.6}
BASELINE = dict(TABLE.defaults)
# Words a ministry reader should not have to know: the statistician's names for a draw, a
# seed and a percentile.
JARGON = re.compile(
    r"iterasi|iteration|persentil|percentile|nilai awal acak|\bseed\b|\bdraws?\b|ditarik acak",
    re.IGNORECASE,
)


def fan(values: dict[str, float], output: str, lang: str) -> tuple[dict, np.ndarray, int]:
    result = simulate_pair(values)
    unc = analysis.uncertainty(values, table=TABLE, draws=200)
    bands = {s: unc.bands[(s, output)] for s in ("scenario", "baseline", "effect")}
    spec = charts.fan_chart(unc.years, bands, output, lang, result.last_observed)
    return spec, unc.years, result.last_observed


def rows(spec: dict, name: str) -> list[dict]:
    return spec["datasets"][name].to_pylist()


@pytest.mark.parametrize("values", [POLICY, BASELINE], ids=["policy", "baseline"])
@pytest.mark.parametrize("output", analysis.UNCERTAIN_OUTPUTS)
def test_the_band_covers_only_projected_years(values, output):
    """The band starts after the last year of data and reaches the end year; the middle
    line runs over every year, with no range in its tooltip for the years of data."""
    spec, years, last = fan(values, output, "id")
    band_years = [row["year"] for row in rows(spec, "band")]
    assert band_years == [int(y) for y in years if y > last]
    assert len(band_years) > 0
    middle = rows(spec, "middle")
    assert [row["year"] for row in middle] == [int(y) for y in years]
    assert all(row["t10"] == row["t90"] == "" for row in middle if row["year"] <= last)
    assert all(row["t10"] and row["t90"] for row in middle if row["year"] > last)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_policy_fan_draws_its_change_against_a_zero_baseline(lang):
    """With a policy, the fan draws the change: the end year's band is the effect's range
    (all above zero for doubled investment), the dashed baseline sits at zero, and the title
    says it is a change."""
    result = simulate_pair(POLICY)
    unc = analysis.uncertainty(POLICY, table=TABLE, draws=200)
    output = "production_rp_tn"
    bands = {s: unc.bands[(s, output)] for s in ("scenario", "baseline", "effect")}
    spec = charts.fan_chart(unc.years, bands, output, lang, result.last_observed)
    end = rows(spec, "band")[-1]
    low, _, high = unc.bands[("effect", output)][:, -1]
    assert (end["low"], end["high"]) == pytest.approx((low, high))
    assert 0 < end["low"] < end["high"]
    assert [row["value"] for row in rows(spec, "zero")] == [0.0]
    title, subtitle = charts.title_texts(spec)
    assert title == tr("fan_change_title", lang, what=tr("out_production_rp_tn", lang).lower())
    assert tr("series_baseline", lang).lower() in subtitle.lower()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_baseline_fan_draws_the_projection_itself(lang):
    """Without a policy there is no change to draw: the fan shows the projection's own
    range, with no zero line, and says the scenario is the baseline."""
    spec, _, _ = fan(BASELINE, "jobs", lang)
    assert rows(spec, "zero") == []
    assert min(row["low"] for row in rows(spec, "band")) > 0
    title, subtitle = charts.title_texts(spec)
    assert title == tr("out_jobs", lang)
    assert subtitle == tr("fan_level_key", lang)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("values", [POLICY, BASELINE], ids=["policy", "baseline"])
def test_the_range_is_explained_in_plain_words(lang, values):
    """What the analysis tab and the briefing say about the simulations (the intro, the
    fan's key, title, tooltips and text alternative, the briefing's column and note) names
    no iterations, seeds or percentiles."""
    result = simulate_pair(values)
    unc = analysis.uncertainty(values, table=TABLE, draws=200)
    texts = [tr("unc_intro", lang, draws="10.000"), tr("p10", lang), tr("p50", lang)]
    texts.append(tr("p90", lang))
    for output in analysis.UNCERTAIN_OUTPUTS:
        bands = {s: unc.bands[(s, output)] for s in ("scenario", "baseline", "effect")}
        texts += charts.title_texts(charts.fan_chart(unc.years, bands, output, lang, 2023))
        texts.append(charts.alt_fan(unc.years, bands, output, lang))
    ranges = briefing.effect_ranges(unc, result, lang)
    texts += [*ranges.columns(), ranges.note()]
    found = [text for text in texts if JARGON.search(text)]
    assert found == []


def test_no_translation_speaks_of_iterations_or_seeds():
    """No string of the translation table, in either language, uses the jargon."""
    # Placeholders ({draws}) are filled with a number, not read.
    found = [
        key
        for key, pair in TEXT.items()
        for text in pair
        if JARGON.search(re.sub(r"\{\w+\}", "", text))
    ]
    assert found == []


@pytest.mark.parametrize(
    "values",
    [POLICY, BASELINE, {**TABLE.defaults, "online_adoption": 75.0, "new_units": 1250.0}],
    ids=["investment", "baseline", "online-and-units"],
)
@pytest.mark.parametrize("output", ["production_rp_tn", "jobs"])
def test_every_tornado_row_has_a_bar(values, output):
    """Each assumption the tornado lists moves the output visibly (a bar at least a
    millionth of the output long on one side); none is an empty row."""
    frame = analysis.sensitivity(values, output, table=TABLE)
    labels = {name: TABLE[name].label("id") for name in frame["parameter"]}
    settings = dict.fromkeys(frame["parameter"], ("low", "high"))
    spec = charts.tornado_chart(frame, output, 2030, "id", labels, settings)
    bars = spec["datasets"]["bars"].to_pylist()
    assert bars
    scale = max(1.0, abs(bars[0]["start"]), *(abs(b["end"]) for b in bars))
    by_label: dict[str, float] = {}
    for bar in bars:
        size = abs(bar["end"] - bar["start"])
        by_label[bar["label"]] = max(by_label.get(bar["label"], 0.0), size)
    assert [label for label, size in by_label.items() if size < 1e-6 * scale] == []
