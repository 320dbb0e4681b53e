"""The command line: results, tables, formats and one-line errors with exit status 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    """Call the CLI in-process; return (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as stop:
            status = int(stop.code or 0)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.slow
def test_module_entry_reproduces_calibration():
    """`python -m simulator run` prints 22.98 for 2016 and the published real growth after,
    and marks which years are data."""
    completed = subprocess.run(
        [sys.executable, "-m", "simulator", "run"], capture_output=True, text=True, check=True
    )
    frame = pd.read_csv(io.StringIO(completed.stdout)).set_index("year")
    assert frame.loc[2016, "production_rp_tn"] == pytest.approx(22.98, abs=0.005)
    assert frame.loc[2017, "production_rp_tn"] == pytest.approx(22.98 * 1.0222, abs=0.005)
    assert list(frame.index) == list(range(2016, 2031))
    assert frame.loc[2023, "observed"]
    assert not frame.loc[2024, "observed"]
    assert completed.stderr == ""


def test_history_lists_published_figures_with_sources():
    """`history` prints every published row with its source, and the production levels the
    sector's real growth implies (constant 2016 rupiah)."""
    status, out, _ = run("history")
    assert status == 0
    frame = pd.read_csv(io.StringIO(out))
    assert {"year", "quantity", "value", "unit", "kind", "source_title", "source_url"} <= set(
        frame.columns
    )
    assert frame["source_url"].str.startswith("http").all()
    implied = frame[(frame["quantity"] == "production_rp_tn") & frame["derived"]]
    assert list(implied["year"]) == list(range(2017, 2024))
    assert set(frame["kind"]) == {"observed", "projection"}
    status, out, _ = run("history", "--format", "json")
    assert status == 0
    assert len(json.loads(out)) == len(frame)


def test_run_warns_on_implausible_results_and_still_succeeds():
    """Every lever at its maximum: one warning line per flagged case on stderr, exit 0."""
    status, out, err = run(
        "run",
        "--set",
        "investment=15",
        "--set",
        "new_units=20000",
        "--set",
        "end_year=2050",
    )
    assert status == 0
    assert out
    lines = err.strip().splitlines()
    assert lines
    assert all(line.startswith("warning: ") for line in lines)
    assert any("times its 2023 level" in line for line in lines)


def test_required_columns_present():
    """The yearly and regional tables carry the documented column names."""
    status, out, _ = run("run")
    assert status == 0
    columns = pd.read_csv(io.StringIO(out)).columns
    for name in (
        "year",
        "units",
        "online_units",
        "production_rp_tn",
        "sales_rp_tn",
        "online_sales_rp_tn",
        "value_added_rp_tn",
        "jobs",
        "exports_usd_mn",
        "capacity_rp_tn",
        "utilisation_pct",
    ):
        assert name in columns
    status, out, _ = run("run", "--table", "regions")
    frame = pd.read_csv(io.StringIO(out))
    assert list(frame.columns) == ["year", "region", "production_rp_tn", "jobs", "units"]
    assert set(frame["region"]) == {"jawa_barat", "jawa_timur", "lainnya"}


def test_run_gives_the_appraisal_independent_of_the_years_shown():
    """`run --table appraisal` prints the present values over the ten years from the policy
    start and the cost per net additional job-year, the same whatever the end year; a
    scenario that cuts activity leaves the ratios empty rather than negative."""
    rows = []
    for end_year in ("2028", "2030", "2050"):
        status, out, _ = run(
            "run", "--preset", "investasi_ganda", "--set", f"end_year={end_year}",
            "--table", "appraisal", "--format", "json",
        )  # fmt: skip
        assert status == 0
        rows.append(json.loads(out))
    assert rows[0] == rows[1] == rows[2]
    (row,) = rows[0]
    assert (row["first_year"], row["last_year"], row["discount_rate_pct"]) == (2027, 2036, 9.0)
    assert row["cost_per_job_year_rp_mn"] == pytest.approx(
        row["pv_cost_rp_tn"] * 1e6 / row["pv_job_years"]
    )
    _, out, _ = run("run", "--set", "investment=0", "--set", "online_adoption=90",
                    "--table", "appraisal")  # fmt: skip
    frame = pd.read_csv(io.StringIO(out))
    assert frame["pv_cost_rp_tn"].iloc[0] > 0
    assert frame["cost_per_job_year_rp_mn"].isna().all()
    assert frame["value_added_per_rupiah"].isna().all()


def test_set_and_preset_combine():
    """--set applies on top of --preset and changes the end year and the numbers."""
    _, base, _ = run("run", "--format", "json")
    status, out, _ = run(
        "run", "--preset", "investasi_ganda", "--set", "end_year=2035", "--format", "json"
    )
    assert status == 0
    rows = json.loads(out)
    assert rows[-1]["year"] == 2035
    assert rows[-5]["production_rp_tn"] > json.loads(base)[-1]["production_rp_tn"]


def test_params_table_in_both_formats():
    """`params` prints every row as CSV and as JSON."""
    status, out, _ = run("params")
    assert status == 0
    frame = pd.read_csv(io.StringIO(out))
    assert "investment" in set(frame["name"])
    status, out, _ = run("params", "--format", "json")
    assert {row["name"] for row in json.loads(out)} == set(frame["name"])


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (("run", "--set", "nope=1"), "unknown parameter 'nope'"),
        (
            ("run", "--set", "investment=abc"),
            "investment: 'abc' is not a number; allowed range [0, 15]",
        ),
        (
            ("run", "--set", "investment=99"),
            "investment: 99.0 is outside the allowed range [0, 15]",
        ),
        (("run", "--set", "online_adoption=-1"), "online_adoption"),
        (("run", "--set", "end_year=2030.5"), "end_year"),
        (("run", "--preset", "nope"), "unknown preset 'nope'"),
        (("run", "--format", "xml"), "invalid choice"),
        (("uncertainty", "--seed", "-1"), "--seed: must be a whole number >= 0"),
        (("uncertainty", "--seed", "abc"), "--seed: must be a whole number"),
        (("uncertainty", "--draws", "50001"), "--draws: must be between 1 and 50,000"),
        (("uncertainty", "--draws", "0"), "--draws: must be between 1 and 50,000"),
    ],
)
def test_bad_input_exits_2_with_one_line(argv, fragment):
    """Bad input: status 2, one line on stderr naming the problem, nothing on stdout."""
    status, out, err = run(*argv)
    assert status == 2
    assert out == ""
    assert fragment in err
    assert err.count("\n") == 1


def test_draws_cap_is_stated_in_the_help():
    """The help of `uncertainty` states the cap on draws and what it costs."""
    status, out, _ = run("uncertainty", "--help")
    assert status == 0
    assert "1 to 50,000" in " ".join(out.split())


def test_policy_after_the_end_year_warns_as_the_page_does():
    """A policy that starts after the end year runs (exit 0) with one warning line."""
    status, out, err = run("run", "--set", "policy_start_year=2050", "--set", "end_year=2020")
    assert status == 0
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("warning: The policy start year (2050) is after the last year")
    assert pd.read_csv(io.StringIO(out))["year"].iloc[-1] == 2020
    _, _, quiet = run("run", "--set", "policy_start_year=2030")
    assert quiet == ""


# Broken data files (issue 26): each loader either reads a file or names what is wrong with
# it in a DataFileError, whatever the bytes; the command line then prints one line.
DATA_FILES = ("parameters.csv", "history.csv", "uncertainty.csv", "correlations.csv", "presets.csv")


def load_data_file(name: str, path):
    """The project's loader for data file ``name``, reading ``path`` instead."""
    from simulator.analysis import load_correlations, load_ranges
    from simulator.history import load_history
    from simulator.params import load_parameters
    from simulator.presets import load_presets

    loaders = {
        "parameters.csv": load_parameters,
        "history.csv": load_history,
        "uncertainty.csv": load_ranges,
        "correlations.csv": load_correlations,
        "presets.csv": load_presets,
    }
    return loaders[name](path)


def damaged(name: str, text: str, data: bytes) -> bytes:
    """The file's own header and rows with ``text`` and ``data`` spliced in."""
    from simulator.datafile import DATA_DIR

    original = (DATA_DIR / name).read_bytes()
    header, _, rows = original.partition(b"\n")
    return header + b"\n" + text.encode("utf-8", "surrogatepass") + data + rows[: len(data) * 7]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(DATA_FILES),
    st.text(alphabet=st.sampled_from(list(',"\n\r;=ab1.-é\x00')), max_size=60),
    st.binary(max_size=60),
)
def test_a_damaged_data_file_is_read_or_named_never_a_crash(tmp_path_factory, name, text, data):
    """Any bytes in a data file (the project's header, then anything): the loader returns
    or raises DataFileError naming the file; never another exception."""
    from simulator.datafile import DataFileError

    path = tmp_path_factory.mktemp("data") / name
    path.write_bytes(damaged(name, text, data))
    try:
        load_data_file(name, path)
    except DataFileError as error:
        message = str(error)
    else:
        return  # read: the damage left a valid file
    assert name in message


def project_copy(tmp_path, name: str, damage: str):
    """The package and its data in ``tmp_path``, data file ``name`` damaged as named."""
    import shutil

    from tests.browser import ROOT

    for part in ("simulator", "data"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    path = tmp_path / "data" / name
    header = path.read_text(encoding="utf-8").splitlines()[0]
    if damage == "missing":
        path.unlink()
    elif damage == "folder":
        path.unlink()
        path.mkdir()
    elif damage == "binary":
        path.write_bytes(bytes(range(256)) * 8)
    elif damage == "header only":
        path.write_text(header + "\n", encoding="utf-8")
    elif damage == "huge field":
        path.write_text(header + '\n"' + "x" * 200_000 + '"\n', encoding="utf-8")
    elif damage == "garbage":
        path.write_text(header + "\na,b\nzz\n", encoding="utf-8")
    return tmp_path


# The command that first reads each file (the parameter file: the argument parser itself).
READER = {
    "parameters.csv": ("params",),
    "history.csv": ("history",),
    "uncertainty.csv": ("uncertainty", "--draws", "10"),
    "correlations.csv": ("uncertainty", "--draws", "10"),
    "presets.csv": ("run",),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", DATA_FILES)
@pytest.mark.parametrize(
    "damage", ["missing", "folder", "binary", "header only", "huge field", "garbage"]
)
def test_a_broken_data_file_gives_one_line_and_status_1(tmp_path, name, damage):
    """`python -m simulator`, its data file damaged: exit status 1 and one line on stderr
    naming the file, no traceback, nothing on stdout; also for `run`, which reads every
    file (the parser reads the parameter file before any command runs)."""
    root = project_copy(tmp_path, name, damage)
    # The commands run side by side (each in a fresh interpreter); all have ended before
    # the first assertion.
    started = {
        command: subprocess.Popen(
            [sys.executable, "-m", "simulator", *command],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in {READER[name], ("run",)}
    }
    ended = {}
    for command, process in started.items():
        stdout, stderr = process.communicate(timeout=120)
        ended[command] = subprocess.CompletedProcess(
            process.args, process.returncode, stdout, stderr
        )
    for command, done in ended.items():
        optional = name in ("uncertainty.csv", "correlations.csv")
        if optional and (command == ("run",) or damage == "header only"):
            # `run` needs no uncertainty ranges; a file of them with no rows is a model
            # with no uncertain assumption (or no correlation), which runs.
            assert done.returncode == 0, done.stderr
            continue
        assert done.returncode == 1, (command, done.stderr)
        lines = done.stderr.splitlines()
        assert len(lines) == 1, done.stderr
        assert lines[0].startswith(f"error: data/{name}")
        assert done.stdout == ""


# Read as the package loads (words, number formats, units, outputs, regions): any command
# meets a fault in them, a missing row when it is first used (number formats: by the
# briefing; `run` writes plain numbers).
PACKAGE_FILES = ("text.csv", "number_formats.csv", "units.csv", "outputs.csv", "regions.csv")


@pytest.mark.slow
@pytest.mark.parametrize("name", PACKAGE_FILES)
@pytest.mark.parametrize("damage", ["missing", "binary", "header only", "garbage"])
def test_a_broken_table_read_as_the_package_loads_gives_one_line_and_status_1(
    tmp_path, name, damage
):
    """`python -m simulator`, a table it reads on loading damaged: exit status 1 and one line
    on stderr that names the file (a table cut to its header is named where its first
    missing row is needed: "add ... to data/text.csv"), no traceback, nothing on stdout."""
    root = project_copy(tmp_path, name, damage)
    command = ["briefing", "--out", str(tmp_path / "b.html")]
    if name != "number_formats.csv":
        command = ["run"]
    done = subprocess.run(
        [sys.executable, "-m", "simulator", *command],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error: data/")
    assert f"data/{name}" in lines[0]
    assert done.stdout == ""


def test_replaced_preset_name_still_runs_and_says_what_changed():
    """The old 'daring_tanpa_investasi' stopped all investment; its name now runs the
    preset that replaced it, with a note on stderr naming the change and the old setting."""
    status, out, err = run("run", "--preset", "daring_tanpa_investasi", "--format", "json")
    assert status == 0
    _, same, _ = run("run", "--preset", "daring_90", "--format", "json")
    assert json.loads(out) == json.loads(same)
    assert "replaced by 'daring_90'" in err
    assert "investment=0" in err
