"""Server-side rerun time of the page after a slider change, measured with AppTest.

    .venv/bin/python bench/bench_app.py [--moves 40]

Each move sets the investment lever to a new value (so the model cache misses, as for a
person dragging a slider) and reruns the script; prints the median, p90 and the first
run. Target: median under 100 ms on the 2-core machine. Noisy machine: quote medians.
AppTest reruns the whole page for a lever in the sidebar; in a browser a lever move reruns
only the scenario fragment (bench/load_protocol.py times that path, N=1 to the headline),
so this is the upper bound: the cost of a page-level action such as a preset.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402


def main() -> None:
    """Time the first run and ``--moves`` slider reruns, in each language."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=40)
    args = parser.parse_args()
    for lang in ("id", "en"):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        start = time.perf_counter()
        at.run()
        first = time.perf_counter() - start
        if lang == "en":
            at.segmented_control(key="lang").set_value("en")
            at.run()
        values = np.round(np.linspace(0.1, 14.9, args.moves), 1)
        times = []
        for value in values:
            at.session_state["investment"] = float(value)  # as the live lever sets it
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
            assert not at.exception, at.exception
        median, p90 = statistics.median(times) * 1e3, np.percentile(times, 90) * 1e3
        print(
            f"[{lang}] first run {first * 1e3:7.1f} ms; slider rerun median {median:6.1f} ms, "
            f"p90 {p90:6.1f} ms over {len(times)} moves (target: median < 100 ms)"
        )


if __name__ == "__main__":
    main()
