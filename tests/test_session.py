"""The page's logic outside Streamlit: one share repair, notices, presets, comparison batch."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator import Scenario, compare, load_presets, session, simulate
from simulator.links import parse_query
from simulator.params import load_parameters
from simulator.scenario import repair_shares
from tests.strategies import TABLE

BOTH_OVER = {
    "base_share_jabar": 70.0,
    "base_share_jatim": 40.0,
    "new_units_share_jabar": 90.0,
    "new_units_share_jatim": 20.0,
    "investment": 5.6,
}


def test_one_share_repair_for_links_and_levers():
    """Shares over 100 % fall back to the baseline, both pairs, in a link and on the levers
    alike, and each side says so once per pair."""
    repaired, excesses = repair_shares(BOTH_OVER, TABLE)
    assert [e.names for e in excesses] == [
        ("base_share_jabar", "base_share_jatim"),
        ("new_units_share_jabar", "new_units_share_jatim"),
    ]
    assert excesses[0].total == pytest.approx(110.0)
    expected = {"investment": 5.6}
    assert Scenario.from_mapping(repaired, table=TABLE).as_dict() == expected
    link = parse_query({k: [str(v)] for k, v in BOTH_OVER.items()}, TABLE)
    assert link.scenario.as_dict() == expected
    assert [n.code for n in link.notices] == ["shares", "shares"]
    values, notices = session.validated({**TABLE.defaults, **BOTH_OVER}, TABLE, "id")
    assert Scenario.from_mapping(values, table=TABLE).as_dict() == expected
    assert len(notices) == 2
    assert "110,0%" in notices[0]


@given(st.floats(0, 100), st.floats(0, 100), st.sampled_from(load_parameters().share_groups))
def test_repaired_shares_always_run(a, b, group):
    """Whatever two shares a session holds, the repaired values run in the model."""
    pair = group.names
    values, _ = session.validated({**TABLE.defaults, pair[0]: a, pair[1]: b}, TABLE, "en")
    assert values[pair[0]] + values[pair[1]] <= 100 + 1e-9
    assert np.isfinite(simulate(values, params=TABLE)["production_rp_tn"]).all()


def test_policy_starting_after_the_end_year_is_said_once():
    """A policy start after the last year shown is kept and said once, by the model's flag
    (not also by the repair notices)."""
    from simulator import simulate
    from simulator.plausibility import flags

    values = {**TABLE.defaults, "policy_start_year": 2035.0, "end_year": 2030.0}
    repaired, notices = session.validated(values, TABLE, "en")
    assert notices == []
    assert repaired["policy_start_year"] == 2035.0
    found = [f.text("en") for f in flags(simulate(repaired))]
    assert len(found) == 1
    assert "2035" in found[0]
    assert "2030" in found[0]


def test_title_names_the_matching_preset_or_saved_scenario_else_a_custom_one():
    """A preset's own values are titled with its label, a saved scenario's with its name;
    anything else is a custom scenario."""
    presets = load_presets(table=TABLE)
    preset = presets["investasi_ganda"]
    values = {**TABLE.defaults, **preset.scenario.as_dict()}
    assert session.matching_preset(values, presets, TABLE) == "investasi_ganda"
    assert session.scenario_title(values, presets, TABLE, "en") == preset.label("en")
    values["online_adoption"] = 61.0
    assert session.matching_preset(values, presets, TABLE) is None
    assert session.scenario_title(values, presets, TABLE, "id") == "Skenario kustom"
    assert session.scenario_name(values, presets, TABLE, "id") is None
    saved = [
        Scenario.from_mapping({"investment": 4.0}, name="Lain", table=TABLE),
        Scenario.from_mapping(values, name="Rapat Senin", table=TABLE),
    ]
    assert session.scenario_title(values, presets, TABLE, "id", saved) == "Rapat Senin"


def test_differences_name_each_changed_parameter_in_the_language():
    """The share summary lists what differs from the baseline, formatted for the reader."""
    assert session.differences(TABLE.defaults, TABLE, "en") == "This scenario is the baseline."
    text = session.differences({**TABLE.defaults, "investment": 5.6}, TABLE, "id")
    assert (
        text == "Berbeda dari skenario dasar: Investasi bruto per tahun (skenario dasar Rp2,8 "
        "triliun) Rp5,6 triliun per tahun."
    )


def test_comparison_batch_runs_each_scenario_as_alone():
    """Row i of the batched comparison equals scenario i run alone to the same end year."""
    scenarios = [(), (("investment", 5.6),), (("online_adoption", 60.0), ("new_units", 500.0))]
    batch = compare.run_batch(scenarios, 2035, TABLE)
    for i, values in enumerate(scenarios):
        alone = simulate({**dict(values), "end_year": 2035}, params=TABLE)
        assert batch["production_rp_tn"][i] == pytest.approx(alone["production_rp_tn"][0])


def test_repeated_names_get_a_number():
    """Saved scenarios with the same name get distinct names in a comparison."""
    series = [(name, np.zeros(1)) for name in ("A", "B", "A", "A")]
    assert [n for n, _ in compare.distinct_names(series)] == ["A", "B", "A (2)", "A (3)"]


@pytest.mark.slow
def test_simulator_runs_without_streamlit():
    """Every simulator module imports in a fresh interpreter without loading Streamlit (the
    page's logic lives there so the CLI and the tests can use it without a page)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    # Every module, packages (charts/, files/, equations/) included: "simulator.charts.theme".
    modules = sorted(
        ".".join(p.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        for p in (root / "simulator").rglob("*.py")
        if p.stem != "__main__"
    )
    assert "simulator.files.pdf" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "assert 'streamlit' not in sys.modules, 'streamlit was imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
