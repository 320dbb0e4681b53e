"""The scenario a page holds, in words: what the model can run, which preset it is, how it
differs from the baseline.

The page's levers can hold values that are each in range but not acceptable together (the
regions' shares of one group over 100 %, a policy that starts after the end year). :func:`validated`
repairs them with the same rule as a link (:func:`simulator.scenario.repair_shares`) and says
what it did, so the page shows a notice instead of a traceback. No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from simulator import formatting as fmt
from simulator.controls import value_label
from simulator.files import briefing
from simulator.i18n import tr
from simulator.params import ParameterTable
from simulator.presets import Preset
from simulator.regions import region_list
from simulator.scenario import Scenario, repair_shares


def validated(
    values: Mapping[str, float], table: ParameterTable, lang: str
) -> tuple[dict[str, float], list[str]]:
    """The values the model can run, and a notice in ``lang`` for each repair: shares over
    100 % go back to the baseline. (A policy start after the last year shown is kept and
    flagged with the model's other flags, simulator/plausibility.py.)"""
    repaired, excesses = repair_shares(values, table)
    notices = []
    for excess in excesses:
        notices.append(
            tr(
                "err_shares",
                lang,
                which=tr(f"shares_{excess.group}", lang),
                regions=region_list(table.share_group(excess.group).regions, lang),
                value=fmt.percent(round(excess.total, 6), lang),
            )
        )
    return repaired, notices


def matching_preset(
    values: Mapping[str, float], presets: Mapping[str, Preset], table: ParameterTable
) -> str | None:
    """The name of the preset whose settings equal ``values`` (every parameter but what only
    changes the view, such as the last year shown), or None."""
    for name, preset in presets.items():
        if not preset_differences(values, preset, table):
            return name
    return None


def preset_differences(
    values: Mapping[str, float], preset: Preset, table: ParameterTable
) -> list[str]:
    """Names of the parameters whose value differs from ``preset``'s (view rows ignored)."""
    wanted = {**table.defaults, **preset.scenario.as_dict()}
    return [
        name
        for name, param in table.items()
        if param.role != "view" and values.get(name, param.value) != wanted[name]
    ]


def scenario_name(
    values: Mapping[str, float],
    presets: Mapping[str, Preset],
    table: ParameterTable,
    lang: str,
    saved: Sequence[Scenario] = (),
) -> str | None:
    """The name these values go by: a preset's label, else the name of a saved scenario
    with exactly these values, else None (a custom scenario)."""
    name = matching_preset(values, presets, table)
    if name:
        return presets[name].label(lang)
    for scenario in saved:
        if {**table.defaults, **scenario.as_dict()} == dict(values) and scenario.name.strip():
            return scenario.name
    return None


def scenario_title(
    values: Mapping[str, float],
    presets: Mapping[str, Preset],
    table: ParameterTable,
    lang: str,
    saved: Sequence[Scenario] = (),
) -> str:
    """:func:`scenario_name`, or "Skenario kustom" (custom scenario) when it has none."""
    return briefing.scenario_title(scenario_name(values, presets, table, lang, saved), lang)


def differences(values: Mapping[str, float], table: ParameterTable, lang: str) -> str:
    """A one-line summary of the parameters that differ from the baseline."""
    items = [
        f"{table[name].label(lang)} {value_label(table[name], value, lang)}"
        for name, value in values.items()
        if value != table[name].value
    ]
    if not items:
        return tr("share_baseline", lang)
    return tr("share_diff", lang, items="; ".join(items))
