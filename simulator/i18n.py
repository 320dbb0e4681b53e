"""The one translation table: every string a user reads, in Indonesian and English.

The words are data, edited as tables rather than Python (a translator or the ministry's
reviewers open them in a spreadsheet or a text editor; UTF-8, a quoted cell may hold commas,
quotes and line breaks, and a text is kept exactly as written, spaces included):

* ``data/text.csv``: ``key``, ``id`` (Indonesian), ``en`` (English), ``note`` (for the
  translator: where the words appear, what a placeholder holds; not shown);
* ``data/units.csv``: the unit strings of ``data/parameters.csv`` (``unit``) as '{v}'-
  templates shown beside a value;
* ``data/number_formats.csv``: how numbers are written in each language (EYD V and BPS
  practice for Indonesian: no space after Rp or USD, none before %, "persen poin", amounts
  under a trillion in miliar), read by the formatting module.

They are read once, at import, by the one CSV reader; a file with an empty cell, a key
given twice, a malformed ``{placeholder}`` or two languages that fill different
placeholders is refused with its file, line and column. ``tr(key, lang, **values)`` looks a
key up and fills ``{placeholders}``. Indonesian is the default language.
"""

from __future__ import annotations

import string
from pathlib import Path

from simulator.datafile import DATA_DIR, DataFileError, Row, parse_rows, path_label, read_text

LANGS = ("id", "en")
DEFAULT_LANG = "id"

TEXT_CSV = DATA_DIR / "text.csv"
UNITS_CSV = DATA_DIR / "units.csv"
NUMBER_FORMATS_CSV = DATA_DIR / "number_formats.csv"


def _fields(row: Row, column: str) -> set[str]:
    """The ``{placeholder}`` names of a text; a malformed or unnamed one is refused."""
    text = row[column]
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as error:  # "{" without "}", "}" alone
        raise row.fail(f"{error} (write a brace as {{{{ or }}}})", column) from None
    unnamed = [name for name in names if not name or name.isdigit()]
    if unnamed:
        raise row.fail("a {placeholder} needs a name, as in {value}", column)
    return set(names)


def parse_words(
    text: str, key: str = "key", source: str = "text.csv"
) -> dict[str, tuple[str, str]]:
    """The (Indonesian, English) texts of CSV ``text`` by their ``key`` column; ``source``
    names the file in messages. Each key once, both texts given, both filling the same
    placeholders."""
    words: dict[str, tuple[str, str]] = {}
    lines: dict[str, int] = {}
    for row in parse_rows(text, (key, *LANGS), source, strip=False):
        name = row[key].strip()
        if not name:
            raise row.fail("empty", key)
        if name in words:
            raise row.fail(f"{name!r} is given twice (first on line {lines[name]})", key)
        for lang in LANGS:
            if not row[lang].strip():
                raise row.fail(f"no text for {name!r}", lang)
        indonesian, english = _fields(row, "id"), _fields(row, "en")
        if indonesian != english:
            only = sorted(indonesian ^ english)
            raise row.fail(
                f"{name!r}: the two languages fill different placeholders "
                f"({', '.join('{' + n + '}' for n in only)} in only one)",
                "en",
            )
        words[name] = (row["id"], row["en"])
        lines[name] = row.line
    return words


def load_words(path: str | Path, key: str = "key") -> dict[str, tuple[str, str]]:
    """The words of a translation file (see :func:`parse_words`)."""
    return parse_words(read_text(path), key, path_label(path))


# key: (Indonesian, English)
TEXT: dict[str, tuple[str, str]] = load_words(TEXT_CSV)
# How numbers are written in each language: key: (Indonesian, English) templates.
NUMBER_FORMATS: dict[str, tuple[str, str]] = load_words(NUMBER_FORMATS_CSV)
# Unit strings of data/parameters.csv, shown beside a value: (Indonesian, English) templates.
UNITS: dict[str, tuple[str, str]] = load_words(UNITS_CSV, key="unit")


def mid_sentence(text: str) -> str:
    """A label as it reads inside a sentence: its first letter in lower case, unless its
    first word is an acronym or a name in capitals ("IKM", "BPS", "KBLI 15"), which EYD V
    keeps as written ("unit usaha IKM", never "unit usaha ikm": only the first letter
    changes)."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first.isupper() or first[1:2].isupper()):
        return text
    return text[:1].lower() + text[1:]


def sentence_start(text: str) -> str:
    """Text that begins a sentence (after a full stop): its first letter in capitals (EYD V)."""
    return text[:1].upper() + text[1:]


def pick(lang: str, indonesian: str, english: str) -> str:
    """The one of two texts that is in ``lang`` (Indonesian unless English is asked for): the
    only place a language is chosen, for this table and for the data files' paired columns
    (labels, sources, notes, descriptions)."""
    return english if lang == "en" else indonesian


def _words(table: dict[str, tuple[str, str]], key: str, path: Path) -> tuple[str, str]:
    """The row ``key`` of a words table; a missing row (a damaged or cut file) is named
    with its file, as the reader names any other fault."""
    try:
        return table[key]
    except KeyError:
        raise DataFileError(f"{path_label(path)}: no row {key!r}") from None


def tr(key: str, lang: str, **values: object) -> str:
    """The text of ``key`` in ``lang`` with ``{placeholders}`` filled from ``values``."""
    text = pick(lang, *_words(TEXT, key, TEXT_CSV))
    return text.format(**values) if values else text


def form(key: str, lang: str) -> str:
    """How a kind of number is written in ``lang`` (a '{v}'-template or a symbol)."""
    return pick(lang, *_words(NUMBER_FORMATS, key, NUMBER_FORMATS_CSV))


def unit_template(unit: str, lang: str) -> str:
    """The '{v}'-template that shows a value with its unit in ``lang``."""
    return pick(lang, *_words(UNITS, unit, UNITS_CSV))
