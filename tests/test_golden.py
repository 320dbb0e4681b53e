"""Each preset's results match the stored golden files (PySD / Tax-Calculator style).

When a change is intended: `python run.py golden`, then read `git diff tests/golden` line by
line (one number a line: preset, year, output[, region], value).
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
import pytest

from simulator import load_presets
from tests.regenerate_golden import REGION_KEYS, REGIONS, YEAR_KEYS, YEARS, golden_frames

PRESETS = list(load_presets())
SHOWN = 12  # differing lines quoted in a failure


@cache
def stored(path) -> pd.DataFrame:
    """A golden file as written (keys as text, so '2030' and 'jawa_barat' compare as read)."""
    return pd.read_csv(path, dtype={"preset": str, "output": str, "region": str})


def differences(now: pd.DataFrame, kept: pd.DataFrame, keys: list[str]) -> list[str]:
    """The lines of the golden file that the model no longer gives, as file lines with the
    stored and the new value (relative tolerance 1e-8): missing, new, or changed."""
    both = now.merge(kept, on=keys, how="outer", suffixes=("_now", "_stored"), indicator="side")
    close = np.isclose(
        both["value_now"], both["value_stored"], rtol=1e-8, atol=1e-8, equal_nan=True
    )
    lines = []
    for row in both[(both["side"] != "both") | ~close].itertuples(index=False):
        where = ",".join(str(getattr(row, k)) for k in keys)
        if row.side == "left_only":
            lines.append(f"{where}: not in the golden file (now {row.value_now:.10g})")
        elif row.side == "right_only":
            lines.append(f"{where}: in the golden file ({row.value_stored:.10g}), no longer given")
        else:
            lines.append(f"{where}: stored {row.value_stored:.10g}, now {row.value_now:.10g}")
    return lines


def test_golden_files_hold_exactly_the_presets():
    """No preset without its stored results, and no stale preset in the files."""
    for path in (YEARS, REGIONS):
        assert set(stored(path)["preset"]) == set(PRESETS), path.name


def test_golden_files_have_one_number_a_line():
    """Long form: a (preset, year, output[, region]) occurs once, so a line names one number."""
    for path, keys in ((YEARS, YEAR_KEYS), (REGIONS, REGION_KEYS)):
        table = stored(path)
        assert list(table.columns) == [*keys, "value"], path.name
        assert not table.duplicated(keys).any(), path.name


@pytest.mark.parametrize("name", PRESETS)
def test_preset_matches_golden(name):
    """Yearly and regional results equal the stored ones within 1e-8 relative."""
    years, regions = golden_frames(name)
    for now, path, keys in ((years, YEARS, YEAR_KEYS), (regions, REGIONS, REGION_KEYS)):
        kept = stored(path)
        found = differences(now, kept[kept["preset"] == name], keys)
        shown = "\n".join(found[:SHOWN]) + (
            f"\n... {len(found) - SHOWN} more" if len(found) > SHOWN else ""
        )
        assert not found, (
            f"{path.name}, {len(found)} lines differ (python run.py golden if intended):\n{shown}"
        )
