"""Benchmark of the model core: prints medians, not a pass/fail test.

    .venv/bin/python bench/bench_model.py

Measures (a) one scenario over 15 years (2016-2030), (b) 10,000 scenarios in one batched
call, and (c) 10,000 single calls in a Python loop, and prints the loop / batch ratio.
Targets on the 2-core machine: (a) < 1 ms, (b) < 100 ms, ratio >= 50.
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from simulator import load_parameters, simulate


def timings(fn, repeats: int) -> list[float]:
    """Wall-clock seconds of ``repeats`` calls of ``fn`` after one warm-up call."""
    fn()
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    """Run the three measurements and print medians and the ratio."""
    load_parameters()
    n = 10_000
    grid = {"investment": np.linspace(0, 10, n), "online_adoption": np.linspace(0, 100, n)}
    singles = [
        {"investment": float(a), "online_adoption": float(b)}
        for a, b in zip(grid["investment"], grid["online_adoption"], strict=True)
    ]

    one = timings(lambda: simulate({"investment": 5.6}), 500)
    batch = timings(lambda: simulate(grid), 30)
    loop = timings(lambda: [simulate(s) for s in singles], 3)

    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, numpy {np.__version__}"
    )
    print(
        f"single scenario, 15 years : median {statistics.median(one) * 1e3:8.3f} ms "
        f"(p90 {np.percentile(one, 90) * 1e3:.3f} ms, {len(one)} runs; target < 1 ms)"
    )
    print(
        f"{n:,} scenarios, one call  : median {statistics.median(batch) * 1e3:8.3f} ms "
        f"(p90 {np.percentile(batch, 90) * 1e3:.3f} ms, {len(batch)} runs; target < 100 ms)"
    )
    print(
        f"{n:,} single calls, loop   : median {statistics.median(loop) * 1e3:8.1f} ms "
        f"({len(loop)} runs)"
    )
    print(
        f"loop / batch ratio         : {statistics.median(loop) / statistics.median(batch):8.1f}x "
        "(target >= 50x)"
    )


if __name__ == "__main__":
    main()
