"""Benchmark of the analyses of one scenario: prints medians, not a pass/fail test.

    .venv/bin/python bench/bench_analysis.py

Measures the full analysis the page runs for one scenario (10,000-draw Monte Carlo of the
scenario and its baseline, plus the tornado of production), and goal-seeking alone.
Target on the 2-core machine: Monte Carlo + tornado under 150 ms median. Also the Shapley
contributions of the full package (16 runs in one call) and the budget allocation the
"Alokasi anggaran" tab runs (Rp 1 trillion for jobs, with the 1,000-draw chance): median
time and scenarios evaluated; target under one second for the page.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_model import timings
from simulator import analysis, load_parameters
from simulator.allocate import allocate
from simulator.contributions import contributions


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
    package = {
        "investment": 5.6,
        "new_units": 1250,
        "online_adoption": 75,
        "sales_place_units": 2000,
    }
    times = timings(lambda: contributions(package, table=table), 25)
    print(
        f"{'contributions, 4 instruments':32s}: median {statistics.median(times) * 1e3:7.1f} ms, "
        f"p90 {np.percentile(times, 90) * 1e3:7.1f} ms"
    )
    for budget in (0.5, 1.0, 2.0):
        found = []
        times = timings(
            lambda b=budget, out=found: out.append(allocate({}, b, "jobs", table=table)), 7
        )
        print(
            f"{f'allocation, Rp {budget} tn, jobs':32s}: median "
            f"{statistics.median(times) * 1e3:7.1f} ms, p90 {np.percentile(times, 90) * 1e3:7.1f} "
            f"ms, {found[-1].evaluated:,} mixes evaluated (+ {found[-1].draws:,} x 2 draws)"
        )
    print("target: allocation median < 1,000 ms")


if __name__ == "__main__":
    main()
