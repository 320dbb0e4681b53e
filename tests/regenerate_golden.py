"""Regenerate the stored results of every preset under tests/golden/.

Run after an intended change of the model or the data, then read the diff before committing:

    python run.py golden && git diff tests/golden

The files are in long form, one number a line, so a diff reads line by line and a new output
or preset adds lines instead of rewriting every one:

    years.csv     preset,year,output,value          (every output of the yearly table)
    regions.csv   preset,year,output,region,value   (the regional outputs)

Lines run preset by preset, then output by output (in the registry's order), then by year
(and region): a change to one equation shows as one block of years per preset it touches.
``observed`` is stored as an output too (1 for the years that replay published data).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator import load_presets, simulate  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"
YEARS = GOLDEN / "years.csv"
REGIONS = GOLDEN / "regions.csv"
YEAR_KEYS = ["preset", "year", "output"]
REGION_KEYS = ["preset", "year", "output", "region"]


def _long(frame: pd.DataFrame, name: str, keys: list[str]) -> pd.DataFrame:
    """A wide table (one column per output) as one row per (output, year[, region])."""
    ids = [k for k in keys if k not in ("preset", "output")]
    frame = frame.drop(columns="scenario")
    if "observed" in frame:
        frame = frame.astype({"observed": int})
    long = frame.melt(id_vars=ids, var_name="output", value_name="value")
    long.insert(0, "preset", name)
    # melt keeps the columns' order (outputs as the registry lists them); within an output,
    # the table's own order of years and regions.
    return long[[*keys, "value"]].astype({"value": float}).reset_index(drop=True)


def golden_frames(name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The yearly and regional results of one preset, in the stored long form."""
    result = simulate(load_presets()[name].scenario)
    return (
        _long(result.table(), name, YEAR_KEYS),
        _long(result.region_table(), name, REGION_KEYS),
    )


def main() -> None:
    """Write tests/golden/years.csv and regions.csv with every preset's results."""
    GOLDEN.mkdir(exist_ok=True)
    frames = [golden_frames(name) for name in load_presets()]
    for path, part in ((YEARS, 0), (REGIONS, 1)):
        table = pd.concat([f[part] for f in frames], ignore_index=True)
        table.to_csv(path, index=False, float_format="%.10g", lineterminator="\n")
        print(f"wrote {path.relative_to(ROOT)}: {len(table)} lines, {len(frames)} presets")
    for stale in sorted(set(GOLDEN.glob("*.csv")) - {YEARS, REGIONS}):
        stale.unlink()
        print(f"removed {stale.relative_to(ROOT)} (not written by this script)")


if __name__ == "__main__":
    main()
