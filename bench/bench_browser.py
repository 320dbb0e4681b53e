"""Browser speed of the app against Streamlit's own floor, in headless Chromium.

    .venv/bin/python bench/bench_browser.py [--loads 20] [--moves 30]

Starts the app and a minimal one-slider page (bench/minimal_app.py) with `streamlit run` on
loopback, then measures for each (a) a cold page load, from navigation to the script's first
run finishing (and, printed beside it, to every element drawn), in a fresh browser context
each time, and (b) a slider key press to the first
frame that shows the headline number changed (timed inside the page by a MutationObserver and
requestAnimationFrame, so the probe does not force layouts while it waits). Prints medians,
p95 and the ratios app / minimal.
Targets: slider ratio <= 1.3, page-load ratio <= 1.5.
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

from tests.browser import (  # noqa: E402
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    DRAWN,
    HEADLINE_PAINTED,
    IDLE,
    PAINT_MS,
    WATCH_HEADLINE,
    running_app,
)

METRIC = "[data-testid='stMetricValue']"


def cold_loads(browser, url: str, count: int) -> tuple[list[float], list[float]]:
    """Seconds from navigation (fresh context each time) to (a) the first script run
    finished with the first headline number shown, and (b) every element drawn (Streamlit
    keeps placeholders while it loads an element type's code, after the run has ended)."""
    finished, drawn = [], []
    for _ in range(count):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(IDLE, timeout=60_000)
        page.wait_for_selector(METRIC, timeout=60_000)
        finished.append(time.perf_counter() - start)
        page.wait_for_function(DRAWN, timeout=60_000, polling=20)
        drawn.append(time.perf_counter() - start)
        context.close()
    return finished, drawn


def slider_moves(browser, url: str, count: int) -> list[float]:
    """Seconds from a slider key press to the first headline number changing."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_timeout(1000)
    handle = page.locator("[data-testid='stSidebar'] [data-testid='stSlider'] input").first
    out = []
    for i in range(count):
        handle.focus()
        page.evaluate(WATCH_HEADLINE)  # notes the time just before the key press
        page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
        page.wait_for_function(HEADLINE_PAINTED, timeout=30_000, polling=50)
        out.append(page.evaluate(PAINT_MS) / 1000)
        page.wait_for_selector(IDLE, timeout=30_000)
        page.wait_for_timeout(250)
    page.close()
    return out


def summary(name: str, values: list[float]) -> float:
    """Print the median and p95 of ``values`` (seconds) and return the median."""
    median = statistics.median(values)
    p95 = np.percentile(values, 95)
    print(
        f"  {name:28s} median {median * 1e3:7.1f} ms   p95 {p95 * 1e3:7.1f} ms   (n={len(values)})"
    )
    return median


def main() -> None:
    """Measure both pages in one run and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=20)
    parser.add_argument("--moves", type=int, default=30)
    args = parser.parse_args()
    ARTIFACTS.mkdir(exist_ok=True)
    from playwright.sync_api import sync_playwright

    medians: dict[tuple[str, str], float] = {}
    with (
        running_app("app.py") as app_url,
        running_app("bench/minimal_app.py") as minimal_url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for page_name, url in (("minimal", minimal_url), ("app", app_url)):
            cold_loads(browser, url, 2)  # warm the server's caches and imports
            print(f"{page_name}:")
            finished, drawn = cold_loads(browser, url, args.loads)
            medians[(page_name, "load")] = summary("cold page load (run ends)", finished)
            medians[(page_name, "drawn")] = summary("cold page load (all drawn)", drawn)
            medians[(page_name, "move")] = summary(
                "slider key -> headline", slider_moves(browser, url, args.moves)
            )
        browser.close()
    load_ratio = medians[("app", "load")] / medians[("minimal", "load")]
    drawn_ratio = medians[("app", "drawn")] / medians[("minimal", "drawn")]
    move_ratio = medians[("app", "move")] / medians[("minimal", "move")]
    print(
        f"ratio app / minimal: page load {load_ratio:.2f} (target <= 1.5; all drawn "
        f"{drawn_ratio:.2f}), slider {move_ratio:.2f} (target <= 1.3)"
    )


if __name__ == "__main__":
    main()
