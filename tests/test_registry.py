"""The output registry holds: a new output is one row of data/outputs.csv and its two words.

The review behind issue 25 added an output and found it needed four code files and still did
not reach the page's table. Here a copy of the project gets one more row, a derived ratio
(the online share of sales, arithmetic on two outputs the model computes), and nothing else
but its label and column in the translation table: a fresh process then shows it in the
yearly table and its table-tab group, the CSV download, the compare table, the compare
chart's picker and its spec. Without the words, the registry is refused at load with a
message naming the keys to add. The checks of a malformed row are here too (STARS' dirty
tests): each is refused with the file, line and column.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import textwrap
from pathlib import Path

import numpy as np
import pytest

from simulator import simulate
from simulator.datafile import DataFileError
from simulator.outputs import COLUMNS, OUTPUTS_CSV, parse_outputs
from tests.project_copy import copy_project, run_in

NEW = "online_sales_share_pct"
# Between online sales (2) and value added (3) in the table; the last in the pickers.
ROW = f"{NEW},%,percent,1,1,,2.5,money,7,compare,,100 * online_sales_rp_tn / sales_rp_tn\n"
WORDS = {
    f"out_{NEW}": ("Bagian penjualan daring", "Online share of sales"),
    f"col_{NEW}": ("Bagian penjualan daring (%)", "Online share of sales (%)"),
}
SCENARIO = {"online_adoption": 80.0}
LINE = OUTPUTS_CSV.read_text(encoding="utf-8").count("\n") + 1  # the added row's line

PROBE = textwrap.dedent(
    f"""
    import json
    from simulator import charts, simulate
    from simulator.files import tables
    from simulator.outputs import COMPARE_OUTPUTS, OUTPUTS, PICKABLE, TABLE_GROUPS
    from simulator.report import compare_table, results_table

    new = {NEW!r}
    pair = simulate({SCENARIO!r}).paired()
    table = results_table(pair, "en")
    csv = tables.csv_bytes(pair, "en").decode("utf-8-sig")
    batch = simulate({{"online_adoption": [60.0, 80.0]}})
    compared = compare_table(batch, ["A", "B"], "en")
    series = [("A", batch[new][0]), ("B", batch[new][1])]
    spec = charts.compare_chart(batch.years, series, new, "en")
    print(json.dumps({{
        "value": pair[new][0].tolist(),
        "baseline": pair.baseline[new][0].tolist(),
        "table_columns": list(table.columns),
        "table_last_row": table.iloc[-1].tolist(),
        "csv_header": csv.splitlines()[0],
        "group_money": list(TABLE_GROUPS["money"]),
        "compare_columns": list(compared.columns),
        "compare_outputs": list(COMPARE_OUTPUTS),
        "pickable": list(PICKABLE),
        "picker": list(charts.PICKED),
        "chart_values": [row["value"] for row in spec["datasets"]["main"].to_pylist()],
    }}))
    """
)


def _copy(tmp_path: Path, words: bool) -> Path:
    """The project's model and data in ``tmp_path``, with the new row (and its words)."""
    copy_project(tmp_path)
    with (tmp_path / "data" / "outputs.csv").open("a", encoding="utf-8") as registry:
        registry.write(ROW)
    if words:  # two rows of the translation table, data/text.csv (key, id, en, note)
        with (tmp_path / "data" / "text.csv").open("a", encoding="utf-8", newline="") as text:
            csv.writer(text, lineterminator="\n").writerows(
                (key, indonesian, english, "") for key, (indonesian, english) in WORDS.items()
            )
    return tmp_path


def _run(copy: Path) -> subprocess.CompletedProcess[str]:
    return run_in(copy, PROBE)


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """What a fresh process of the copy with the new row and its words shows."""
    done = _run(_copy(tmp_path_factory.mktemp("registry"), words=True))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.slow
def test_a_derived_output_is_computed_from_its_formula(shown):
    """The new output is 100 x online sales / sales of the same run, scenario and baseline
    (the two outputs taken from this process, where the registry has no such row)."""
    pair = simulate(SCENARIO).paired()
    expected = 100 * pair["online_sales_rp_tn"] / pair["sales_rp_tn"]
    np.testing.assert_allclose(shown["value"], expected[0], rtol=1e-12)
    np.testing.assert_allclose(shown["baseline"], expected[1], rtol=1e-12)


@pytest.mark.slow
def test_a_new_output_reaches_the_table_and_its_group(shown):
    """Its column stands where its position puts it (after online sales), in the table tab's
    money group too; the last year's cell gives the value and its change."""
    columns = shown["table_columns"]
    assert (
        columns.index("Online share of sales (%)")
        == columns.index("Online sales (Rp trillion)") + 1
    )
    assert shown["group_money"][:3] == ["production_rp_tn", "online_sales_rp_tn", NEW]
    cell = shown["table_last_row"][columns.index("Online share of sales (%)")]
    assert cell.startswith(f"{shown['value'][-1]:.1f}")


@pytest.mark.slow
def test_a_new_output_reaches_the_csv(shown):
    """The CSV download has its scenario and baseline columns."""
    assert "Online share of sales (%) – Scenario" in shown["csv_header"]
    assert "Online share of sales (%) – Baseline" in shown["csv_header"]


@pytest.mark.slow
def test_a_new_output_reaches_the_compare_view(shown):
    """With the role "compare" it is a column of the compare table; with a pick position,
    the compare chart's picker offers it last and draws it."""
    assert shown["compare_outputs"][-1] == NEW
    assert "Online share of sales (%)" in shown["compare_columns"]
    assert shown["pickable"][-1] == NEW
    assert shown["picker"] == shown["pickable"]
    assert len(shown["chart_values"]) == 2 * len(shown["value"])


@pytest.mark.slow
def test_a_new_output_without_words_is_refused_naming_them(tmp_path):
    """Without its label and column in the translation table the copy does not start: the
    message names the file, the line, and both keys to add."""
    done = _run(_copy(tmp_path, words=False))
    assert done.returncode != 0
    assert f"data/outputs.csv, line {LINE}, column 'name'" in done.stderr
    assert f"'out_{NEW}', 'col_{NEW}'" in done.stderr
    assert "to data/text.csv" in done.stderr


def _with(**cells: str) -> str:
    """The registry's text with the new row, some of its cells changed."""
    row = dict(zip(COLUMNS, ROW.rstrip("\n").split(","), strict=True)) | cells
    return OUTPUTS_CSV.read_text(encoding="utf-8") + ",".join(row.values()) + "\n"


@pytest.mark.parametrize(
    ("cells", "says"),
    [
        ({"roles": "compare twice"}, f"line {LINE}, column 'roles': 'twice' is not one of"),
        ({"kind": "euro"}, f"line {LINE}, column 'kind': 'euro' is not one of"),
        ({"decimals": "2.5"}, f"line {LINE}, column 'decimals': 2.5 is not a whole number"),
        ({"formula": "100 * online_sales_rp_tn ** 2"}, "only numbers, output names and +"),
        ({"formula": "__import__('os').getcwd()"}, "only numbers, output names and +"),
        ({"formula": "100 * later"}, f"line {LINE}, column 'formula': 'later' is not an output"),
        ({"formula": "100 * ("}, f"line {LINE}, column 'formula': '100 * (' is not a formula"),
        ({"table_group": ""}, f"line {LINE}, column 'table': a table position needs a"),
        ({"marked": "nowhere"}, f"line {LINE}, column 'marked': 'nowhere' is not an output"),
        ({"name": "production_rp_tn"}, "'production_rp_tn' is declared twice"),
        ({"headline": "1"}, "outputs.csv: two outputs share a headline position"),
        ({}, f"line {LINE}, column 'name': output '{NEW}' has no words: add 'out_{NEW}'"),
    ],
)
def test_a_malformed_row_is_refused_with_its_place(cells, says):
    """Each malformed cell of an added row is refused, naming the line and column; a sound
    row without its words is refused by the translations check."""
    with pytest.raises(DataFileError, match=re.escape(says)):
        parse_outputs(_with(**cells), "outputs.csv")


def test_the_registry_file_loads_and_every_row_has_its_words():
    """The project's own registry passes every check (what the import does)."""
    assert parse_outputs(OUTPUTS_CSV.read_text(encoding="utf-8"))
