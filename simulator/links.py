"""Shareable links: the scenario, language, view and saved scenarios in a query string.

The link is the scenario. Every parameter that differs from the baseline appears under its
own name with a language-independent number (``?investment=5.6&online_adoption=50``);
defaults are left out so a short link stays short. ``lang``, ``view`` and ``show`` (what the
line charts draw: ``change``, ``percent`` or ``level``) are left out at their defaults too.
Saved scenarios for comparison travel as repeated ``s`` entries, each
``name|NAME=VALUE;NAME=VALUE``.

Parsing never raises: an unknown key is ignored, a non-number falls back to the baseline,
a value out of range to the nearest bound, a repeated key keeps its last value, and each
such repair leaves a :class:`Notice` the page shows in the reader's language. Nothing from
a link is ever rendered as HTML.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl

from simulator import formatting as fmt
from simulator.controls import shows_as_baseline
from simulator.i18n import DEFAULT_LANG, LANGS, tr
from simulator.params import ParameterTable, load_parameters
from simulator.regions import region_list
from simulator.scenario import Scenario, format_value, parse_number, repair_shares

VIEWS = ("results", "regions", "table", "compare", "analysis", "allocate", "method", "present")
DEFAULT_VIEW = "results"
# What the line charts draw (``show``): the change against the baseline, the same in percent,
# or the levels (simulator.charts.MODES; the change by default).
SHOWS = ("change", "percent", "level")
DEFAULT_SHOW = "change"
MAX_TEXT = 64  # characters of one value we read; longer is refused, not truncated
MAX_NAME = 60  # characters of a saved scenario's name
MAX_SAVED = 8  # scenarios in one comparison link
# Entries read from one link; the rest are dropped with a notice. Streamlit itself ignores
# a whole query of more than 1,000 fields or 512 Ki characters (see :func:`oversized`).
MAX_FIELDS = 1000
MAX_QUERY_CHARS = 512 * 1024
# The longest link that reaches the page: nginx and the Ingress read a request line of at
# most 64 KB (large_client_header_buffers 4 64k, deploy/) and answer 414 above it (nginx
# with a page saying so in both languages); Streamlit's server alone answers 400 near
# 100 KB. So Streamlit's 512 Ki characters are never reached, and a link the page writes
# (22 KB at most, tests/limits.py) always fits.
MAX_LINK_BYTES = 64 * 1024
SCENARIO_KEY = "s"
# Free text a link may carry for the briefing: key -> the most characters kept.
TEXT_KEYS = {"by": 60, "note": 240}


@dataclass(frozen=True)
class Notice:
    """Something a link carried that had to be repaired; worded by :meth:`text`."""

    code: str
    name: str
    value: str = ""
    low: float | None = None
    high: float | None = None
    used: float | str | None = None

    def text(self, lang: str, table: ParameterTable | None = None) -> str:
        """The notice in ``lang``, naming the parameter by its label where there is one."""
        table = table or load_parameters()
        label = table[self.name].label(lang) if self.name in table else self.name
        shown = self.value if len(self.value) <= 40 else self.value[:37] + "..."
        if self.code in ("shares", "dropped", "too_big"):
            shown = _number(float(self.value), lang)
        which = regions = ""
        if self.code == "shares":  # ``name`` is the share group's code
            which = tr(f"shares_{self.name}", lang)
            regions = region_list(table.share_group(self.name).regions, lang)
        number = _number
        if self.code == "clamped" and self.name in table:
            # The range and the value used with the parameter's unit ("Rp15 triliun per
            # tahun"), as the typed-value notice gives them.
            unit = table[self.name].unit

            def number(x: float | None, lang: str) -> str:
                return "" if x is None else fmt.param_value(float(x), unit, lang)

        return tr(
            f"link_{self.code}",
            lang,
            label=label,
            name=self.name,
            value=shown,
            low=number(self.low, lang),
            high=number(self.high, lang),
            used=number(self.used, lang) if isinstance(self.used, float) else self.used or "",
            which=which,
            regions=regions,
        )


def _number(x: float | None, lang: str) -> str:
    if x is None:
        return ""
    if float(x).is_integer() and abs(x) < 1e15:
        return fmt.number(x, lang) if abs(x) >= 10_000 else str(int(x))
    return fmt.number(x, lang, 4, optional=True)


@dataclass(frozen=True)
class LinkState:
    """What a link asks for, already repaired: values differing from the baseline, etc."""

    scenario: Scenario = field(default_factory=Scenario)
    lang: str = DEFAULT_LANG
    view: str = DEFAULT_VIEW
    saved: tuple[Scenario, ...] = ()
    notices: tuple[Notice, ...] = ()
    slide: int = 0  # in the presentation view: 0 the current scenario, k the k-th saved
    author: str = ""  # "prepared by" on the briefing
    note: str = ""  # a note on the briefing
    show: str = DEFAULT_SHOW  # what the line charts draw: change, percent or level


def _multi(
    query: Mapping[str, Iterable[str]] | Iterable[tuple[str, str]],
    known: Container[str],
) -> tuple[dict[str, list[str]], int]:
    """Normalise a mapping of lists or a list of pairs to key -> list of values.

    The first ``MAX_FIELDS`` entries are read; after them only keys in ``known`` (a few
    values each), so junk cannot push a real setting out. Also returns how many entries
    were left unread.
    """
    out: dict[str, list[str]] = {}
    items: Iterable[tuple[str, object]]
    if isinstance(query, Mapping):
        items = ((k, v) for k, vs in query.items() for v in _as_list(vs))
    else:
        items = query
    dropped = 0
    for count, (key, value) in enumerate(items):
        key = str(key)
        if count >= MAX_FIELDS and (key not in known or len(out.get(key, ())) > MAX_SAVED):
            dropped += 1
            continue
        out.setdefault(key, []).append("" if value is None else str(value))
    return out, dropped


def _as_list(values: object) -> list[object]:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        return [values]
    return list(values)


def read_value(name: str, text: str, table: ParameterTable) -> tuple[float | None, Notice | None]:
    """One parameter from link text: (value, None), (repaired value, notice) or (None, notice)."""
    param = table[name]
    if not text.strip():
        return None, Notice("empty", name)
    if len(text) > MAX_TEXT:
        return None, Notice("not_number", name, text, param.min, param.max)
    try:
        value = parse_number(text)
    except ValueError:
        return None, Notice("not_number", name, text, param.min, param.max)
    if not math.isfinite(value):
        return None, Notice("not_number", name, text, param.min, param.max)
    repaired = min(max(value, param.min), param.max)
    if param.is_integer:
        repaired = float(round(repaired))
    if repaired != value:
        return repaired, Notice("clamped", name, text, param.min, param.max, used=repaired)
    if value != param.value and shows_as_baseline(param, value):
        # e.g. attrition=1e-320: shown as "0,00%" yet marked changed; it is the baseline.
        return param.value, Notice("as_baseline", name, text, used=param.value)
    return value, None


def _read_values(
    pairs: Iterable[tuple[str, str]], table: ParameterTable, notices: list[Notice]
) -> dict[str, float]:
    """Parameter values from (name, text) pairs, with the shares checked as a whole."""
    values: dict[str, float] = {}
    for name, text in pairs:
        if name not in table:
            notices.append(Notice("unknown", name[:MAX_TEXT], text[:MAX_TEXT]))
            continue
        value, notice = read_value(name, text, table)
        if notice is not None:
            notices.append(notice)
        if value is not None:
            values[name] = value
    values, excesses = repair_shares(values, table)
    for excess in excesses:
        notices.append(Notice("shares", excess.group, format_value(excess.total)))
    return values


def parse_query(
    query: Mapping[str, Iterable[str]] | Iterable[tuple[str, str]],
    table: ParameterTable | None = None,
) -> LinkState:
    """Read a query string (as key -> values) into a repaired :class:`LinkState`.

    The parameters, language, view and saved scenarios are read wherever they stand in the
    link, so junk before them cannot push them out; notices come in order of weight: what
    was dropped, then the settings, then saved scenarios, then unknown keys.
    """
    table = table or load_parameters()
    multi, dropped = _multi(
        query, {*table, *TEXT_KEYS, "lang", "view", "slide", "show", SCENARIO_KEY}
    )
    notices: list[Notice] = []
    if dropped:
        notices.append(Notice("dropped", "", str(dropped), used=float(MAX_FIELDS)))
    setting_notices: list[Notice] = []
    saved_notices: list[Notice] = []
    unknown_notices: list[Notice] = []
    pairs: list[tuple[str, str]] = []
    lang, view, show = DEFAULT_LANG, DEFAULT_VIEW, DEFAULT_SHOW
    slide = 0
    texts = dict.fromkeys(TEXT_KEYS, "")
    saved: list[Scenario] = []
    for key, values in multi.items():
        if key == "lang":
            if values[-1] in LANGS:
                lang = values[-1]
            else:
                setting_notices.append(Notice("bad_lang", "lang", values[-1][:MAX_TEXT]))
        elif key == "view":
            if values[-1] in VIEWS:
                view = values[-1]
            else:
                setting_notices.append(Notice("bad_view", "view", values[-1][:MAX_TEXT]))
        elif key == "show":
            if values[-1] in SHOWS:
                show = values[-1]
            else:
                setting_notices.append(Notice("bad_show", "show", values[-1][:MAX_TEXT]))
        elif key == "slide":
            text = values[-1].strip()
            if text.isascii() and text.isdigit() and int(text) <= MAX_SAVED:
                slide = int(text)
            else:
                setting_notices.append(Notice("bad_slide", "slide", values[-1][:MAX_TEXT]))
        elif key in TEXT_KEYS:
            texts[key] = clean_text(values[-1], TEXT_KEYS[key])
        elif key == SCENARIO_KEY:
            for text in values:
                if len(saved) >= MAX_SAVED:
                    saved_notices.append(Notice("too_many", SCENARIO_KEY, str(MAX_SAVED)))
                    break
                scenario, problems = decode_scenario(text, table)
                saved_notices.extend(problems)
                if scenario is not None:
                    saved.append(scenario)
        elif key in table:
            if len(values) > 1:
                setting_notices.append(Notice("repeated", key, values[-1][:MAX_TEXT]))
            pairs.append((key, values[-1]))
        else:
            unknown_notices.append(Notice("unknown", key[:MAX_TEXT], values[-1][:MAX_TEXT]))
    values = _read_values(pairs, table, setting_notices)
    return LinkState(
        scenario=Scenario.from_mapping(values, table=table),
        lang=lang,
        view=view,
        saved=tuple(saved),
        notices=(*notices, *setting_notices, *saved_notices, *unknown_notices),
        slide=min(slide, len(saved)),
        author=texts["by"],
        note=texts["note"],
        show=show,
    )


def parse_oversized(
    kept: object, fields: object, chars: object, table: ParameterTable | None = None
) -> LinkState | None:
    """The valid part of a link Streamlit ignored whole, as the browser reported it: the
    entries with known keys (``kept``, a query string) read as :func:`parse_query` reads a
    link, and first a notice saying how big the link was and that the rest was left out.
    None when the report is malformed (it comes from the browser, so it is checked)."""
    if not (
        isinstance(kept, str)
        and len(kept) <= MAX_QUERY_CHARS
        and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in (fields, chars))
    ):
        return None
    state = parse_query(parse_qsl(kept, keep_blank_values=True), table)
    notice = Notice("too_big", "", str(fields), used=float(chars))
    return replace(state, notices=(notice, *state.notices))


def oversized(query_string: str) -> bool:
    """True when Streamlit would ignore this whole query string (more than 1,000 fields or
    512 Ki characters): the page then gets no parameters at all and must read the link
    itself to keep its valid part."""
    return len(query_string) > MAX_QUERY_CHARS or query_string.count("&") + 1 > MAX_FIELDS


def encode_scenario(scenario: Scenario) -> str:
    """``name|NAME=VALUE;NAME=VALUE``: one saved scenario in one query value."""
    name = clean_name(scenario.name)
    return name + "|" + ";".join(scenario.assignments())


def decode_scenario(
    text: str, table: ParameterTable | None = None
) -> tuple[Scenario | None, list[Notice]]:
    """The scenario in one ``s=`` value, repaired like a link; None when unreadable."""
    table = table or load_parameters()
    if len(text) > MAX_NAME + 2 + len(table) * (MAX_TEXT + 32) or "|" not in text:
        return None, [Notice("bad_scenario", SCENARIO_KEY, text[:MAX_TEXT])]
    name, _, body = text.rpartition("|")
    name = clean_name(name)
    if not name:  # nothing a reader could see: refused, and said so without showing it
        return None, [Notice("bad_name", SCENARIO_KEY)]
    notices: list[Notice] = []
    pairs = []
    for item in filter(None, body.split(";")):
        key, sep, value = item.partition("=")
        if not sep:
            notices.append(Notice("bad_scenario", SCENARIO_KEY, item[:MAX_TEXT]))
            continue
        pairs.append((key.strip(), value))
    values = _read_values(pairs, table, notices)
    return Scenario.from_mapping(values, name=name, table=table), notices


# Printable characters that show nothing (the Hangul fillers, the braille blank): a name
# of them reads as blank. They become spaces.
INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Full stops a browser takes as the dot between the labels of a host name (IDNA, UTS #46)
# that the compatibility form leaves as they are: "www。evil。example" is an address.
HOST_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})


def normal_form(text: str) -> str:
    """``text`` in Unicode's compatibility form (NFKC: full-width "ｈｔｔｐｓ：／／" becomes
    "https://") with every full stop a browser reads in a host name written ".", so
    :func:`simulator.safety.defang` sees an address however it was written."""
    return unicodedata.normalize("NFKC", str(text)).translate(HOST_DOTS)


def clean_name(name: str) -> str:
    """A scenario name safe to carry and show: in :func:`normal_form` (full-width
    "ｈｔｔｐｓ：／／" reads, and is defanged, as "https://"), printable, no
    separators, invisible characters as spaces, at most 60 characters; "" when nothing
    visible is left: no letter, digit or symbol (a name of braille blanks, Hangul fillers or
    punctuation alone is refused; 👞 is a symbol)."""
    text = normal_form(name)
    kept = "".join(
        " " if ch in INVISIBLE else ch for ch in text if ch.isprintable() and ch not in "|;\n\r\t"
    )
    cleaned = " ".join(kept.split())[:MAX_NAME]
    return cleaned if any(unicodedata.category(ch)[0] in "LNS" for ch in cleaned) else ""


def to_query(
    scenario: Scenario,
    *,
    lang: str = DEFAULT_LANG,
    view: str = DEFAULT_VIEW,
    saved: Iterable[Scenario] = (),
    slide: int = 0,
    author: str = "",
    note: str = "",
    show: str = DEFAULT_SHOW,
) -> list[tuple[str, str]]:
    """The query pairs of a state, defaults left out, in a stable order."""
    pairs = [(name, format_value(value)) for name, value in scenario.values]
    if lang != DEFAULT_LANG:
        pairs.append(("lang", lang))
    if view != DEFAULT_VIEW:
        pairs.append(("view", view))
    if slide:
        pairs.append(("slide", str(slide)))
    if show != DEFAULT_SHOW and show in SHOWS:
        pairs.append(("show", show))
    for key, text in (("by", author), ("note", note)):
        if clean_text(text, TEXT_KEYS[key]):
            pairs.append((key, clean_text(text, TEXT_KEYS[key])))
    pairs.extend((SCENARIO_KEY, encode_scenario(s)) for s in saved)
    return pairs


def clean_text(text: str, limit: int) -> str:
    """Free text a link carries (a name, a note): in :func:`normal_form` (so a full-width
    address is defanged like any), printable, one line, at most ``limit``."""
    text = normal_form(text)
    kept = "".join(ch if ch.isprintable() else " " for ch in text)  # a line break: a space
    return " ".join(kept.split())[:limit]


def as_multidict(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str] | str]:
    """Pairs as a dict for ``st.query_params.from_dict`` (repeated keys as lists)."""
    out: dict[str, list[str]] = {}
    for key, value in pairs:
        out.setdefault(key, []).append(value)
    return {k: v if len(v) > 1 else v[0] for k, v in out.items()}
