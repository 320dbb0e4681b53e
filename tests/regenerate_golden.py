"""Regenerate the stored results of every preset under tests/golden/.

Run after an intended change of the model or the data, then read the diff before committing:

    .venv/bin/python tests/regenerate_golden.py && git diff --stat tests/golden
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator import load_presets, simulate  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"


def golden_frames(name: str):
    """The yearly and regional tables of one preset, as stored."""
    result = simulate(load_presets()[name].scenario)
    return (
        result.table().drop(columns="scenario"),
        result.region_table().drop(columns="scenario"),
    )


def main() -> None:
    """Write tests/golden/<preset>.years.csv and <preset>.regions.csv for each preset."""
    GOLDEN.mkdir(exist_ok=True)
    for name in load_presets():
        years, regions = golden_frames(name)
        years.to_csv(GOLDEN / f"{name}.years.csv", index=False, float_format="%.10g")
        regions.to_csv(GOLDEN / f"{name}.regions.csv", index=False, float_format="%.10g")
        print(f"wrote {name}")


if __name__ == "__main__":
    main()
