"""The translation table as data: data/text.csv (and units.csv, number_formats.csv) read by the
one CSV reader.

A translator edits a table in a spreadsheet or a text editor: whatever a cell holds (commas,
quotes, line breaks, leading spaces, any script) comes back exactly, and a slip (a key given
twice, an empty cell, a brace left open, a placeholder only one language fills) is refused
with the file, line and column, never with a Python traceback from deep inside.
"""

from __future__ import annotations

import csv
import io
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator import i18n
from simulator.datafile import DataFileError
from simulator.i18n import parse_words

HEADER = "key,id,en,note\n"
# Text a translator may write: any printable character but a brace (placeholders are added
# separately), with the separators, quotes and line breaks a CSV must quote.
PLAIN = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="{}\x00"), max_size=40
).filter(str.strip)
NAMES = st.text(string.ascii_lowercase + "_", min_size=1, max_size=8)


def _csv(rows: list[tuple[str, ...]]) -> str:
    out = io.StringIO(newline="")
    # A spreadsheet writes lines ending in CR LF and quotes any cell with either.
    csv.writer(out, lineterminator="\r\n").writerows([("key", "id", "en", "note"), *rows])
    return out.getvalue()


def _read_or_refuse(text: str, source: str) -> tuple[dict[str, tuple[str, str]] | None, str]:
    """The words of ``text``, or None and the message it is refused with."""
    try:
        return parse_words(text, source=source), ""
    except DataFileError as error:
        return None, str(error)


@st.composite
def tables(draw: st.DrawFn) -> dict[str, tuple[str, str]]:
    """Keys with an Indonesian and an English text filling the same placeholders."""
    keys = draw(st.lists(NAMES, unique=True, min_size=1, max_size=6))
    out = {}
    for key in keys:
        fields = draw(st.lists(NAMES, unique=True, max_size=2))
        out[key] = tuple(
            draw(PLAIN) + "".join(f" {{{name}}}" for name in draw(st.permutations(fields)))
            for _ in ("id", "en")
        )
    return out


@given(tables(), st.sampled_from(["", "\ufeff"]))
def test_any_table_a_translator_writes_reads_back_exactly(words, bom):
    """Commas, quotes, line breaks, surrounding spaces and any script are kept as written,
    in file order, with or without a spreadsheet's byte-order mark."""
    text = bom + _csv([(key, *pair, "a note") for key, pair in words.items()])
    assert list(parse_words(text).items()) == list(words.items())


@given(st.text(max_size=300))
def test_malformed_text_is_refused_with_a_message_naming_the_file(text):
    """Whatever the file holds, it is read or refused as a DataFileError naming it."""
    words, refused = _read_or_refuse(text, "data/text.csv")
    assert refused.startswith("data/text.csv") if words is None else refused == ""
    for indonesian, english in (words or {}).values():
        assert indonesian.strip()
        assert english.strip()


@given(st.lists(st.text(alphabet=',"\n\r{} ab', max_size=12), min_size=4, max_size=4))
def test_a_row_of_stray_separators_quotes_and_braces_is_read_or_refused(cells):
    """A row of nothing but the characters a CSV or a template treats specially."""
    words, refused = _read_or_refuse(HEADER + ",".join(cells) + "\n", "text.csv")
    assert refused.startswith("text.csv") if words is None else refused == ""
    for pair in (words or {}).values():
        for text in pair:  # what tr() does with it: fill every placeholder it names
            assert isinstance(text.format_map(dict.fromkeys("ab", 1)), str)


@pytest.mark.parametrize(
    ("rows", "says"),
    [
        (
            "hello,Halo,Hello,\nbye,Dah,Bye,\nhello,Hai,Hi,\n",
            "line 4, column 'key': 'hello' is given twice (first on line 2)",
        ),
        ("hello,,Hello,\n", "line 2, column 'id': no text for 'hello'"),
        ("hello,Halo,  ,\n", "line 2, column 'en': no text for 'hello'"),
        (",Halo,Hello,\n", "line 2, column 'key': empty"),
        (
            "hi,Halo {name},Hello {nam},\n",
            "line 2, column 'en': 'hi': the two languages fill different placeholders "
            "({nam}, {name} in only one)",
        ),
        ("hi,Halo {name,Hello {name},\n", "line 2, column 'id': "),
        ("hi,Halo {},Hello {},\n", "line 2, column 'id': a {placeholder} needs a name"),
        ("hi,Halo,Hello,x,y\n", "line 2: wrong number of cells"),
        ('hi,"Halo,Hello\n', "line 2"),
    ],
)
def test_a_slip_is_refused_naming_file_line_and_column(rows, says):
    with pytest.raises(DataFileError) as error:
        parse_words(HEADER + rows, source="data/text.csv")
    assert str(error.value).startswith(f"data/text.csv, {says}")


def test_a_missing_column_is_named():
    with pytest.raises(DataFileError, match=r"text.csv, line 1: missing column\(s\) en"):
        parse_words("key,id\nhello,Halo\n", source="text.csv")


def test_the_project_tables_keep_line_breaks_and_spaces_and_tr_fills_them():
    """The loaded table is what tr() reads: a multi-line help text keeps its blank lines, a
    text that follows a word keeps its leading space."""
    for lang in i18n.LANGS:
        values = {"note": "N", "value": 1, "low": 0, "high": 2, "kind": "k", "source": "s"}
        assert i18n.tr("help_template", lang, **values).startswith("N\n\n")
        assert i18n.tr("s_in_region", lang, region="R").startswith(" ")


def test_a_file_that_cannot_be_read_is_named(tmp_path):
    path = tmp_path / "text.csv"
    path.write_bytes(HEADER.encode() + "hello,Halo,H\xe9llo,\n".encode("latin-1"))
    with pytest.raises(DataFileError, match=r"text\.csv: not UTF-8 text"):
        i18n.load_words(path)
