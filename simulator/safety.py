"""Text a link or a visitor supplies, made safe for where it lands: the page and tables.

Three hazards, each with one function here (pure; the page and the exports call them):

- **Live links.** The page shows link-supplied text (unknown keys, bad values, saved
  scenario names) through Markdown, and GitHub-flavoured Markdown turns bare addresses
  (``https://…``, ``www.…``, ``name@host.tld``, ``mailto:…``) into clickable links.
  :func:`defang` rewrites addresses the way security advisories quote them
  (``https[:]//evil[.]example``): still readable, never a link. :func:`plain_markdown`
  also escapes every character with a Markdown or HTML meaning.
- **A flood of notices.** One link can carry hundreds of bad entries; :func:`capped` keeps a
  handful and says how many more there were.
- **Formula injection.** A spreadsheet runs a cell that begins with ``= + - @``, a tab or a
  carriage return as a formula (``=HYPERLINK(...)``). :func:`formula_safe` prefixes such
  text with a single quote, as OWASP's CSV injection guidance recommends
  (https://owasp.org/www-community/attacks/CSV_Injection); numbers are left alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

from simulator.i18n import tr

MAX_NOTICES = 5  # notices shown at once; the rest are counted in one more line

# "://" after any scheme, and the schemes that Markdown renderers and browsers link
# without slashes.
_SCHEME = re.compile(r"(?i)://|(mailto|xmpp|tel|sms|callto|javascript|data|file):")
# A host name: labels joined by dots ending in a letter label (www.evil.example,
# kemenperin-go.id.evil.example). Numbers such as 5.6 or 1.250,5 have no letter label.
_HOST = re.compile(r"(?i)(?<![\w.-])(?:[\w-]+\.)+[a-z][\w-]*")
# "www." alone (GFM links "www.x" even when what follows is not a host name).
_WWW = re.compile(r"(?i)www\.")
# An at sign inside a word: the address part of name@host.
_AT = re.compile(r"(?<=[^\s])@")

# OWASP: a cell beginning with one of these is read as a formula by spreadsheets. The
# full-width forms are included because some spreadsheets fold them to ASCII.
PLAIN_NUMBER = re.compile(r"[-+]?\d[\d.,]*(e[-+]?\d+)?")
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def defang(text: str) -> str:
    """``text`` with every address made unclickable: ``https[:]//evil[.]example``,
    ``www[.]x``, ``name[@]host[.]tld``, ``mailto[:]x``. Other text is unchanged."""
    text = str(text)
    text = _SCHEME.sub(lambda m: f"{m.group(1)}[:]" if m.group(1) else "[:]//", text)
    text = _HOST.sub(lambda m: m.group(0).replace(".", "[.]"), text)
    text = _WWW.sub(lambda m: m.group(0)[:-1] + "[.]", text)
    return _AT.sub("[@]", text)


def escape_markdown(text: str) -> str:
    """Text shown through Markdown with no character taking a Markdown or HTML meaning."""
    text = html.escape(str(text), quote=False)
    for char in "\\`*_[]#|$~:<>!(){}+-.":
        text = text.replace(char, "\\" + char)
    return text


def plain_markdown(text: str) -> str:
    """Link- or visitor-supplied text for ``st.markdown``/``st.warning``: addresses
    defanged, then every Markdown and HTML character escaped, so it shows as typed (less
    the addresses) and never as markup or a link."""
    return escape_markdown(defang(text))


def capped(texts: Sequence[str], lang: str, limit: int = MAX_NOTICES) -> list[str]:
    """At most ``limit`` texts, then one line "and N more" when there were more."""
    texts = list(texts)
    if len(texts) <= limit:
        return texts
    return [*texts[:limit], tr("notices_more", lang, n=len(texts) - limit)]


def formula_safe(value: Any) -> Any:
    """A cell value a spreadsheet will not run: text that begins, after any spaces (some
    spreadsheets trim them), with ``= + - @``, a tab or a carriage return gets a leading
    single quote; anything else is returned as is."""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def formula_safe_line(line: str, sep: str) -> str:
    """One line of free text (a CSV's ``#`` note) that a spreadsheet opening the file splits
    at ``sep`` into cells none of which runs: a double quote becomes a single one (it would
    open a quoted cell, "x"",=1+1"), a line break a space (it would start a line without the
    ``#``), and a cell that begins, after any spaces, with ``= + - @`` gets a leading single
    quote (``# Scenario: x,=HYPERLINK(...)`` -> ``# Scenario: x,'=HYPERLINK(...)``)."""
    text = re.sub(r"[\r\n]+", " ", str(line)).replace('"', "'")
    return sep.join(formula_safe(cell) for cell in text.split(sep))


def formula_safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with :func:`formula_safe` applied to every text cell and header."""
    safe = frame.rename(columns=formula_safe)
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(formula_safe)
    return safe


def is_formula_risky(value: Any) -> bool:
    """True for a cell value a spreadsheet would read as a formula (a plain signed number,
    such as -99,0 in the Indonesian file, is a number, not a formula); spaces before the
    first character are not counted."""
    if not isinstance(value, str) or not value.lstrip(" ").startswith(FORMULA_TRIGGERS):
        return False
    return not PLAIN_NUMBER.fullmatch(value.lstrip(" "))
