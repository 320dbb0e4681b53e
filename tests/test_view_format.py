"""One formatting rule: the browser view writes every number of every sweep as the server does.

The view's formatter and recipe evaluator (ui/components/view_format.js) run in Chromium on
each lever's sweep, at every grid point, in both languages; what they make must be exactly
what the page's own Python functions (Babel) make for that scenario: every headline card's
texts and every changing chart dataset, numbers and labels.
"""

from __future__ import annotations

import base64
import json
import math

import pytest

from simulator import sweeps, view
from simulator.model import simulate_pair
from simulator.plausibility import flags, is_caution
from tests.browser import ROOT
from tests.strategies import TABLE
from tests.test_view import CHARTS, SCENARIOS, expected

pytestmark = pytest.mark.browser

MODULE = (ROOT / "ui" / "components" / "view_format.js").read_text(encoding="utf-8")
# Every grid point of every sweep, moved to and evaluated in the page.
RUN_ALL = """async ({source, rules, cards, recipes, now, sweeps}) => {
  const url = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
  const m = await import(url);
  const out = {};
  for (const [lever, data] of Object.entries(sweeps)) {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const sweep = m.decodeSweep(bytes);
    out[lever] = sweep.grid.map((_, i) => {
      const f = m.frameAt(now, sweep, i, rules);
      const sets = {};
      for (const [chart, recipe] of Object.entries(recipes)) {
        sets[chart] = {};
        for (const [name, blocks] of Object.entries(recipe)) sets[chart][name] = m.rows(blocks, f);
      }
      const texts = cards.map((card) => {
        const row = {key: card.key};
        for (const [name, e] of Object.entries(card)) {
          if (name !== "key") row[name] = m.evaluate(e, f);
        }
        return row;
      });
      return {cards: texts, sets};
    });
  }
  // One JSON string: Playwright's own serialisation of this ~18 MB result takes ~30 s, JSON
  // a few. What JSON would lose (undefined, NaN, +-Infinity, -0) is kept as a marked object
  // that ``revived`` turns back into the value Playwright would give.
  return JSON.stringify(out, (k, v) => v === undefined ? {"\\u0000": "undefined"}
    : typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0))
      ? {"\\u0000": String(v)} : v);
}"""
# The values RUN_ALL marks, as Playwright would return them (String(-0) is "0").
MARKED = {"undefined": None, "NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
MARKED["0"] = -0.0


def revived(marked: dict):
    """A marked object of RUN_ALL's JSON back to its value; any other object as it is."""
    return MARKED[marked["\x00"]] if list(marked) == ["\x00"] else marked


def state_of(values: dict, lang: str) -> dict:
    """The current scenario's numbers as the view gets them (JSON: exact floats)."""
    result = simulate_pair(values, TABLE)
    outputs = view.view_outputs(lang)
    params, appraisal = view.frame_numbers(result, values)
    return {
        "years": [int(y) for y in result.years],
        "s": {o: [float(x) for x in result[o][0]] for o in outputs},
        "b": {o: [float(x) for x in result[o][1]] for o in outputs},
        "params": params,
        "a": appraisal,
        "caution": is_caution(flags(result)),
    }


@pytest.mark.parametrize(
    ("scenario", "lang", "every"),
    [("baseline", "id", 1), ("policy", "en", 1), ("flagged", "en", 3), ("late", "id", 5)],
)
def test_the_browser_writes_every_grid_point_as_the_server(browser, scenario, lang, every):
    """Cards and changing datasets at every point of every lever's sweep (every ``every``-th
    for the slower cases), from the sweep's bytes, formatted in the browser: equal to the
    server's, text for text, number for number."""
    values = {**TABLE.defaults, **SCENARIOS[scenario]}
    found = sweeps.compute(values, view.view_outputs(lang), TABLE)
    page = browser.new_page()
    made = page.evaluate(
        RUN_ALL,
        {
            "source": MODULE,
            "rules": view.format_rules(lang),
            "cards": view.cards_recipe((), lang),
            "recipes": {c: view.chart_recipe(c, lang) for c in CHARTS},
            "now": state_of(values, lang),
            "sweeps": {n: base64.b64encode(sweeps.encode(s)).decode() for n, s in found.items()},
        },
    )
    page.close()
    made = json.loads(made, object_hook=revived)
    points = 0
    for lever, sweep in found.items():
        assert len(made[lever]) == len(sweep.grid)
        for value, got in list(zip(sweep.grid, made[lever], strict=True))[::every]:
            cards, datasets = expected({**values, lever: value}, lang)
            assert got["cards"] == json.loads(json.dumps(cards)), (lever, value)
            for chart in CHARTS:
                for name, rows in got["sets"][chart].items():
                    assert rows == datasets[chart][name], (lever, value, chart, name)
            points += 1
    assert points > 600 / every


# Values where a rounding rule shows: exact halves at 0, 1 and 2 decimals, just either side
# of them, values that round to zero, and large ones.
EDGES = [
    *(k + 0.5 for k in range(-4, 5)),
    0.125, 0.375, -0.125, 2.675, 1.005, 0.045, 0.055, 0.25, -0.25, 0.05, -0.05, 0.15,
    1234.5, 1235.5, 999.95, 999.995, 0.005, -0.005, 4.999999999999999, 5.000000000000001,
    0.49999999999999994, 1e-9, -1e-9, 0.0, -0.0, 123456789.5, 2.5e-7, 7.5e-7,
]  # fmt: skip
EDGE_CALLS = """async ({source, rules, values, arrays}) => {
  const url = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
  const m = await import(url);
  return {
    count: values.map((v) => m.count(v, rules)),
    number: values.map((v) => [0, 1, 2].map((places) => m.number(v, rules, places))),
    signed: values.map((v) => m.signed(v, rules, 1)),
    rpTn: values.map((v) => m.rpTn(v, rules)),
    sums: arrays.map((a) => m.numpySum(a)),
  };
}"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_browser_rounds_and_sums_edge_values_as_the_server(browser, lang):
    """At exact halves and near them, counts, numbers, signed numbers and rupiah are written
    by the browser as the server's Babel-based functions write them (ties to even), and
    the view's sums of a year's values are numpy's to the bit (pairwise, for lengths around
    its blocks of 8 and 128, with magnitudes that make the order matter)."""
    import functools
    import operator

    import numpy as np

    from simulator import formatting as fmt

    rng = np.random.default_rng(2026)
    lengths = [1, 2, 7, 8, 9, 15, 16, 17, 127, 128, 129, 200, 255, 256, 257, 300]
    arrays = [(rng.normal(size=n) * 10.0 ** rng.integers(-8, 9, size=n)).tolist() for n in lengths]
    page = browser.new_page()
    got = page.evaluate(
        EDGE_CALLS,
        {"source": MODULE, "rules": view.format_rules(lang), "values": EDGES, "arrays": arrays},
    )
    page.close()
    assert got["count"] == [fmt.count(v, lang) for v in EDGES]
    assert got["number"] == [[fmt.number(v, lang, d) for d in (0, 1, 2)] for v in EDGES]
    assert got["signed"] == [fmt.signed(v, lang, 1) for v in EDGES]
    assert got["rpTn"] == [fmt.rp_tn(v, lang) for v in EDGES]
    assert got["sums"] == [float(np.sum(np.array(a))) for a in arrays]
    # The order mattered: a plain left-to-right sum differs from numpy's for some arrays.
    assert any(float(np.sum(np.array(a))) != functools.reduce(operator.add, a) for a in arrays)
