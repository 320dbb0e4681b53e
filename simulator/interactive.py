"""The interactive briefing: one HTML file whose instruments still move offline (issue 23).

After a meeting the scenario travels as a PDF (frozen) or a link (needs the hosted app). This
file is a third way: it opens in any browser from disk, with no request to any address, and
its four policy instruments still move the headline, the sentence, the model's warnings and
the charts. It holds what the PDF briefing holds (name, date, who prepared it and the notes,
the headline with changes, the warnings, the sentence, the results charts, the effect
ranges, the settings against the skenario dasar, the main assumptions, the data caveats,
the sources and the link that reopens the scenario in the app), in both languages (the
page's first, a switch for the other), for a phone and for print.

Nothing here is a second implementation of the page's view. The numbers under a moved
instrument are the page's own lever sweeps (:mod:`simulator.sweeps`: every policy lever over
its grid, the others at the scenario's values), and the file draws them with the page's own
browser code, inlined as text: ui/components/view_format.js (the Babel-identical formatter
and the recipe evaluator), view_data.js and view.js (cards and charts), the vendored Vega, and
the styles. What only the server can say (the sentence and the warnings at each grid point)
is worked out here with :func:`simulator.report.sentence` and
:func:`simulator.plausibility.flags`, gzip-compressed (about 650 sentences of a few hundred
characters each shrink to a few kB; the browser inflates them with its DecompressionStream).
Only one instrument moves at a time: a combination of two moved instruments is a point no
sweep holds, so it needs the app, and the file says so.

Text a link carries (the scenario's name, who prepared it, the notes) is escaped as plain
text, with addresses defanged as in the PDF. The file's Content-Security-Policy allows only
its own inline scripts and style, by their SHA-256 (no 'unsafe-eval': Vega's expression
interpreter is inlined), and no address at all. No Streamlit here.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import html
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator import analysis, charts, controls, figures, sweeps
from simulator import formatting as fmt
from simulator import view as vm
from simulator.analysis import Uncertainty
from simulator.files import briefing
from simulator.history import load_history
from simulator.i18n import DEFAULT_LANG, LANGS, tr
from simulator.links import TEXT_KEYS, clean_text
from simulator.model import Result, simulate, simulate_pair
from simulator.outputs import HEADLINES
from simulator.params import ParameterTable, load_parameters
from simulator.plausibility import flags
from simulator.report import later_values, sentence
from simulator.safety import defang
from simulator.scenario import format_value

ROOT = Path(__file__).resolve().parent.parent
COMPONENTS = ROOT / "ui" / "components"  # the page's browser code, inlined as it is
ASSETS = Path(__file__).resolve().parent / "assets"  # this file's own script and style
VEGA_FILE = ROOT / "static" / "vendor" / f"vega-{vm.VEGA_VERSION}" / "vega.min.js"
INTERPRETER_FILE = ROOT / vm.INTERPRETER_PATH.removeprefix("app/")
CARDS = tuple(o.name for o in HEADLINES)  # every headline card, as on the page
CHARTS = tuple(vm.chart_ids(figures.RESULT_LINES, sales=True))  # the results tab's charts
HEAD, RESULTS = "head", "results"  # the file's two views: the headline and the charts
DATA_ID = "ikm-briefing-data"
MOVED_FIELDS = ("label", "value", "saved")  # filled in the browser (view_format.js fill)
SIZE_TARGET = 2_000_000  # bytes a file may take (issue 23); tests/test_interactive.py checks
# Script text that would end or confuse an inline <script> element.
UNSAFE_IN_SCRIPT = re.compile(r"</script|<!--|<script", re.IGNORECASE)


# --- the sentence and the warnings at every grid point ---------------------------------------


def point_texts(
    values: Mapping[str, float], table: ParameterTable, langs: Sequence[str] = LANGS
) -> dict[str, dict[str, Any]]:
    """lang -> the sentence and the model's warnings at every point of every policy lever's
    grid (the sweeps' points: the lever at the point, the others at the scenario's values),
    as the page words them for that scenario: ``sentences[lever][i]``, and
    ``flags[lever][i]``, indices into ``flag_texts`` (the distinct warnings, once each)."""
    full = {**table.defaults, **{k: float(v) for k, v in values.items()}}
    grids, batch = sweeps.grid_batch(full, table, table.policy)
    result = simulate(batch, params=table, appraise=True)
    # The same points run to the model's last year: a capacity limit after the years shown.
    later = simulate(later_values(batch), params=table, with_regions=False)
    history = load_history()
    out: dict[str, dict[str, Any]] = {
        lang: {"sentences": {}, "flags": {}, "flag_texts": []} for lang in langs
    }
    known: dict[str, dict[str, int]] = {lang: {} for lang in langs}
    row = 0
    for name, grid in grids.items():
        for lang in langs:
            out[lang]["sentences"][name] = []
            out[lang]["flags"][name] = []
        for value in grid:
            pair, later_pair = result.paired(row), later.paired(row)
            found = flags(pair, later=later_pair, history=history)
            at = {**full, name: value}
            for lang in langs:
                out[lang]["sentences"][name].append(sentence(at, pair, lang, table))
                indices = []
                for text in (f.text(lang) for f in found):
                    if text not in known[lang]:
                        known[lang][text] = len(out[lang]["flag_texts"])
                        out[lang]["flag_texts"].append(text)
                    indices.append(known[lang][text])
                out[lang]["flags"][name].append(indices)
            row += 1
    return out


def packed(data: Any) -> str:
    """``data`` as JSON, gzip-compressed (the same bytes every time), in base64."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return base64.b64encode(gzip.compress(text, compresslevel=9, mtime=0)).decode("ascii")


def unpacked(text: str) -> Any:
    """What :func:`packed` packed (for tests and tools; the browser inflates it itself)."""
    return json.loads(gzip.decompress(base64.b64decode(text)))


# --- what each language says ---------------------------------------------------------------


@dataclass(frozen=True)
class Words:
    """Everything the file says about its scenario in one language, worked out once."""

    lang: str
    title: str
    kicker: str
    prepared_by: str
    notes: str
    headline: str
    sentence: str
    flags: list[str]
    ranges: briefing.Ranges
    year: int
    settings: list[briefing.Setting]
    assumptions: list[str]
    caveat: str
    sources: str


def words_of(
    result: Result,
    values: Mapping[str, float],
    lang: str,
    *,
    title: str | None,
    table: ParameterTable,
    prepared_by: str,
    notes: str,
    today: dt.date,
    found: Uncertainty,
    later: Result,
) -> Words:
    """The file's words in ``lang``: the PDF briefing's, from the same functions."""
    year = int(result.years[-1])
    by = defang(clean_text(prepared_by, TEXT_KEYS["by"]))
    note = defang(clean_text(notes, TEXT_KEYS["note"]))
    return Words(
        lang=lang,
        title=defang(briefing.scenario_title(title, lang)),
        kicker=f"{tr('pdf_title', lang)} · {tr('pdf_date', lang)} {fmt.date(today, lang)}",
        prepared_by=tr("brief_prepared", lang, name=by) if by else "",
        notes=f"{tr('brief_notes', lang)}: {note}" if note else "",
        headline=tr("headline", lang, year=year),
        sentence=sentence(values, result, lang, table),
        flags=briefing.flag_texts(result, lang, later),
        ranges=briefing.effect_ranges(found, result, lang),
        year=year,
        settings=briefing.settings(values, lang, table),
        assumptions=briefing.main_assumptions(values, lang, table),
        caveat=briefing.caveat(result, lang, table),
        sources=briefing.sources(lang),
    )


# --- the file --------------------------------------------------------------------------------


def _e(text: object) -> str:
    """Text as HTML text or an attribute value: every markup character escaped."""
    return html.escape(str(text), quote=True)


def _json_for_html(data: Any) -> str:
    """JSON that cannot end its <script> element or start markup inside it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _script(path: Path, default_name: str | None = None) -> str:
    """A browser part of the page as plain script text for one inline module: its
    ``export`` keywords dropped, its default export (an anonymous function) named."""
    text = path.read_text(encoding="utf-8")
    if default_name is not None:
        text, count = re.subn(
            r"^export default function \(", f"function {default_name}(", text, flags=re.M
        )
        if count != 1:
            raise ValueError(f"{path.name}: expected one anonymous default export")
    return re.sub(r"^export (?=(async )?function |const |let |class )", "", text, flags=re.M)


def interpreter_code() -> str:
    """Vega's expression interpreter (the vendored npm vega-interpreter, unchanged but for its
    module lines) as a classic script: its one import (three vega-util helpers) taken from the
    Vega bundle loaded before it, its export set on the window for view.js, all inside a
    function so nothing else leaks. With it Vega draws without compiling code, so the
    file's policy needs no 'unsafe-eval'."""
    text = INTERPRETER_FILE.read_text(encoding="utf-8")
    text, imports = re.subn(
        r"^import \{([^}]*)\} from 'vega-util';$", r"const {\1} = window.vega;", text, flags=re.M
    )
    text, exports = re.subn(
        r"^export \{ expression as expressionInterpreter \};$",
        "window.ikmExpressionInterpreter = expression;",
        text,
        flags=re.M,
    )
    if (imports, exports) != (1, 1):
        raise ValueError(f"{INTERPRETER_FILE.name}: expected one vega-util import and one export")
    text = re.sub(r"^//# sourceMappingURL=.*$", "", text, flags=re.M)
    return f"(() => {{\n{text}\n}})();"


def module_code() -> str:
    """The file's one module script: the page's formatter and evaluator, its view and data
    parts, then this file's own part (simulator/assets/interactive.js)."""
    return "\n".join(
        [
            _script(COMPONENTS / "view_format.js"),
            _script(COMPONENTS / "view_data.js", "ikmViewData"),
            _script(COMPONENTS / "view.js", "ikmView"),
            (ASSETS / "interactive.js").read_text(encoding="utf-8"),
        ]
    )


def style_text() -> str:
    """The file's style: the page's view and lever styles, then its own."""
    parts = [COMPONENTS / "view.css", COMPONENTS / "lever.css", ASSETS / "interactive.css"]
    return "\n".join(p.read_text(encoding="utf-8") for p in parts)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def policy(scripts: Sequence[str], style: str) -> str:
    """The Content-Security-Policy: the file's own inline scripts and style by their hash,
    and no address for anything (Vega draws on a canvas: no image either).

    No 'unsafe-eval': Vega evaluates the specs' expressions with its interpreter (inlined),
    never the ``Function`` constructor. No script but the file's own runs (no
    'unsafe-inline', every script by its hash), and nothing it could send leaves the file
    (no connect, image, frame or form address)."""
    return "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(_sha256(s) for s in scripts),
            "style-src " + _sha256(style),
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def _app_link(link: str) -> str:
    """The link when it is a web address (anything else is shown as text only)."""
    return link if re.match(r"https?://", link or "") else ""


def _per_language(
    langs: Sequence[str], render: Callable[[str], str], tag: str = "div", cls: str = ""
) -> str:
    """One block per language, all but the first hidden (the file's switch shows another)."""
    mark = f' class="{cls}"' if cls else ""
    return "".join(
        f'<{tag}{mark} data-lang="{lang}" lang="{lang}"{"" if i == 0 else " hidden"}>'
        f"{render(lang)}</{tag}>"
        for i, lang in enumerate(langs)
    )


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], bold: Sequence[bool] = ()) -> str:
    cells = "".join(f'<th scope="col">{_e(h)}</th>' for h in head)
    body = []
    for i, row in enumerate(rows):
        mark = ' class="changed"' if i < len(bold) and bold[i] else ""
        first, *rest = row
        body.append(
            f'<tr{mark}><th scope="row">{_e(first)}</th>'
            + "".join(f"<td>{_e(c)}</td>" for c in rest)
            + "</tr>"
        )
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _view_markup(part: str) -> str:
    """A place for one of the page's views (its own markup, ui/components/view.html)."""
    return (
        f'<div class="ikm-host" id="view-{part}">'
        + (COMPONENTS / "view.html").read_text(encoding="utf-8")
        + "</div>"
    )


def _body(words: Mapping[str, Words], langs: Sequence[str], link: str, footer: dict) -> str:
    first = langs[0]
    w = words

    def top(lang: str) -> str:
        x = w[lang]
        parts = [f'<p class="kicker">{_e(x.kicker)}</p>', f"<h1>{_e(x.title)}</h1>"]
        if x.prepared_by:
            parts.append(f'<p class="by">{_e(x.prepared_by)}</p>')
        if x.notes:
            parts.append(f'<p class="notes">{_e(x.notes)}</p>')
        parts.append(f'<p class="offline">{_e(tr("html_offline", lang))}</p>')
        return "".join(parts)

    def flags_list(lang: str) -> str:
        x = w[lang]
        items = "".join(f"<li>{_e(t)}</li>" for t in x.flags)
        return (
            f'<div class="flags"{"" if x.flags else " hidden"}>'
            f"<h3>{_e(tr('brief_flags', lang))}</h3><ul>{items}</ul></div>"
        )

    def said(lang: str) -> str:
        """The sentence, a note for when it cannot follow a lever, and the warnings."""
        return (
            f'<p class="sentence">{_e(w[lang].sentence)}</p>'
            '<p class="texts-saved" hidden></p>' + flags_list(lang)
        )

    def ranges(lang: str) -> str:
        r = w[lang].ranges
        rows = [[row.label, row.change, row.range(lang)] for row in r.rows]
        return (
            f"<h2>{_e(r.heading(w[lang].year))}</h2>"
            + _table(r.columns(), rows)
            + f'<p class="note">{_e(r.note())}</p>'
        )

    def settings(lang: str) -> str:
        rows = w[lang].settings
        head = [tr("brief_setting_col", lang), tr("series_scenario", lang), tr("p_baseline", lang)]
        out = f"<h2>{_e(tr('pdf_settings', lang))}</h2>" + _table(
            head, [[s.label, s.value, s.baseline] for s in rows], [s.changed for s in rows]
        )
        if not any(s.changed for s in rows):
            out += f'<p class="note">{_e(tr("pdf_no_change", lang))}</p>'
        return out

    def notes_part(lang: str) -> str:
        x = w[lang]
        out = ""
        if x.assumptions:
            items = "".join(f"<li>{_e(a)}</li>" for a in x.assumptions)
            out += f"<h2>{_e(tr('pdf_assumptions', lang))}</h2><ul>{items}</ul>"
        out += f"<h2>{_e(tr('brief_caveat_title', lang))}</h2><p>{_e(x.caveat)}</p>"
        out += f"<h2>{_e(tr('brief_sources_title', lang))}</h2><p>{_e(x.sources)}</p>"
        return out

    def link_part(lang: str) -> str:
        out = f"<h2>{_e(tr('pdf_link', lang))}</h2>"
        if _app_link(link):
            out += f'<p><a class="open" href="{_e(link)}">{_e(tr("html_open", lang))}</a></p>'
        out += f'<p class="link-text">{_e(link)}</p>'
        out += (
            f'<p class="moved-link" hidden><a href="{_e(_app_link(link))}">'
            f"{_e(tr('html_open_moved', lang))}</a></p>"
        )
        return out

    def text(key: str) -> Callable[[str], str]:
        return lambda lang: _e(tr(key, lang))

    switch = "".join(
        f'<button type="button" data-set-lang="{lang}" lang="{lang}" '
        f'aria-pressed="{"true" if lang == first else "false"}">{_e(tr(f"lang_{lang}", lang))}'
        "</button>"
        for lang in langs
    )
    switch_label = " / ".join(tr("html_lang", lang) for lang in langs)
    headline = _per_language(langs, lambda lang: _e(w[lang].headline), "span")
    noscript = _per_language(langs, text("html_noscript"), "span")
    levers = _per_language(langs, text("levers"), "span")
    results = _per_language(langs, text("tab_results"), "span")
    foot = _per_language(langs, lambda lang: _e(footer[lang]), "p")
    return f"""<div class="brief">
<header class="top">
<div class="langs" role="group" aria-label="{_e(switch_label)}">{switch}</div>
{_per_language(langs, top)}
</header>
<main class="main">
<section class="headline" aria-labelledby="headline-title">
<h2 id="headline-title">{headline}</h2>
<noscript><p class="noscript">{noscript}</p></noscript>
{_view_markup(HEAD)}
{_per_language(langs, said, cls="said")}
</section>
<section class="levers" aria-labelledby="levers-title">
<h2 id="levers-title">{levers}</h2>
{_per_language(langs, text("html_levers_intro"), "p")}
<div id="levers"></div>
<p class="status" role="status"></p>
<button type="button" class="back" hidden></button>
<div class="glance" aria-hidden="true" hidden></div>
</section>
<section class="results" aria-labelledby="results-title">
<h2 id="results-title">{results}</h2>
{_view_markup(RESULTS)}
</section>
<section class="ranges">{_per_language(langs, ranges)}</section>
<section class="settings">{_per_language(langs, settings)}</section>
<section class="about">{_per_language(langs, notes_part)}</section>
<section class="link">{_per_language(langs, link_part)}</section>
</main>
<footer class="foot">{foot}</footer>
</div>"""


def _lever_data(
    values: Mapping[str, float], table: ParameterTable, langs: Sequence[str]
) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Each policy lever's grid (the sweep's), its scenario and baseline values and the text
    a link gives each point; and, per language, its label, help and point labels."""
    common, words = [], {lang: [] for lang in langs}
    for name in table.policy:
        param = table[name]
        grid = sweeps.grid_of(name, values, table)
        common.append(
            {
                "name": name,
                "values": list(grid),
                "saved": grid.index(float(values[name])),
                "base": param.value,
                "query": [format_value(v) for v in grid],
            }
        )
        for lang in langs:
            words[lang].append(
                {
                    "label": param.label(lang),
                    "labels": [controls.value_label(param, v, lang) for v in grid],
                    "help": controls.help_text(param, lang),
                    "helpLabel": tr("lever_help", lang, label=param.label(lang)),
                    "changed": tr(
                        "changed_mark", lang, value=controls.value_label(param, param.value, lang)
                    ),
                }
            )
    return common, words


def html_bytes(
    result: Result,
    values: Mapping[str, float],
    lang: str,
    *,
    title: str | Mapping[str, str | None] | None = None,
    link: str = "",
    table: ParameterTable | None = None,
    prepared_by: str = "",
    notes: str = "",
    mode: str = charts.DEFAULT_MODE,
    today: dt.date | None = None,
    uncertainty: Uncertainty | None = None,
) -> bytes:
    """The interactive briefing of the scenario ``values`` (its paired run ``result``) as
    one self-contained HTML file, ``lang`` first and the other language a click away; the
    line charts open drawing ``mode``; ``link`` reopens the scenario in the app. ``title``:
    the scenario's name (a saved name), or its name in each language (a preset's label), or
    None (a custom scenario); ``uncertainty``: the page's analysis of the scenario, for the
    effect ranges (without it, the same :func:`simulator.analysis.uncertainty` runs here)."""
    table = table or load_parameters()
    full = {**table.defaults, **{k: float(v) for k, v in values.items()}}
    langs = (lang, *(other for other in LANGS if other != lang))
    today = today or dt.date.today()
    later = simulate_pair(later_values(full), table)
    # The effect ranges: the page's analysis of the scenario, else the same one run here
    # (once for both languages).
    found = uncertainty or analysis.uncertainty(dict(values), table=table)
    words = {
        lg: words_of(
            result,
            values,
            lg,
            title=title.get(lg) if isinstance(title, Mapping) else title,
            table=table,
            prepared_by=prepared_by,
            notes=notes,
            today=today,
            found=found,
            later=later,
        )
        for lg in langs
    }
    levers, lever_words = _lever_data(full, table, langs)
    outputs = vm.view_outputs(lang)
    found = sweeps.compute(full, outputs, table)
    chart_specs = {
        lg: [(c, vm.chart_spec(c, result, values, lg, charts.DEFAULT_MODE)) for c in CHARTS]
        for lg in langs
    }
    texts = point_texts(full, table, langs)
    data = {
        "first": lang,
        "defaultLang": DEFAULT_LANG,
        "link": _app_link(link),
        "sweeps": {
            name: base64.b64encode(sweeps.encode(s)).decode("ascii") for name, s in found.items()
        },
        "levers": levers,
        "points": packed(texts),
        "lang": {
            lg: {
                "title": f"{words[lg].title} — {tr('pdf_title', lg)}",
                # Offline, no interpreter to fetch: view.js takes the inlined one.
                HEAD: {
                    **vm.view_config(HEAD, lg, CARDS, [], len(CARDS), False, "page"),
                    "interpreter": None,
                },
                RESULTS: {
                    **vm.view_config(RESULTS, lg, (), chart_specs[lg], 0, False, "page"),
                    "interpreter": None,
                },
                "now": vm.view_state(
                    result, values, table, lg, mode, CHARTS, specs=dict(chart_specs[lg])
                ),
                "levers": lever_words[lg],
                "sentence": words[lg].sentence,
                "flags": words[lg].flags,
                "words": {
                    "moved": tr("html_moved", lg, **{k: f"{{{k}}}" for k in MOVED_FIELDS}),
                    "oneLever": tr("html_one_lever", lg, label="{label}"),
                    "back": tr("html_back", lg),
                    "textsSaved": tr("html_texts_saved", lg),
                },
            }
            for lg in langs
        },
    }
    style = style_text()
    scripts = [VEGA_FILE.read_text(encoding="utf-8"), interpreter_code(), module_code()]
    for script in scripts:
        if UNSAFE_IN_SCRIPT.search(script):
            raise ValueError("a script holds text that would end its <script> element")
    body = _body(words, langs, link, {lg: tr("footer", lg) for lg in langs})
    page = (
        "<!doctype html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(policy(scripts, style))}">\n'
        f"<title>{_e(data['lang'][lang]['title'])}</title>\n"
        f"<style>{style}</style>\n</head>\n<body>\n{body}\n"
        f'<script type="application/json" id="{DATA_ID}">{_json_for_html(data)}</script>\n'
        f"<script>{scripts[0]}</script>\n"
        f"<script>{scripts[1]}</script>\n"
        f'<script type="module">{scripts[2]}</script>\n'
        "</body>\n</html>\n"
    )
    return page.encode("utf-8")
