"""The browser view's recipes say what the page's own functions say, at every grid point."""

from __future__ import annotations

import numpy as np
import pytest

from simulator import charts, figures, sweeps, view
from simulator.model import simulate_pair
from simulator.outputs import FORMATS
from simulator.plausibility import flags, is_caution
from simulator.report import headlines, totals
from tests.strategies import TABLE

CHARTS = view.chart_ids(figures.RESULT_LINES, sales=True)
SCENARIOS = {
    "baseline": {},
    "policy": {"investment": 5.6, "online_adoption": 90.0, "new_units": 3000.0},
    # Capacity binds at low investment (flagged: changes not coloured), a longer horizon.
    "flagged": {"investment": 0.0, "end_year": 2040.0, "demand_growth_domestic": 4.0},
    "late": {"policy_start_year": 2031.0, "investment": 9.0},
}


def expected(values: dict, lang: str, mode: str = "change") -> tuple[list[dict], dict]:
    """The cards and the charts' datasets as the page's own functions make them."""
    result = simulate_pair(values, TABLE)
    words = totals(result, values, lang)
    cards = [
        {
            "key": h.key,
            "label": h.label,
            "value": h.value,
            "delta": h.delta,
            "colour": h.delta_color,
            "changed": h.changed,
            "help": h.help,
            "caption": h.caption,
            "total": words.get(h.key, ""),
        }
        for h in headlines(result, lang)
    ]
    datasets = {
        chart: {
            name: view.records(table)
            for name, table in view.chart_spec(chart, result, values, lang, mode)[
                "datasets"
            ].items()
        }
        for chart in CHARTS
    }
    return cards, datasets


def made(frame: view.Frame, lang: str) -> tuple[list[dict], dict]:
    """The cards and the charts' changing datasets as the recipes make them."""
    cards = [view.card_texts(card, frame) for card in view.cards_recipe((), lang)]
    datasets = {
        chart: {name: view.rows(b, frame) for name, b in view.chart_recipe(chart, lang).items()}
        for chart in CHARTS
    }
    return cards, datasets


def now_frame(values: dict, lang: str) -> view.Frame:
    result = simulate_pair(values, TABLE)
    return view.Frame.of(result, values, is_caution(flags(result)), lang)


@pytest.mark.parametrize(
    ("scenario", "lang", "every"),
    [("baseline", "id", 2), ("policy", "en", 2), ("flagged", "id", 4), ("late", "en", 6)],
)
def test_recipes_agree_with_the_page_at_every_grid_point(scenario, lang, every):
    """At every grid point of every policy lever (``every``-th for the slower cases), the
    cards and the changing datasets made from the sweep are those the page's functions make
    for that scenario run alone; the datasets no lever changes stay as they were."""
    values = {**TABLE.defaults, **SCENARIOS[scenario]}
    frame = now_frame(values, lang)
    found = sweeps.compute(values, view.view_outputs(lang), TABLE)
    _, now_sets = expected(values, lang)
    checked = 0
    for lever, sweep in found.items():
        for index in range(0, len(sweep.grid), every):
            point = {**values, lever: sweep.grid[index]}
            cards, datasets = expected(point, lang)
            got_cards, got_sets = made(view.frame_at(frame, sweep, index), lang)
            assert got_cards == cards, (lever, sweep.grid[index])
            for chart in CHARTS:
                for name, rows in datasets[chart].items():
                    if name in got_sets[chart]:
                        assert got_sets[chart][name] == rows, (lever, sweep.grid[index], chart)
                    else:
                        assert rows == now_sets[chart][name], (lever, chart, name)
            checked += 1
    assert checked > 600 / every


def test_the_formatters_a_recipe_names_are_the_outputs_own():
    """Each kind of output is written by the recipes' formatters as by its own."""
    values = [0.0, -0.0, 1e-9, 0.004, 0.005, 0.015, 0.5, 1.0, 2.5, 999.995, 1234.5, -1234.5,
              12_345.678, 1e6 + 0.5, 123_456_789.0, -0.0049, 33.115, 4.445]  # fmt: skip
    for kind, (show, change) in view.KIND_FORMATS.items():
        for lang in ("id", "en"):
            for x in values:
                assert view.formatted(show, x, lang) == FORMATS[kind][0](x, lang), (kind, x)
                assert view.formatted(change, x, lang) == FORMATS[kind][1](x, lang), (kind, x)


def test_a_sweep_carries_what_the_view_reads():
    """Every output a card or chart recipe reads, and no other."""
    read = view.outputs_read(view.cards_recipe((), "id"))
    for chart in CHARTS:
        read |= view.outputs_read(view.chart_recipe(chart, "id"))
    assert set(view.view_outputs()) == read


@pytest.mark.parametrize("chart", CHARTS)
def test_a_compiled_chart_starts_empty_and_keeps_its_choice(chart):
    """The compiled Vega spec has every named dataset, empty, and a line chart keeps the
    change/level choice as a signal (one compiled spec for every choice)."""
    values = {**TABLE.defaults, "investment": 5.6}
    spec = view.chart_spec(chart, simulate_pair(values, TABLE), values, "id", "level")
    vega = view.compile_spec(spec)
    data = {d["name"]: d for d in vega["data"]}
    for name in spec["datasets"]:
        assert data[name].get("values", []) == []
    signals = {s["name"]: s for s in vega["signals"]}
    if chart.startswith(view.LINE):
        assert signals[charts.MODE]["value"] == "level"
        assert view.compile_spec(charts.with_mode(spec, "change")) != vega
    assert np.isfinite(len(vega["marks"]))
