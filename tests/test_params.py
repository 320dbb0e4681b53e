"""The parameter table: metadata complete, and a malformed file fails with a clear message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator.params import COLUMNS, KINDS, PARAMETERS_CSV, ParameterFileError, load_parameters

TEXT = PARAMETERS_CSV.read_text(encoding="utf-8")
LEVERS = ("investment", "new_units", "online_adoption", "end_year", "sales_place_units")


def test_every_row_has_unit_source_and_value_in_range():
    """Each parameter carries a unit, a source, a known kind and min <= value <= max."""
    table = load_parameters()
    assert len(table) >= 20
    for p in table.values():
        assert p.unit.strip(), p.name
        assert p.source_en.strip(), p.name
        assert p.kind in KINDS, p.name
        assert p.min <= p.value <= p.max, p.name
        assert p.label_id.strip(), p.name
        assert p.label_en.strip(), p.name
        assert p.note_en.strip(), p.name
        assert p.note_id.strip(), p.name
        if p.kind == "assumption":
            assert "assumption" in p.source_en.lower(), f"{p.name}: say 'assumption' in source"
            assert "asumsi" in p.source_id.lower(), f"{p.name}: say 'asumsi' in source_id"


def test_levers_exist_with_issue_names():
    """The five levers carry the names the CLI and links use."""
    table = load_parameters()
    for name in LEVERS:
        assert name in table
    assert table["investment"].value == 2.8
    assert table["end_year"].value == 2030
    assert table["end_year"].max >= 2045


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "parameters.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _replace_cell(column: str, name: str, new: str) -> str:
    """The file text with one cell of one row changed."""
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(TEXT)))
    for row in rows:
        if row["name"] == name:
            row[column] = new
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _line_of(name: str) -> int:
    for number, line in enumerate(TEXT.splitlines(), start=1):
        if line.startswith(f"{name},"):
            return number
    raise AssertionError(name)


@pytest.mark.parametrize(
    ("column", "new", "fragment"),
    [
        ("value", "abc", "is not a number"),
        ("value", "99", "is outside [0, 15]"),
        ("min", "nan", "is not a finite number"),
        ("kind", "guess", "is not one of"),
        ("unit", "", "empty"),
        ("source_en", " ", "empty"),
        ("step", "0", "must be positive"),
    ],
)
def test_bad_cell_names_file_line_and_column(tmp_path, column, new, fragment):
    """A bad cell fails at load, naming the file, the line and the column."""
    path = _write(tmp_path, _replace_cell(column, "investment", new))
    with pytest.raises(ParameterFileError) as caught:
        load_parameters(path)
    message = str(caught.value)
    assert str(path) in message
    assert f"line {_line_of('investment')}" in message
    assert f"column '{column}'" in message
    assert fragment in message


@pytest.mark.parametrize(
    ("column", "new", "fragment"),
    [
        ("group", "marketing", "group 'marketing' has no words in the translation table"),
        ("unit", "pairs of shoes", "unit 'pairs of shoes' has no words in the translation table"),
        ("role", "lever", "is not one of policy, setting, view, assumption"),
    ],
)
def test_group_unit_or_role_the_page_cannot_show_is_refused(tmp_path, column, new, fragment):
    """A group or unit without translations (the page would crash) or an unknown role fails
    at load, naming file, line and column."""
    path = _write(tmp_path, _replace_cell(column, "investment", new))
    with pytest.raises(ParameterFileError) as caught:
        load_parameters(path)
    message = str(caught.value)
    assert f"line {_line_of('investment')}, column '{column}'" in message
    assert fragment in message


def test_roles_come_from_the_table():
    """The instruments are the rows with role 'policy', in file order, read here from the
    file itself; nothing else lists them (tests/test_rows_read.py checks each one acts)."""
    import csv
    import io

    table = load_parameters()
    rows = list(csv.DictReader(io.StringIO(TEXT)))
    assert table.policy == tuple(row["name"] for row in rows if row["role"] == "policy")
    assert table.policy, "no row of the table has role 'policy'"
    assert table["end_year"].role == "view"
    assert table["policy_start_year"].role == "setting"
    assert table.share_group("sales_place").names == (
        "sales_place_share_jabar",
        "sales_place_share_jatim",
    )


def test_missing_column_is_named(tmp_path):
    """A file without the 'source_en' column fails naming that column."""
    lines = TEXT.splitlines()
    header = lines[0].split(",")
    index = header.index("source_en")
    # Rebuild the file without that column via csv to keep quoting right.
    import csv
    import io

    rows = list(csv.reader(io.StringIO(TEXT)))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:index] + r[index + 1 :] for r in rows])
    path = _write(tmp_path, out.getvalue())
    with pytest.raises(ParameterFileError, match=r"line 1: missing column\(s\) source_en"):
        load_parameters(path)


def test_duplicate_name_is_refused(tmp_path):
    """A second row with an existing name fails, pointing at both lines."""
    lines = TEXT.splitlines()
    path = _write(tmp_path, "\n".join([*lines, lines[1]]) + "\n")
    with pytest.raises(
        ParameterFileError, match=r"duplicate name 'investment' \(first on line 2\)"
    ):
        load_parameters(path)


def test_short_row_is_refused(tmp_path):
    """A row with cells missing fails with its line number."""
    path = _write(tmp_path, TEXT + "broken,lever,x\n")
    with pytest.raises(ParameterFileError, match=r"line \d+: wrong number of cells"):
        load_parameters(path)


def test_shares_over_100_are_refused(tmp_path):
    """West plus East Java base shares above 100 % fail at load."""
    path = _write(tmp_path, _replace_cell("value", "base_share_jatim", "60"))
    with pytest.raises(ParameterFileError, match=re.escape("above 100 %")):
        load_parameters(path)


def test_project_files_are_read_from_memory_without_system_calls(monkeypatch):
    """Once read, the project's parameter and history files answer without resolve or stat
    (a model run reads them, and those calls cost more than its arithmetic); another file is
    still checked for edits each time."""
    from pathlib import Path

    from simulator import simulate
    from simulator.history import load_history

    load_parameters()
    load_history()
    calls = []
    original = Path.stat

    def counted(self, *args, **kwargs):
        calls.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", counted)
    simulate({"investment": 5.6})
    load_parameters()
    load_history()
    assert calls == []
