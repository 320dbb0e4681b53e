"""Benchmark of the analyses of one scenario: prints medians, not a pass/fail test.

    .venv/bin/python bench/bench_analysis.py

Measures the full analysis the page runs for one scenario (10,000-draw Monte Carlo of the
scenario and its baseline, plus the tornado of production), and goal-seeking alone.
Target on the 2-core machine: Monte Carlo + tornado under 150 ms median.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_model import timings
from simulator import analysis, load_parameters


def main() -> None:
    """Print medians and p90 of each measurement."""
    table = load_parameters()
    analysis.load_ranges(table=table)
    values = {"investment": 5.6, "online_adoption": 50.0}

    def full() -> None:
        analysis.uncertainty(values, table=table)
        analysis.sensitivity(values, "production_rp_tn", table=table)

    rows = [
        ("Monte Carlo, 10,000 draws x 2", lambda: analysis.uncertainty(values, table=table)),
        ("tornado (16 x 2 runs)", lambda: analysis.sensitivity(values, "jobs", table=table)),
        ("Monte Carlo + tornado", full),
        (
            "goal-seek",
            lambda: analysis.goal_seek(
                values, output="production_rp_tn", year=2030, target=60, lever="investment"
            ),
        ),
    ]
    for label, fn in rows:
        times = timings(fn, 25)
        print(
            f"{label:32s}: median {statistics.median(times) * 1e3:7.1f} ms, "
            f"p90 {np.percentile(times, 90) * 1e3:7.1f} ms"
        )
    print("target: Monte Carlo + tornado median < 150 ms")


if __name__ == "__main__":
    main()
