"""The page's scenario view, drawn in the browser: what it shows, as data (no Streamlit here).

The headline cards and the results charts are drawn by a browser component
(ui/components/view.js) from numbers: the current scenario's series and, while a lever is
dragged, the lever's sweep (:mod:`simulator.sweeps`). Everything the component needs to turn
numbers into what a reader sees is made here, once per language and layout:

* **Recipes**: each card's texts and each chart dataset that a lever changes, as small
  expressions over the scenario (``s``) and baseline (``b``) series (:func:`evaluate` runs
  them here; view.js runs the same expressions). They mirror :func:`simulator.report.headlines`
  and the dataset builders of :mod:`simulator.charts`; tests/test_view.py checks that the
  two agree at every grid point of every lever, in both languages, so a change on one side
  that the other misses fails there (and only this module changes, never the JavaScript).
* **One formatting rule**: the formatters a recipe names (:data:`FORMATTERS`) are this
  project's Babel-based ones; :func:`format_rules` hands view.js the symbols, word templates
  and compact patterns those use, and a browser test checks that view.js writes every number
  of every sweep exactly as Babel does.
* **Compiled charts**: the chart specs of :mod:`simulator.charts` (the same Altair-authored
  specs the server page and the exports draw), compiled from Vega-Lite to Vega once per
  distinct spec (:func:`compile_spec`), their data left empty for the browser to fill.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
from babel import Locale
from babel.numbers import parse_pattern

from simulator import charts, figures
from simulator import formatting as fmt
from simulator.i18n import NUMBER_FORMATS, pick, tr
from simulator.model import BASELINE, SCENARIO, Result
from simulator.outputs import HEADLINES, OUTPUTS
from simulator.params import ParameterTable
from simulator.plausibility import flags, is_caution
from simulator.report import TOTAL_OUTPUTS, sentence
from simulator.sweeps import APPRAISED, expected_keys

Expr = Any  # a JSON list: [op, *arguments]

# The Vega the browser draws with: static/vendor/, served at app/static/ (no CDN).
VEGA_VERSION = "6.2.0"
VEGA_SHA256 = "ea6a5936381d06f912466354e2b6a20eb66c4d41f1ca9dff1e0236dfee6ee392"
VEGA_PATH = f"app/static/vendor/vega-{VEGA_VERSION}/vega.min.js"
# Vega's expression interpreter (npm vega-interpreter): the page's script policy forbids the
# Function constructor Vega compiles expressions with (static/vendor/, beside Vega).
INTERPRETER_VERSION = "2.3.2"
INTERPRETER_SHA256 = "c0bdb735a63f9276f136e8d90d7fdf5d8e9df8031eb069048fc9975c876fd7f9"
INTERPRETER_PATH = f"app/static/vendor/vega-interpreter-{INTERPRETER_VERSION}/vega-interpreter.js"

# --- one formatting rule ------------------------------------------------------------------

# A formatter by name and arguments, as a recipe names it: ["rp_tn", 2] is fmt.rp_tn(x, lang, 2).
FORMATTERS: dict[str, Callable[..., str]] = {
    "number": lambda x, lang, d=0, optional=False: fmt.number(x, lang, d, optional=optional),
    "signed": lambda x, lang, d=0: fmt.signed(x, lang, d),
    "rp_tn": lambda x, lang, d=2: fmt.rp_tn(x, lang, d),
    "rp_tn_signed": lambda x, lang, d=2: fmt.rp_tn_signed(x, lang, d),
    "rp_mn": lambda x, lang, d=1: fmt.rp_mn(x, lang, d),
    "usd_mn": lambda x, lang, d=1: fmt.usd_mn(x, lang, d),
    "usd_mn_signed": lambda x, lang, d=1: fmt.usd_mn_signed(x, lang, d),
    "count": lambda x, lang, noun="units": fmt.count(x, lang, noun),
    "percent": lambda x, lang, d=1: fmt.percent(x, lang, d),
    "percent_signed": lambda x, lang, d=1: fmt.percent_signed(x, lang, d),
    "points_signed": lambda x, lang, d=1: fmt.points_signed(x, lang, d),
    "compact_signed": lambda x, lang, kind="units": fmt.compact_signed(x, lang, kind),
}
# Each kind of output's formatters (simulator.outputs.FORMATS) by name: (level, change).
KIND_FORMATS: dict[str, tuple[list, list]] = {
    "rp_tn": (["rp_tn", 2], ["rp_tn_signed", 2]),
    "usd_mn": (["usd_mn", 1], ["usd_mn_signed", 1]),
    "jobs": (["count", "jobs"], ["signed", 0]),
    "units": (["count", "units"], ["signed", 0]),
    "percent": (["percent", 1], ["points_signed", 1]),
}


def formatted(spec: Sequence[Any], value: float, lang: str) -> str:
    """``value`` written by the formatter ``spec`` names."""
    name, *args = spec
    return FORMATTERS[name](float(value), lang, *args)


@functools.lru_cache(maxsize=4)
def format_rules(lang: str) -> dict[str, Any]:
    """What view.js needs to write numbers as :mod:`simulator.formatting` does in ``lang``:
    Babel's symbols, this project's word templates, and Babel's short compact patterns
    (with the plural forms Babel picks them by)."""
    locale = Locale.parse(fmt.BABEL_LOCALE.get(lang, "id_ID"))
    group, decimal = fmt.separators(lang)
    compact = locale.compact_decimal_formats["short"]
    patterns = {
        form: {magnitude: _compact_pattern(pattern) for magnitude, pattern in table.items()}
        for form, table in compact.items()
    }
    return {
        "group": group,
        "decimal": decimal,
        "minus": "-",
        "words": {key: pick(lang, *pair) for key, pair in NUMBER_FORMATS.items()},
        "compact": patterns,
        # Babel's plural form of a whole number n for the count words ("1 person") and of
        # a compact number (only "one" and "other" occur in Indonesian and English): the
        # whole numbers below 100 that are "one" (in English: 1; in Indonesian: none).
        "one": [n for n in range(100) if locale.plural_form(n) == "one"],
    }


def _compact_pattern(pattern: Any) -> dict[str, Any]:
    """A compact pattern as Babel applies it: the text around the number (quotes taken
    out, as Babel does last), how many zeros it has, and whether it is the bare "0"."""
    parsed = parse_pattern(pattern)

    def unquoted(text: str) -> str:
        return re.sub(r"'([^']*)'", lambda m: m.group(1) or "'", text)

    return {
        "prefix": unquoted(parsed.prefix[0]),
        "suffix": unquoted(parsed.suffix[0]),
        "zeros": parsed.pattern.count("0"),
        "plain": parsed.pattern == "0",
    }


# --- recipes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """What a recipe reads: the years, each output's scenario and baseline series, the
    scenario's own settings (the policy start) and whether the model flags it."""

    years: np.ndarray
    s: Mapping[str, np.ndarray]
    b: Mapping[str, np.ndarray]
    params: Mapping[str, float]
    caution: bool
    lang: str
    # The scenario's appraisal (present values over the ten years from the policy start,
    # :attr:`simulator.model.Result.appraisal`): what the public-cost card shows.
    a: Mapping[str, float] = dataclasses.field(default_factory=dict)

    @classmethod
    def of(cls, result: Result, values: Mapping[str, float], caution: bool, lang: str) -> Frame:
        """The frame of a paired run (row 0 the scenario, row 1 its baseline)."""
        params, appraisal = frame_numbers(result, values)
        return cls(
            years=result.years,
            s={k: v[SCENARIO] for k, v in result.outputs.items()},
            b={k: v[BASELINE] for k, v in result.outputs.items()},
            params=params,
            caution=caution,
            lang=lang,
            a=appraisal,
        )


# The appraisal's present values a sweep carries for each grid point
# (:data:`simulator.sweeps.APPRAISED`; the period and the rate depend on no policy lever, so
# they are the frame's ``params``).
APPRAISAL_VALUES = APPRAISED


def frame_numbers(
    result: Result, values: Mapping[str, float]
) -> tuple[dict[str, float], dict[str, float]]:
    """The frame's settings (policy start, appraisal period and rate) and the scenario's
    present values, from a paired run that carries its appraisal (:func:`model.simulate_pair`)."""
    a = result.appraisal
    params = {"policy_start_year": float(values["policy_start_year"])}
    for name in ("first_year", "last_year", "discount_rate_pct"):
        params[name] = float(a[name][SCENARIO])
    return params, {name: float(a[name][SCENARIO]) for name in APPRAISAL_VALUES}


def frame_at(frame: Frame, sweep: Any, index: int) -> Frame:
    """``frame`` (the current scenario's) moved to point ``index`` of a lever's sweep, as
    view.js moves it: the years the sweep carries come from it, the rest (and the baseline,
    which no instrument moves) stay."""
    first = len(frame.years) - len(sweep.years)
    s = {}
    for name, series in frame.s.items():
        if name in sweep.outputs:
            series = np.concatenate([series[:first], sweep.outputs[name][index]])
        s[name] = series
    a = {name: float(sweep.appraisal[name][index]) for name in sweep.appraisal}
    return Frame(frame.years, s, frame.b, frame.params, bool(sweep.caution[index]), frame.lang, a)


def evaluate(expr: Expr, frame: Frame, t: int | None = None) -> Any:
    """The value of a recipe expression in ``frame`` at year index ``t`` (see RECIPE_OPS)."""
    op, *args = expr
    if op == "c":
        return args[0]
    if op == "year":
        return int(frame.years[t])
    if op in ("s", "b"):
        return float((frame.s if op == "s" else frame.b)[args[0]][t])
    if op == "param":
        return frame.params[args[0]]
    if op == "a":
        return frame.a[args[0]]
    if op == "caution":
        return frame.caution
    if op == "end":
        return evaluate(args[0], frame, len(frame.years) - 1)
    if op == "first":
        return evaluate(args[0], frame, 0)
    if op == "int":
        return int(evaluate(args[0], frame, t))
    if op == "sum":  # numpy's own sum of the years from a start year on
        start = max(0, int(evaluate(args[1], frame, t)) - int(frame.years[0]))
        terms = [evaluate(args[0], frame, i) for i in range(start, len(frame.years))]
        return float(np.asarray(terms, dtype=float).sum()) if terms else 0.0
    if op == "if":
        return evaluate(args[1] if evaluate(args[0], frame, t) else args[2], frame, t)
    if op == "and":
        return all(evaluate(a, frame, t) for a in args)
    if op == "fmt":
        return formatted(args[0], evaluate(args[1], frame, t), frame.lang)
    if op == "cat":
        return "".join(str(evaluate(a, frame, t)) for a in args)
    if op == "tpl":
        return args[0].format(**{k: evaluate(v, frame, t) for k, v in args[1].items()})
    if op == "signed":
        return str(evaluate(args[0], frame, t)).startswith(("+", "-"))
    a, b = (evaluate(x, frame, t) for x in args)
    if op == "pct":  # a change in percent of ``b`` (0 where ``b`` is 0)
        return 100.0 * a / b if b else 0.0
    return BINARY[op](a, b)


BINARY: dict[str, Callable[[Any, Any], Any]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "==": lambda a, b: a == b,
    "max": max,
}


def rows(recipe: Sequence[dict[str, Any]], frame: Frame) -> list[dict[str, Any]]:
    """A dataset recipe's rows: each block gives a row per year (``"each": "year"``) or one
    row (at the last year)."""
    out = []
    for block in recipe:
        times = range(len(frame.years)) if block["each"] == "year" else [len(frame.years) - 1]
        for t in times:
            out.append({name: evaluate(e, frame, t) for name, e in block["cols"].items()})
    return out


def outputs_read(recipe: Any) -> set[str]:
    """Every output a recipe reads (what a sweep must carry)."""
    if isinstance(recipe, dict):
        return set().union(*(outputs_read(v) for v in recipe.values())) if recipe else set()
    if isinstance(recipe, list):
        if len(recipe) == 2 and recipe[0] in ("s", "b") and isinstance(recipe[1], str):
            return {recipe[1]}
        return set().union(*(outputs_read(v) for v in recipe)) if recipe else set()
    return set()


def _s(output: str) -> Expr:
    return ["s", output]


def _b(output: str) -> Expr:
    return ["b", output]


def _diff(output: str) -> Expr:
    return ["-", _s(output), _b(output)]


def _template(key: str, lang: str) -> str:
    return tr(key, lang)


END_YEAR: Expr = ["end", ["year"]]
FIRST_YEAR: Expr = ["c", 0]  # a sum from the first year shown
POLICY_START: Expr = ["param", "policy_start_year"]


def change_text(output: str, change: Expr, pct: Expr) -> Expr:
    """:func:`simulator.charts.change_text` as an expression."""
    text = ["fmt", KIND_FORMATS[OUTPUTS[output].kind][1], change]
    if OUTPUTS[output].kind == "percent":
        return text
    return ["cat", text, ["c", " ("], ["fmt", ["percent_signed", 1], pct], ["c", ")"]]


def line_recipe(output: str, lang: str) -> dict[str, Any]:
    """The datasets of :func:`simulator.charts.line_chart` that a lever changes: the lines
    (:func:`simulator.charts.line_frame`) and the summary (its text alternative)."""
    show = KIND_FORMATS[OUTPUTS[output].kind][0]
    blocks = []
    for label_key, value in (("series_scenario", _s(output)), ("series_baseline", _b(output))):
        change = ["-", value, _b(output)]
        pct = ["pct", change, _b(output)]
        blocks.append(
            {
                "each": "year",
                "cols": {
                    "year": ["year"],
                    "series": ["c", tr(label_key, lang)],
                    "value": value,
                    "change": change,
                    "pct": pct,
                    "text": ["fmt", show, value],
                    "text_change": change_text(output, change, pct),
                },
            }
        )
    end = ["end", _diff(output)]
    alt = [
        "tpl",
        _template("chart_alt", lang),
        {
            "title": ["c", tr(OUTPUTS[output].label_key, lang)],
            "last_s": ["end", ["fmt", show, _s(output)]],
            "last_b": ["end", ["fmt", show, _b(output)]],
            "change": change_text(output, end, ["pct", end, ["end", _b(output)]]),
            "year": END_YEAR,
        },
    ]
    return {"main": blocks, charts.SUMMARY: [{"each": "end", "cols": {"text": alt}}]}


def sales_recipe(lang: str) -> dict[str, Any]:
    """The datasets of :func:`simulator.charts.sales_split_chart` that a lever changes."""
    rp = ["rp_tn", 2]
    offline = ["-", _s("sales_rp_tn"), _s("online_sales_rp_tn")]
    parts = []
    for order, (key, value) in enumerate(
        (
            ("sales_offline", offline),
            ("sales_online", _s("online_sales_rp_tn")),
            ("sales_unmet", _s("unmet_demand_rp_tn")),
        )
    ):
        parts.append(
            {
                "each": "year",
                "cols": {
                    "year": ["year"],
                    "part": ["c", tr(key, lang)],
                    "order": ["c", order],
                    "value": value,
                    "text": ["fmt", rp, value],
                },
            }
        )
    capacity = _s("capacity_rp_tn")
    alt = [
        "tpl",
        _template("alt_sales", lang),
        {
            "year": END_YEAR,
            "offline": ["end", ["fmt", rp, offline]],
            "online": ["end", ["fmt", rp, _s("online_sales_rp_tn")]],
            "capacity": ["end", ["fmt", rp, capacity]],
            "unmet": ["end", ["fmt", rp, _s("unmet_demand_rp_tn")]],
        },
    ]
    return {
        "parts": parts,
        "capacity": [
            {
                "each": "year",
                "cols": {
                    "year": ["year"],
                    "value": capacity,
                    "series": ["c", tr("capacity_line", lang)],
                    "text": ["fmt", rp, capacity],
                    "last": ["==", ["year"], END_YEAR],
                },
            }
        ],
        charts.SUMMARY: [{"each": "end", "cols": {"text": alt}}],
    }


COLOURS = {1: "normal", -1: "inverse", 0: "off"}


def card_recipe(key: str, lang: str) -> dict[str, Expr]:
    """One headline card (:func:`simulator.report.headlines`) as expressions: label, value,
    delta, its colour, whether it changed, the help text, the caption, and the total over
    the policy period (:func:`simulator.report.totals`)."""
    if key == "programme_cost_rp_tn":
        return _cost_card(lang)
    output = OUTPUTS[key]
    show, change = KIND_FORMATS[output.kind]
    s, b = ["end", _s(key)], ["end", _b(key)]
    diff = ["-", s, b]
    pct = ["pct", diff, b]
    delta = ["fmt", ["compact_signed", output.kind], diff]
    if output.kind != "percent":
        delta = ["cat", delta, ["c", " ("], ["fmt", ["percent_signed", 1], pct], ["c", ")"]]
    card = {
        "label": ["c", output.label(lang)],
        "value": ["fmt", show, s],
        "delta": delta,
        "colour": ["if", ["caution"], ["c", "off"], ["c", COLOURS[output.better]]],
        "changed": ["signed", ["fmt", change, diff]],
        "help": [
            "tpl",
            _template("m_help", lang),
            {"year": END_YEAR, "delta": ["fmt", change, diff], "baseline": ["fmt", show, b]},
        ],
        "caption": ["c", ""],
        "total": ["c", ""],
    }
    if key in TOTAL_OUTPUTS:
        card["total"] = total_recipe(key, lang)
    return card


def total_recipe(key: str, lang: str) -> Expr:
    """The change summed over the policy period, in words (:func:`simulator.report.totals`)."""
    start = ["int", ["max", POLICY_START, ["first", ["year"]]]]
    total = ["sum", _diff(key), POLICY_START]
    value = ["fmt", KIND_FORMATS[OUTPUTS[key].kind][1], total]
    if key == "jobs":
        value = ["tpl", _template("job_years", lang), {"v": value}]
    words = ["tpl", _template("m_total", lang), {"start": start, "end": END_YEAR, "value": value}]
    return ["if", [">", POLICY_START, END_YEAR], ["c", ""], words]


def _cost_card(lang: str) -> dict[str, Expr]:
    """:func:`simulator.report._cost_headline` as a recipe: present values over the ten
    years from the policy start, the ratios or a plain phrase where one would mislead."""
    cost = ["a", "pv_cost_rp_tn"]
    job_years = ["a", "pv_job_years"]
    added = ["a", "pv_value_added_rp_tn"]
    per_job = [
        "if",
        [">=", job_years, ["c", 1]],
        [
            "tpl",
            _template("m_cost_per_job", lang),
            {"value": ["fmt", ["rp_mn", 1], ["/", ["*", cost, ["c", 1e6]], job_years]]},
        ],
        ["c", tr("m_no_job_years", lang)],
    ]
    per_rupiah = [
        "if",
        [">", added, ["c", 0]],
        [
            "tpl",
            _template("m_va_per_rupiah", lang),
            {"value": ["fmt", ["number", 1], ["/", added, cost]]},
        ],
        ["c", tr("m_no_value_added", lang)],
    ]
    paid = [">", cost, ["c", 0]]
    return {
        "label": [
            "tpl",
            _template("m_cost", lang),
            {
                "first": ["int", ["param", "first_year"]],
                "last": ["int", ["param", "last_year"]],
            },
        ],
        "value": ["fmt", ["rp_tn", 2], cost],
        "delta": ["c", ""],
        "colour": ["c", "off"],
        "changed": ["c", False],
        "help": [
            "tpl",
            _template("m_cost_help", lang),
            {"rate": ["fmt", ["percent", 1], ["param", "discount_rate_pct"]]},
        ],
        "caption": ["if", paid, ["cat", per_job, ["c", "; "], per_rupiah], ["c", ""]],
        "total": ["c", ""],
    }


def cards_recipe(keys: Sequence[str], lang: str) -> list[dict[str, Any]]:
    """The cards of ``keys`` (headline outputs), in the headline's order."""
    chosen = [o.name for o in HEADLINES if not keys or o.name in keys]
    return [{"key": name, **card_recipe(name, lang)} for name in chosen]


def card_texts(card: Mapping[str, Expr], frame: Frame) -> dict[str, Any]:
    """A card recipe's texts in ``frame``."""
    return {name: evaluate(e, frame) if name != "key" else e for name, e in card.items()}


# --- the charts of the view -----------------------------------------------------------------

LINE = "line:"
SALES = "sales"


def chart_ids(outputs: Sequence[str], sales: bool) -> list[str]:
    """The view's chart ids: a line chart per output, then sales against capacity."""
    return [LINE + o for o in outputs] + ([SALES] if sales else [])


def chart_recipe(chart_id: str, lang: str) -> dict[str, Any]:
    """The datasets of a view chart that a lever changes, as recipes."""
    if chart_id == SALES:
        return sales_recipe(lang)
    return line_recipe(chart_id.removeprefix(LINE), lang)


def chart_spec(
    chart_id: str, result: Result, values: Mapping[str, float], lang: str, mode: str
) -> dict[str, Any]:
    """The server's spec of a view chart for a scenario: the page's own chart functions,
    with the text alternative in its summary data."""
    if chart_id == SALES:
        spec = charts.sales_split_chart(result, lang)
        return charts.described(spec, charts.alt_sales(result, lang))
    output = chart_id.removeprefix(LINE)
    start = figures.policy_start(values)
    spec = charts.line_chart(result, output, lang, start, mode=mode)
    return charts.described(spec, charts.chart_alt_text(result, output, lang))


def view_outputs(lang: str = "id") -> tuple[str, ...]:
    """Every output the view's cards and charts read (what a sweep carries)."""
    read = set().union(
        outputs_read(cards_recipe((), lang)),
        *(outputs_read(chart_recipe(c, lang)) for c in chart_ids(figures.RESULT_LINES, True)),
    )
    return tuple(o for o in OUTPUTS if o in read)


def records(table: Any) -> list[dict[str, Any]]:
    """A dataset as JSON-ready rows."""
    rows_ = table.to_pylist() if isinstance(table, pa.Table) else list(table)
    return [{k: _plain(v) for k, v in row.items()} for row in rows_]


def _plain(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def static_datasets(spec: Mapping[str, Any], recipe: Mapping[str, Any]) -> dict[str, list]:
    """The datasets of a spec that no lever changes (those the recipe does not make)."""
    return {name: records(t) for name, t in spec.get("datasets", {}).items() if name not in recipe}


@functools.lru_cache(maxsize=64)
def _compile(spec_json: str) -> str:
    import vl_convert

    return json.dumps(vl_convert.vegalite_to_vega(json.loads(spec_json)), separators=(",", ":"))


def compile_spec(spec: Mapping[str, Any]) -> dict[str, Any]:
    """A chart spec (its datasets left out) compiled from Vega-Lite to Vega, once per
    distinct spec; every named dataset starts empty, for the browser to fill."""
    template = {k: v for k, v in spec.items() if k != "datasets"}
    names = sorted(spec.get("datasets", {}))
    template["datasets"] = {name: [] for name in names}
    return json.loads(_compile(json.dumps(template, sort_keys=True, default=str)))


# --- what the browser view is handed ----------------------------------------------------------


def view_texts(lang: str) -> dict[str, str]:
    """The view's own words (help button, mode switch, a chart that failed) in ``lang``."""
    return {
        "help": tr("lever_help", lang, label="{label}"),
        "modes": tr("show_label", lang),
        "graphic": tr("name_chart", lang),
        "failed": tr("view_failed", lang),
    }


def view_config(
    part: str,
    lang: str,
    cards: Sequence[str],
    specs: Sequence[tuple[str, dict[str, Any]]],
    split: int,
    sentence_shown: bool,
    layout: str,
) -> dict[str, Any]:
    """What view.js draws and how, the same for every scenario of a language and layout:
    the cards ``cards`` (``split`` of them before the sentence) and the charts ``specs``
    (chart id, the server's spec), compiled, with their recipes."""
    compiled = [
        {
            "id": chart_id,
            "label": charts.label(spec),
            "spec": compile_spec(spec),
            "recipe": chart_recipe(chart_id, lang),
            "modes": charts.mode_of(spec) is not None,
            "wide": chart_id == SALES,
        }
        for chart_id, spec in specs
    ]
    return {
        "part": part,
        "lang": lang,
        "layout": layout,
        "vega": VEGA_PATH,
        "interpreter": INTERPRETER_PATH,
        "rules": format_rules(lang),
        "cards": cards_recipe(cards, lang) if cards else [],
        "split": split,
        "sentence": sentence_shown,
        "charts": compiled,
        "modes": [{"code": m, "label": tr(f"show_{m}", lang)} for m in charts.MODES]
        if specs
        else [],
        "texts": view_texts(lang),
    }


def view_state(
    result: Result,
    values: Mapping[str, float],
    table: ParameterTable,
    lang: str,
    mode: str,
    chart_ids: Sequence[str],
    *,
    live: bool = True,
    specs: Mapping[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The view's state: the scenario ``result`` of ``values`` as numbers, the sentence, the
    datasets no lever changes, and (``live``: the levers' scenario) each policy lever's
    expected sweep key and value. ``specs``: the charts' specs (:func:`chart_spec`) when the
    caller has them already."""
    outputs = view_outputs(lang)
    full = {**table.defaults, **values}
    params, appraisal = frame_numbers(result, full)
    return {
        "live": live,
        "lang": lang,
        "mode": mode,
        "years": [int(y) for y in result.years],
        "s": {o: [float(x) for x in result[o][0]] for o in outputs},
        "b": {o: [float(x) for x in result[o][1]] for o in outputs},
        "params": params,
        "a": appraisal,
        "caution": is_caution(flags(result)),
        "keys": expected_keys(full, table) if live else {},
        "values": {name: float(full[name]) for name in table.policy},
        "sentence": sentence(values, result, lang, table),
        "datasets": {
            chart_id: static_datasets(
                specs[chart_id]
                if specs is not None and chart_id in specs
                else chart_spec(chart_id, result, values, lang, charts.DEFAULT_MODE),
                chart_recipe(chart_id, lang),
            )
            for chart_id in chart_ids
        },
    }
