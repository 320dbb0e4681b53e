"""Regions are data: a region is one row of data/regions.csv and its share rows.

The review behind issue 25 added a region and found about eight files to edit (a fixed
three in the model, the chart, the notice). Here a copy of the project gets a fourth region,
Jawa Tengah, as rows only: its line in data/regions.csv (above the rest of Indonesia) and one
``<group>_share_jateng`` row of each share group in data/parameters.csv. A fresh process of
the copy then runs the model with regions, the region table, the workbook's regions sheet,
the region chart and the share notices. Without its share rows the copy is refused at load,
naming the row to add. The notice of a share group over 100 % names the group's instrument
(sales places, not "new units": the wrong notice the review found) and its regions.
"""

from __future__ import annotations

import json
import re
import subprocess
import textwrap
from pathlib import Path

import numpy as np
import pytest

from simulator import session, simulate
from simulator.datafile import DataFileError
from simulator.i18n import tr
from simulator.links import parse_query
from simulator.params import load_parameters, parse_parameters
from simulator.regions import REGIONS_CSV, load_regions, parse_regions
from tests.project_copy import ROOT, copy_project, run_in

TABLE = load_parameters()
REGION = "jawa_tengah,jateng,Jawa Tengah,Central Java\n"
BASE_JATENG = 10.0  # [%] of existing units; the rest keeps 100 - 49.62 - 32.3 - 10
SOURCE = "test row (not a published figure),baris uji (bukan angka resmi),,"
SHARE_ROWS = (
    f"base_share_jateng,regions,assumption,Sebaran unit di Jawa Tengah,Share of units in "
    f"Central Java,{BASE_JATENG},%,0,100,0.01,assumption,{SOURCE}\n"
    "new_units_share_jateng,regions,setting,Unit baru di Jawa Tengah,New units opened in "
    f"Central Java,0,%,0,100,0.01,assumption,{SOURCE}\n"
    "sales_place_share_jateng,regions,setting,Tempat berjualan di Jawa Tengah,Sales places in "
    f"Central Java,0,%,0,100,0.01,assumption,{SOURCE}\n"
)
# Every programme unit opens in Central Java.
SCENARIO = {
    "new_units": 2000.0,
    "new_units_share_jabar": 0.0,
    "new_units_share_jatim": 0.0,
    "new_units_share_jateng": 100.0,
}

PROBE = textwrap.dedent(
    f"""
    import io, json
    from openpyxl import load_workbook
    from simulator import charts, load_parameters, session, simulate
    from simulator.files import tables as exports
    from simulator.i18n import tr
    from simulator.links import parse_query
    from simulator.model import REGIONS
    from simulator.report import region_table

    table = load_parameters()
    pair = simulate({SCENARIO!r}).paired()
    tidy = pair.region_table()
    book = load_workbook(io.BytesIO(exports.xlsx_bytes(pair, {SCENARIO!r}, "id", table)))
    sheet = book[tr("sheet_regions", "id")[:31]]
    header = [c.value for c in sheet[1]]
    spec = charts.region_chart(pair, "units", "en")
    main = spec["datasets"]["main"].to_pylist()
    over = {{**table.defaults, "sales_place_share_jateng": 50.0}}
    link = parse_query({{"sales_place_share_jatim": ["50"]}}, table)
    print(json.dumps({{
        "regions": list(REGIONS),
        "groups": {{g.code: list(g.names) for g in table.share_groups}},
        "production": pair.regions["production_rp_tn"].tolist(),
        "units": pair.regions["units"].tolist(),
        "totals": {{k: pair[k].tolist() for k in ("production_rp_tn", "jobs", "units")}},
        "region_sums": {{k: pair.regions[k].sum(axis=1).tolist()
                         for k in ("production_rp_tn", "jobs", "units")}},
        "tidy_regions": tidy["region"].tolist()[:5],
        "tidy_rows": len(tidy),
        "table_regions": region_table(pair, "id")[tr("col_region", "id")].tolist(),
        "sheet_regions": [row[header.index(tr("col_region", "id"))]
                          for row in sheet.iter_rows(min_row=2, values_only=True)],
        "chart_regions": [row["region"] for row in main],
        "chart_series": [row["series"] for row in main],
        "chart_values": [row["value"] for row in main],
        "alt": charts.alt_region(pair, "units", "en"),
        "notice_en": session.validated(over, table, "en")[1],
        "notice_id": session.validated(over, table, "id")[1],
        "link_scenario": link.scenario.as_dict(),
        "link_notices": [n.text("en", table) for n in link.notices],
    }}))
    """
)


def _copy(tmp_path: Path, share_rows: bool) -> Path:
    """The project's model and data in ``tmp_path`` with Jawa Tengah (and its share rows)."""
    copy_project(tmp_path)
    regions = tmp_path / "data" / "regions.csv"
    lines = regions.read_text(encoding="utf-8").splitlines(keepends=True)
    regions.write_text("".join([*lines[:-1], REGION, lines[-1]]), encoding="utf-8")
    if share_rows:
        with (tmp_path / "data" / "parameters.csv").open("a", encoding="utf-8") as params:
            params.write(SHARE_ROWS)
    return tmp_path


def _run(copy: Path) -> subprocess.CompletedProcess[str]:
    return run_in(copy, PROBE)


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """What a fresh process of the copy with Jawa Tengah shows."""
    done = _run(_copy(tmp_path_factory.mktemp("regions"), share_rows=True))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.slow
def test_a_fourth_region_is_rows_only(shown):
    """The copy's model has four regions, the new one before the rest, and each share group
    has its row for it."""
    assert shown["regions"] == ["jawa_barat", "jawa_timur", "jawa_tengah", "lainnya"]
    for code in ("base", "new_units", "sales_place"):
        assert shown["groups"][code] == [f"{code}_share_{s}" for s in ("jabar", "jatim", "jateng")]


@pytest.mark.slow
def test_the_regions_add_up_and_split_by_their_shares(shown):
    """Each regional output sums over the four regions to the national total; in the first
    (observed) year, before any policy, production splits by the existing units' shares, the
    rest taking what the three named regions leave."""
    for name, total in shown["totals"].items():
        np.testing.assert_allclose(shown["region_sums"][name], total, rtol=1e-9)
    production = np.array(shown["production"])  # (2, 4, years)
    base = TABLE["base_share_jabar"].value, TABLE["base_share_jatim"].value, BASE_JATENG
    expected = [*base, 100.0 - sum(base)]
    np.testing.assert_allclose(
        100 * production[1, :, 0] / production[1, :, 0].sum(), expected, rtol=1e-9
    )


@pytest.mark.slow
def test_programme_units_open_in_the_new_region(shown):
    """With every programme unit opening in Central Java, its units change by the whole
    national change (run here, in a project that has no such region) and no other region's
    units change."""
    units = np.array(shown["units"])
    change = units[0, :, -1] - units[1, :, -1]
    national = simulate({"new_units": SCENARIO["new_units"]}).paired().effect("units")[0, -1]
    assert national > 0
    np.testing.assert_allclose(change, [0.0, 0.0, national, 0.0], atol=1e-6)


@pytest.mark.slow
def test_the_table_workbook_and_chart_name_the_new_region(shown):
    """The region table, the workbook's regions sheet (a row per region and year) and the
    region chart (scenario and baseline bars per region) show four regions in file order,
    and the chart's text alternative names the new one with its number."""
    named = ["Jawa Barat", "Jawa Timur", "Jawa Tengah", "Provinsi lainnya"]
    assert shown["table_regions"] == named
    assert shown["tidy_regions"] == [*shown["regions"], shown["regions"][0]]
    assert shown["tidy_rows"] == 2 * 4 * len(shown["totals"]["units"][0])
    assert shown["sheet_regions"] == named * len(shown["totals"]["units"][0])
    english = ["West Java", "East Java", "Central Java", "Other provinces"]
    assert shown["chart_regions"] == english * 2
    scenario, baseline = tr("series_scenario", "en"), tr("series_baseline", "en")
    assert shown["chart_series"] == [scenario] * 4 + [baseline] * 4
    units = np.array(shown["units"])
    np.testing.assert_allclose(shown["chart_values"], [*units[0, :, -1], *units[1, :, -1]])
    assert "Central Java" in shown["alt"]


@pytest.mark.slow
def test_the_new_regions_notice_names_the_group_and_all_its_regions(shown):
    """Sales places over 100 % with the new region's share: the notice names sales places and
    the three named regions, in both languages."""
    (english,) = shown["notice_en"]
    assert english.startswith(
        "The West Java, East Java, and Central Java shares (sales places) add up to 150.0%"
    )
    (indonesian,) = shown["notice_id"]
    assert indonesian.startswith(
        "Persentase Jawa Barat, Jawa Timur, dan Jawa Tengah (tempat berjualan) berjumlah 150,0%"
    )


@pytest.mark.slow
def test_an_existing_share_link_opens_as_before_in_the_copy(shown):
    """``sales_place_share_jatim=50`` (with West Java's 100 %) is over 100 % there too: the
    sales places go back to the baseline and the notice says so."""
    assert shown["link_scenario"] == {}
    (text,) = shown["link_notices"]
    assert "(sales places)" in text
    assert "150%" in text


@pytest.mark.slow
def test_a_region_without_its_share_rows_is_refused_naming_them(tmp_path):
    """Jawa Tengah in data/regions.csv but no share rows: the copy does not start, and the
    message names the parameter file, the share group and the row to add."""
    done = _run(_copy(tmp_path, share_rows=False))
    assert done.returncode != 0
    assert "data/parameters.csv, line" in done.stderr
    assert "share group 'base' has no row base_share_jateng" in done.stderr


# --- The notice on the project itself ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("sales_place_share_jatim", "sales_place"),
        ("new_units_share_jatim", "new_units"),
        ("base_share_jatim", "base"),
    ],
)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_share_notice_names_the_right_instrument(name, group, lang):
    """A share group over 100 % is named by its own words, on the page's notice and on the
    link's, and never by another group's (the review's "new units" said of sales places)."""
    over = {**TABLE.defaults, name: 100.0}  # West Java keeps its baseline share, above 0
    _, notices = session.validated(over, TABLE, lang)
    link = parse_query({name: ["100"]}, TABLE)
    texts = [*notices, *(n.text(lang, TABLE) for n in link.notices)]
    assert len(texts) == 2
    others = [g.code for g in TABLE.share_groups if g.code != group]
    for text in texts:
        assert f"({tr(f'shares_{group}', lang)})" in text
        for other in others:
            assert f"({tr(f'shares_{other}', lang)})" not in text


def test_the_review_case_says_sales_places():
    """With ``sales_place_share_jatim=50`` the page said "The West and East Java shares (new
    units) add up to 150.0%"; it now names sales places."""
    _, (text,) = session.validated({**TABLE.defaults, "sales_place_share_jatim": 50.0}, TABLE, "en")
    assert text.startswith("The West Java and East Java shares (sales places) add up to 150.0%")


# --- data/regions.csv's own checks ------------------------------------------------------

HEADER = "code,share_suffix,label_id,label_en\n"


@pytest.mark.parametrize(
    ("rows", "says"),
    [
        ("a,x,A,A\nb,y,B,B\n", "line 3, column 'share_suffix': the last region is the rest"),
        ("a,,A,A\nb,,B,B\n", "line 2, column 'share_suffix': only the last region"),
        ("a,x,A,A\na,y,B,B\nr,,R,R\n", "line 3, column 'code': duplicate 'a'"),
        ("a,x,A,A\nb,x,B,B\nr,,R,R\n", "line 3, column 'share_suffix': duplicate 'x'"),
        ("a b,x,A,A\nr,,R,R\n", "line 2, column 'code': 'a b' is not a valid name"),
        ("a,x,,A\nr,,R,R\n", "line 2, column 'label_id': empty"),
        ("r,,R,R\n", "at least one named region and the rest"),
    ],
)
def test_a_malformed_regions_file_is_refused_with_its_place(rows, says):
    """Each malformed row is refused naming the line and column."""
    with pytest.raises(DataFileError, match=re.escape(says)):
        parse_regions(HEADER + rows, "regions.csv")


def test_the_project_regions_load_the_rest_last():
    """The project's own file passes the checks; the rest of Indonesia is last."""
    regions = parse_regions(REGIONS_CSV.read_text(encoding="utf-8"))
    assert regions == load_regions()
    assert regions[-1].share_suffix == ""
    assert all(r.share_suffix for r in regions[:-1])


# --- Share groups declared by the parameter table's names -------------------------------

PARAMETERS = (ROOT / "data" / "parameters.csv").read_text(encoding="utf-8")
LINE = PARAMETERS.count("\n") + 1  # the first added row's line


def _share_row(name: str, value: str = "0", unit: str = "%") -> str:
    return f"{name},regions,setting,Uji,Test,{value},{unit},0,100,0.01,assumption,{SOURCE}\n"


@pytest.mark.parametrize(
    ("rows", "says"),
    [
        (
            _share_row("market_share_jabar"),
            f"line {LINE}, column 'name': share group 'market' has no row market_share_jatim",
        ),
        (
            _share_row("market_share_jabar") + _share_row("market_share_jatim"),
            f"line {LINE}, column 'name': share group 'market' has no words in the "
            "translation table (add 'shares_market'",
        ),
    ],
)
def test_a_malformed_share_group_is_refused_with_its_place(rows, says):
    """A share row whose group misses a region, or whose group has no words, is refused at
    load naming the line, the column and what to add."""
    with pytest.raises(DataFileError, match=re.escape(says)):
        parse_parameters(PARAMETERS + rows, "parameters.csv")


def test_a_share_row_not_in_percent_is_refused():
    """The regions' shares are percentages: another unit is refused naming the row."""
    lines = PARAMETERS.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("sales_place_share_jatim,"))
    cells = lines[at].split(",")
    assert cells[6] == "%"
    cells[6] = "Rp trillion per year"
    lines[at] = ",".join(cells)
    with pytest.raises(DataFileError, match=re.escape(f"line {at + 1}, column 'unit'")):
        parse_parameters("".join(lines), "parameters.csv")
