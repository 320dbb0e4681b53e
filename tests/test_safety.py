"""Link- and visitor-supplied text: never a live link, never a flood, never a formula."""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from simulator import compare, safety
from simulator.files import briefing, tables
from simulator.links import MAX_SAVED
from simulator.model import simulate_pair
from simulator.params import load_parameters
from simulator.report import compare_table, region_table, results_table
from tests.levers import app_test
from tests.strategies import scenarios

TABLE = load_parameters()

# What GitHub-flavoured Markdown (and so st.markdown / st.warning) turns into a link by
# itself: any scheme followed by //, www., the schemes linked without slashes, and
# name@host.tld addresses. Checked on the text as it reads once Markdown escapes are gone.
AUTOLINK = re.compile(
    r"(?i)[a-z][a-z0-9+.\-]*://|www\.|\b(?:mailto|xmpp|javascript|data|tel):"
    r"|[\w.+\-]@[\w\-]+\.[\w\-]"
)
# The hostile link of issue 13: an unknown key that reads as an announcement with an
# address, an address as a value, and a saved scenario named like a host.
ISSUE_LINK = [
    ("PENTING: situs pindah ke https://kemenperin-go.id.evil.example/login", "1"),
    ("investment", "https://evil.example/x"),
    ("view", "compare"),
    ("s", "www.evil.example|investment=5.6"),
    ("contact", "mailto:admin@evil.example"),
    ("s", "tulis ke admin@evil.example|investment=7"),
]
FORMULA_NAMES = ['=HYPERLINK("http://x","click")', "@SUM(1)", "-1+1", "+cmd|' /C calc'!A0"]

address_parts = st.sampled_from(
    [
        "https://",
        "http://",
        "HTTPS://",
        "ftp://",
        "www.",
        "WWW.",
        "mailto:",
        "javascript:",
        "@",
        ".",
        ":",
        "/",
        "evil",
        "example",
        "id",
        "go",
        "kemenperin-go",
        " ",
        "5.6",
        "[",
        "]",
    ]
)
address_like = st.lists(st.one_of(address_parts, st.text(max_size=4)), max_size=12).map("".join)


def unescaped(markdown: str) -> str:
    """What Markdown shows for text made by :func:`safety.plain_markdown` (escapes gone)."""
    return html.unescape(re.sub(r"\\(.)", r"\1", markdown))


@given(address_like)
def test_defanged_text_holds_no_address_markdown_would_link(text):
    """Whatever the text, after defang no part of it is an address Markdown links."""
    assert not AUTOLINK.search(safety.defang(text))


@given(address_like.filter(lambda t: "[" not in t))
def test_defang_only_brackets_the_separators(text):
    """Defanging keeps every character: taking out the brackets gives the text back."""
    shown = safety.defang(text)
    assert shown.replace("[:]", ":").replace("[.]", ".").replace("[@]", "@") == text


def test_defang_reads_like_an_advisory():
    """Addresses read as security advisories quote them; numbers and words stay as they are."""
    assert (
        safety.defang("situs pindah ke https://kemenperin-go.id.evil.example/login")
        == "situs pindah ke https[:]//kemenperin-go[.]id[.]evil[.]example/login"
    )
    assert safety.defang("www.evil.example") == "www[.]evil[.]example"
    assert safety.defang("mailto:a@b.c") == "mailto[:]a[@]b[.]c"
    assert safety.defang("Investasi 5.6 dan 1.250,5") == "Investasi 5.6 dan 1.250,5"


@given(address_like)
def test_plain_markdown_shows_the_defanged_text_and_nothing_else(text):
    """Every Markdown and HTML character is escaped: the page shows the defanged text."""
    markdown = safety.plain_markdown(text)
    assert unescaped(markdown) == safety.defang(text)
    assert not re.search(r"(?<!\\)[*_\[\]`#|$~<>()!]", re.sub(r"\\.", "", markdown))


@given(st.lists(st.text(max_size=10), max_size=40), st.sampled_from(["id", "en"]))
def test_notices_are_capped_with_a_count_of_the_rest(texts, lang):
    """At most a handful of notices, then one line counting the others."""
    shown = safety.capped(texts, lang)
    assert len(shown) <= safety.MAX_NOTICES + 1
    if len(texts) <= safety.MAX_NOTICES:
        assert shown == texts
    else:
        assert shown[: safety.MAX_NOTICES] == texts[: safety.MAX_NOTICES]
        assert str(len(texts) - safety.MAX_NOTICES) in shown[-1]


@given(st.one_of(st.text(), st.sampled_from(FORMULA_NAMES), st.floats(), st.integers()))
def test_formula_safe_cells_never_start_a_formula(value):
    """A risky text cell gets a leading quote; safe text and numbers are left unchanged."""
    safe = safety.formula_safe(value)
    assert not safety.is_formula_risky(safe)
    if safety.is_formula_risky(value):
        assert safe == "'" + value
    elif isinstance(value, float) and value != value:
        assert safe != safe
    else:
        assert safe == value


def risky_cells(frame: pd.DataFrame) -> list[object]:
    """Header and body cells of ``frame`` that a spreadsheet would run as a formula."""
    cells = [*frame.columns, *frame.to_numpy().ravel().tolist()]
    return [cell for cell in cells if safety.is_formula_risky(cell)]


names = st.lists(
    st.one_of(st.sampled_from(FORMULA_NAMES), st.text(min_size=1, max_size=20)),
    min_size=1,
    max_size=MAX_SAVED,
)


@given(names, st.sampled_from(["id", "en"]))
def test_compare_table_names_cannot_run_as_formulas(chosen, lang):
    """The comparison table quotes a saved name that begins with = + - @ tab or CR."""
    batch = simulate_pair({"investment": 5.6})
    rows = [*chosen, "x"][:2]
    table = compare_table(batch, rows, lang)
    assert risky_cells(table) == []
    assert table.iloc[0, 0] == safety.formula_safe(rows[0])


@given(scenarios(), st.sampled_from(["id", "en"]))
def test_page_tables_hold_no_formula(values, lang):
    """The results and region tables hold no cell a spreadsheet would run."""
    result = simulate_pair(values)
    assert risky_cells(results_table(result, lang)) == []
    assert risky_cells(region_table(result, lang)) == []


# Names an attacker puts in a link's saved scenario (issue 26: the review's two cases first),
# and any text over the characters that matter to a spreadsheet opening a CSV.
HOSTILE_NAMES = [
    'x,=HYPERLINK("https://evil.example/x")',
    'x"",=1+1',
    'a;=1+1;"=2+2"',
    " ,  @SUM(1)\r\n=cmd",
    *FORMULA_NAMES,
]
hostile_names = st.one_of(
    st.sampled_from(HOSTILE_NAMES),
    st.text(alphabet=st.sampled_from(list(",;\"'=+-@ \t\r\nxA1.|#")), max_size=30),
    st.text(max_size=30),
)


def csv_cells(data: bytes, sep: str) -> list[str]:
    """Every cell of a whole CSV file (``#`` note lines and header included) as a
    spreadsheet splits it at the file's own separator."""
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=sep)
    return [cell for row in rows for cell in row]


@settings(max_examples=60, deadline=None)
@given(hostile_names, hostile_names, st.sampled_from(["id", "en"]))
def test_every_cell_of_every_csv_line_is_formula_safe(name, other, lang):
    """The results CSV with its ``#`` note (a hostile saved name, the settings, a link
    carrying the name) and the comparison CSV, each parsed whole with its own separator:
    no cell, note lines and header included, runs as a formula; the note still reads back
    as comments, above a table of the model's years."""
    sep = ";" if lang == "id" else ","
    values = {
        **TABLE.defaults,
        "investment": 5.6,
        "new_units": 1250.0,
        "demand_growth_domestic": -2.0,
    }
    result = simulate_pair(values)
    about = briefing.about(values, lang, title=name, link=f"http://x/?s={name}", table=TABLE)
    data = tables.csv_bytes(result, lang, about)
    assert [c for c in csv_cells(data, sep) if safety.is_formula_risky(c)] == []
    text = data.decode("utf-8-sig")
    note = [line for line in text.split("\n") if line.startswith("#")]
    assert len(note) == len(about.lines())  # each note line stays one line
    frame = pd.read_csv(io.StringIO(text), sep=sep, comment="#", decimal="," if sep == ";" else ".")
    assert frame.iloc[:, 0].tolist() == result.years.tolist()
    batch = compare.run_batch(((), (("investment", 5.6),)), 2030, TABLE)
    compared = tables.compare_csv_bytes(batch, [name or "x", other or "y"], lang)
    assert [c for c in csv_cells(compared, sep) if safety.is_formula_risky(c)] == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_csv_and_workbook_hold_no_formula(lang):
    """No cell of the CSV or of any sheet is a formula or text that begins one."""
    values = {"investment": 0.0, "online_adoption": 0.0, "demand_growth_domestic": -2.0}
    result = simulate_pair(values)
    sep = ";" if lang == "id" else ","
    assert [
        c for c in csv_cells(tables.csv_bytes(result, lang), sep) if safety.is_formula_risky(c)
    ] == []
    book = openpyxl.load_workbook(io.BytesIO(tables.xlsx_bytes(result, values, lang)))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
                assert not safety.is_formula_risky(cell.value), (sheet.title, cell.coordinate)


def open_link(pairs: list[tuple[str, str]]) -> AppTest:
    """A fresh session opened with the given query pairs."""
    at = app_test()
    grouped: dict[str, list[str]] = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    for key, values in grouped.items():
        at.query_params[key] = values if len(values) > 1 else values[0]
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_link_notices_carry_no_address_and_are_capped():
    """The issue's hostile link plus 200 junk keys: a handful of notices, then a count of
    the rest, and no notice holds an address Markdown would link."""
    junk = [(f"x{i:03d}", "https://evil.example") for i in range(200)]
    at = open_link([*ISSUE_LINK, *junk])
    texts = [w.value for w in at.warning]
    assert len(texts) == safety.MAX_NOTICES + 1
    assert "pemberitahuan lain" in texts[-1]
    for text in texts:
        assert not AUTOLINK.search(unescaped(text)), text
    assert "kemenperin-go[.]id[.]evil[.]example" in " ".join(unescaped(t) for t in texts)


def test_saved_names_from_a_link_show_no_address():
    """Saved scenario names that look like addresses are listed defanged."""
    at = open_link(ISSUE_LINK)
    shown = [unescaped(m.value) for m in at.markdown]
    assert "www[.]evil[.]example" in shown
    assert "tulis ke admin[@]evil[.]example" in shown
    for text in shown:
        assert not AUTOLINK.search(text), text


def test_compare_table_on_the_page_quotes_formula_names():
    """Saved names that begin a formula reach the page's comparison table quoted."""
    at = open_link([("view", "compare"), *(("s", f"{n}|investment=5") for n in FORMULA_NAMES)])
    table = at.dataframe[0].value
    assert risky_cells(table) == []
    assert table.iloc[2, 0] == "'" + FORMULA_NAMES[0]


# Look-alikes of an address's parts (full-width, ideographic full stop) and what shows as
# blank (braille blank, Hangul fillers, zero-width characters) or is only punctuation.
FULL_WIDTH_PARTS = [
    "ｈｔｔｐｓ：／／",
    "ｗｗｗ．",
    "．",
    "。",
    "＠",
    "ｅｖｉｌ",
    "ｅｘａｍｐｌｅ",
    "ｍａｉｌｔｏ：",
]
BLANKS = ["\u2800", "\u3164", "\u115f", "\u1160", "\uffa0", "\u200b", "\u2060", " ", ".", "-", "'"]


@given(st.lists(st.one_of(address_parts, st.sampled_from(FULL_WIDTH_PARTS)), max_size=12))
def test_a_name_in_look_alike_characters_shows_no_address(parts):
    """A saved name written with full-width or ideographic look-alikes of an address is
    normalised (NFKC, and the full stops browsers read as dots) before it is defanged:
    what the page shows holds no address, neither as shown nor as a browser folding those
    forms would read it."""
    from simulator.links import clean_name

    shown = unescaped(safety.plain_markdown(clean_name("".join(parts))))
    assert not AUTOLINK.search(shown), shown
    # As a browser's address bar reads it: compatibility forms folded, and the full stops
    # IDNA takes as dots between host labels.
    folded = unicodedata.normalize("NFKC", shown).translate(str.maketrans("。．｡", "..."))
    assert not AUTOLINK.search(folded), shown


def test_the_reviews_look_alike_addresses_are_defanged():
    """The review's cases: full-width https://evil.example and www。evil。example."""
    from simulator.links import clean_name

    assert safety.defang(clean_name("https：//evil．example")) == "https[:]//evil[.]example"
    assert safety.defang(clean_name("www。evil。example")) == "www[.]evil[.]example"


@given(st.lists(st.sampled_from(BLANKS), min_size=1, max_size=20), st.sampled_from(["id", "en"]))
def test_a_saved_name_with_no_visible_letter_or_digit_is_refused(chars, lang):
    """A saved scenario whose name has no letter, digit or symbol (braille blanks, Hangul
    fillers, zero-width characters, punctuation) is not opened; the notice says why in the
    reader's language without showing the name; one visible letter or emoji more and it is
    kept."""
    from simulator.links import clean_name, decode_scenario

    name = "".join(chars)
    scenario, notices = decode_scenario(f"{name}|investment=5")
    assert scenario is None
    assert [n.code for n in notices] == ["bad_name"]
    text = notices[0].text(lang)
    assert ("visible name" if lang == "en" else "nama yang terlihat") in text
    assert "\u2800" not in text
    shoes, _ = decode_scenario(f"{name}\U0001f45e|investment=5")  # a symbol is visible
    assert shoes is not None
    kept, _ = decode_scenario(f"{name}A|investment=5")
    assert kept is not None
    assert kept.name == clean_name(f"{name}A")
    assert "A" in kept.name
    assert not set(kept.name) & {"\u2800", "\u3164", "\u115f", "\u1160", "\uffa0", "\u200b"}


def test_a_link_with_a_blank_saved_name_lists_nothing_and_says_so():
    """Through the page: the review's ten braille blanks as a saved name give no blank row
    in the saved list, and one notice in Indonesian."""
    at = open_link([("view", "compare"), ("s", "\u2800" * 10 + "|investment=5")])
    texts = [w.value for w in at.warning]
    assert any("tidak memiliki nama yang terlihat" in t for t in texts), texts
    assert not [m.value for m in at.markdown if "\u2800" in m.value]
