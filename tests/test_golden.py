"""Each preset's results match the stored golden files (PySD / Tax-Calculator style).

When a change is intended: `.venv/bin/python tests/regenerate_golden.py`, read the diff.
"""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from simulator import load_presets
from tests.regenerate_golden import GOLDEN, golden_frames

PRESETS = list(load_presets())


def test_every_preset_has_golden_files():
    """No preset without its stored result, and no stale golden file."""
    stored = {p.name.split(".")[0] for p in GOLDEN.glob("*.csv")}
    assert stored == set(PRESETS)


@pytest.mark.parametrize("name", PRESETS)
def test_preset_matches_golden(name):
    """Yearly and regional tables equal the stored ones within 1e-8 relative."""
    years, regions = golden_frames(name)
    assert_frame_equal(
        years, pd.read_csv(GOLDEN / f"{name}.years.csv"), rtol=1e-8, check_dtype=False
    )
    assert_frame_equal(
        regions, pd.read_csv(GOLDEN / f"{name}.regions.csv"), rtol=1e-8, check_dtype=False
    )
