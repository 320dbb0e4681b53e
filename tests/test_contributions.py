"""Each instrument's share of a package's effects: Shapley values that add up to the effect."""

from __future__ import annotations

import io
import itertools
import json
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator import simulate
from simulator.contributions import CONTRIBUTION_OUTPUTS, contributions
from simulator.model import simulate_pair
from simulator.presets import load_presets
from tests.strategies import TABLE, scenarios, value_of
from tests.test_cli import run

PRESETS = load_presets()
POLICY = TABLE.policy


def _effects(values: dict) -> dict[str, float]:
    """The scenario's effects in its last year, from its own paired run (not the split's)."""
    result = simulate_pair(values, TABLE)
    return {o: float(result.effect(o)[0, -1]) for o in CONTRIBUTION_OUTPUTS}


def _assert_adds_up(values: dict) -> None:
    found = contributions(values, table=TABLE)
    effects = _effects(values)
    for output in CONTRIBUTION_OUTPUTS:
        total = float(np.sum(found.shares[output]))
        scale = max(1.0, abs(found.baseline[output]))
        assert total == pytest.approx(effects[output], abs=1e-9 * scale), output
        assert found.effect(output) == pytest.approx(effects[output], abs=1e-9 * scale), output


@pytest.mark.parametrize("name", list(PRESETS))
def test_contributions_add_up_for_every_preset(name):
    """For every preset, the instruments' contributions sum to the effect the page shows."""
    _assert_adds_up(PRESETS[name].scenario.as_dict())


def policy_scenarios() -> st.SearchStrategy[dict]:
    """Any scenario, with at least two instruments moved more often than by chance."""
    return st.tuples(scenarios(), scenarios(names=POLICY)).map(lambda p: {**p[0], **p[1]})


@given(policy_scenarios())
def test_contributions_add_up_for_any_scenario(values):
    """Over the whole parameter space, contributions add up to the scenario's effect."""
    _assert_adds_up(values)


def _brute_force(values: dict, output: str) -> dict[str, float]:
    """Shapley values by their definition: the marginal effect of each instrument averaged
    over every order of switching them on, each coalition in its own model call."""
    moved = [n for n in POLICY if n in values and values[n] != TABLE[n].value]
    memo: dict[frozenset, float] = {}

    def v(coalition: frozenset) -> float:
        if coalition not in memo:
            trial = {k: x for k, x in values.items() if k not in moved or k in coalition}
            result = simulate(trial, params=TABLE, with_regions=False)
            memo[coalition] = float(result.effect(output)[0, -1])
        return memo[coalition]

    phi = dict.fromkeys(moved, 0.0)
    orders = list(itertools.permutations(moved))
    for order in orders:
        on: frozenset = frozenset()
        for name in order:
            phi[name] += (v(on | {name}) - v(on)) / len(orders)
            on = on | {name}
    return phi


@settings(max_examples=15)
@given(scenarios(names=POLICY), st.sampled_from(["jobs", "value_added_rp_tn", "exports_usd_mn"]))
def test_contributions_are_the_shapley_values_by_definition(values, output):
    """The batched weights give the same values as averaging over all orders one run at a
    time."""
    found = contributions(values, table=TABLE, outputs=(output,))
    expected = _brute_force(values, output)
    assert list(found.instruments) == list(expected)
    scale = max(1.0, abs(found.baseline[output]))
    for name, value in zip(found.instruments, found.shares[output], strict=True):
        assert value == pytest.approx(expected[name], abs=1e-9 * scale)


@given(st.sampled_from(POLICY).flatmap(lambda n: st.tuples(st.just(n), value_of(TABLE[n]))))
def test_single_instrument_has_one_contribution_equal_to_the_effect(pair):
    """Moving one instrument gives one contribution, the scenario's whole effect."""
    name, value = pair
    values = {name: value}
    found = contributions(values, table=TABLE)
    effects = _effects(values)
    if value == TABLE[name].value:
        assert found.instruments == ()
        return
    assert found.instruments == (name,)
    assert not found.split
    for output in CONTRIBUTION_OUTPUTS:
        assert found.shares[output].shape == (1,)
        scale = max(1.0, abs(found.baseline[output]))
        assert found.shares[output][0] == pytest.approx(effects[output], abs=1e-9 * scale)
        assert found.alone[output][0] == pytest.approx(effects[output], abs=1e-9 * scale)


def test_full_package_takes_sixteen_runs_in_one_call():
    """All four instruments: 2^4 coalitions, one batched call; each instrument's value alone
    is its own single-instrument effect."""
    values = PRESETS["paket_lengkap"].scenario.as_dict()
    found = contributions(values, table=TABLE)
    assert found.runs == 16
    assert set(found.instruments) == set(POLICY)
    for i, name in enumerate(found.instruments):
        alone = {k: v for k, v in values.items() if k not in POLICY or k == name}
        assert found.alone["jobs"][i] == pytest.approx(_effects(alone)["jobs"], rel=1e-9)


def test_cli_contributions_close_the_waterfall():
    """`contributions` prints baseline, one row per instrument and the scenario, and the rows
    between close the gap from baseline to scenario; JSON carries null, not NaN."""
    status, out, err = run("contributions", "--preset", "paket_lengkap", "--output", "jobs")
    assert status == 0, err
    frame = pd.read_csv(io.StringIO(out))
    assert list(frame["item"]) == ["baseline", *POLICY, "scenario"]
    base = float(frame.loc[frame["item"] == "baseline", "value"].iloc[0])
    top = float(frame.loc[frame["item"] == "scenario", "value"].iloc[0])
    parts = frame.loc[frame["kind"] == "contribution", "value"].sum()
    assert base + parts == pytest.approx(top, rel=1e-12)
    assert frame.loc[frame["kind"] == "contribution", "share_pct"].sum() == pytest.approx(100)
    status, out, _ = run("contributions", "--set", "investment=4", "--format", "json")
    assert status == 0
    records = json.loads(out)
    assert {r["output"] for r in records} == set(CONTRIBUTION_OUTPUTS)
    assert all(r["alone"] is None for r in records if r["kind"] == "level")


def test_cli_contributions_bad_input_is_one_line():
    """An unknown output or preset is a usage error (status 2), not a traceback."""
    status, out, err = run("contributions", "--output", "happiness")
    assert status == 2
    assert out == ""
    assert "happiness" in err
    status, out, err = run("contributions", "--preset", "nope")
    assert status == 2
    assert out == ""
    assert "Traceback" not in err


def test_json_is_strict():
    """No NaN in the JSON output (json.loads with NaN refused)."""
    status, out, _ = run("contributions", "--preset", "esmart_75", "--format", "json")
    assert status == 0

    def refuse(constant: str) -> float:
        raise ValueError(constant)

    json.loads(out, parse_constant=refuse)
    assert not any(
        isinstance(v, float) and math.isnan(v) for r in json.loads(out) for v in r.values()
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_briefing_of_a_package_prints_the_waterfall_and_its_method(lang):
    """A package's PDF briefing carries the jobs waterfall's title and the method's sentence,
    on two pages; a one-instrument briefing has neither."""
    from pypdf import PdfReader

    from simulator import analysis, figures
    from simulator.files import pdf
    from simulator.i18n import tr

    def text_of(values: dict) -> tuple[str, int]:
        result = simulate_pair(values, TABLE)
        data = pdf.pdf_bytes(
            result,
            values,
            lang,
            title="Paket",
            link="https://example.org/?a=1",
            charts=figures.pdf_charts(result, values, lang),
            uncertainty=analysis.uncertainty(values, table=TABLE, draws=200),
        )
        reader = PdfReader(io.BytesIO(data))
        words = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
        return words, len(reader.pages)

    package = {**TABLE.defaults, **PRESETS["paket_lengkap"].scenario.as_dict()}
    words, pages = text_of(package)
    assert pages <= 2
    assert " ".join(tr("wf_subtitle", lang).split()) in words
    jobs = tr("out_jobs", lang)
    assert tr("wf_title", lang, what=jobs[:1].lower() + jobs[1:], year=2030) in words
    single = {**TABLE.defaults, **PRESETS["investasi_ganda"].scenario.as_dict()}
    words, _ = text_of(single)
    assert " ".join(tr("wf_subtitle", lang).split()) not in words
