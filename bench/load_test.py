"""Many users at once: N concurrent browser sessions moving sliders against one server.

    .venv/bin/python bench/load_test.py [--sessions 1 5 10 20] [--seconds 20]

Loopback only, bounded in count and time. For each N: starts a fresh server, opens N
sessions in headless Chromium (one context each; they arrive evenly over --ramp seconds, 10 s
by default, as users do), lets each move the investment slider with the keyboard for the given
seconds, waiting each time for the headline number to change (timed in the page, from the key
press to the first frame showing the new number) and then pausing (--think, 1 s: a person
reads the result before the next move),
then prints interactions done, errors (no change within 10 s, or an exception element),
p50 and p95 slider-to-update latency, and the server's memory (RSS) per session.
Target on the 2-core machine: 20 sessions, zero errors, p95 under 1.5 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    HEADLINE_PAINTED,
    IDLE,
    PAINT_MS,
    SIDEBAR_LEVER,
    WATCH_HEADLINE,
    serving,
)

METRIC = ".ikm-card-value"
SLIDER = SIDEBAR_LEVER  # the investment lever (a live lever: ui/lever.py)


def rss_mb(pid: int) -> float:
    """Resident memory of a process [MB], from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far [s], from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    tick = os.sysconf("SC_CLK_TCK")
    return (sum(values) - idle) / tick, sum(values) / tick


async def session(
    browser, url: str, delay: float, seconds: float, think: float, latencies: list, errors: list
) -> None:
    """One user: arrive after ``delay`` seconds, open the page, then move the slider until
    time is up."""
    await asyncio.sleep(delay)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    try:
        await page.goto(url, timeout=120_000)
        await page.wait_for_selector(IDLE, timeout=120_000)
        await page.wait_for_selector(METRIC, timeout=120_000)
        handle = page.locator(SLIDER).first
        end = time.monotonic() + seconds
        step = 0
        while time.monotonic() < end:
            await handle.focus()
            await page.evaluate(WATCH_HEADLINE)
            # Back and forth inside the range, so every press changes the value.
            await page.keyboard.press("ArrowRight" if (step // 20) % 2 == 0 else "ArrowLeft")
            step += 1
            try:
                await page.wait_for_function(HEADLINE_PAINTED, timeout=10_000, polling=100)
                latencies.append(await page.evaluate(PAINT_MS) / 1000)
            except Exception as error:  # any failure to update counts
                errors.append(repr(error)[:120])
            if await page.locator("[data-testid='stException']").count():
                errors.append("exception element on the page")
            await page.wait_for_selector(IDLE, timeout=30_000)
            await asyncio.sleep(think)  # a person looks at the result before the next move
    except Exception as error:  # a session that cannot load is an error
        errors.append(repr(error)[:120])
    finally:
        await context.close()


async def run_level(n: int, seconds: float, think: float, ramp: float) -> None:
    """One load level on a fresh server."""
    from playwright.async_api import async_playwright

    with serving("app.py") as (url, process):
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # One warm-up page, so imports and caches are not charged to the first users.
            warm = await browser.new_page()
            await warm.goto(url)
            await warm.wait_for_selector(IDLE, timeout=120_000)
            await warm.close()
            idle_rss = rss_mb(process.pid)
            latencies: list[float] = []
            errors: list[str] = []
            peak = [idle_rss]

            async def watch() -> None:
                while True:
                    peak[0] = max(peak[0], rss_mb(process.pid))
                    await asyncio.sleep(0.5)

            watcher = asyncio.create_task(watch())
            cpu_start = (
                cpu_seconds(process.pid),
                cpu_seconds(os.getpid()),
                time.monotonic(),
                machine_busy_seconds(),
            )
            await asyncio.gather(
                *(
                    session(browser, url, i * ramp / n, seconds, think, latencies, errors)
                    for i in range(n)
                )
            )
            watcher.cancel()
            server_cpu = cpu_seconds(process.pid) - cpu_start[0]
            wall = time.monotonic() - cpu_start[2]
            busy, total = (b - a for a, b in zip(cpu_start[3], machine_busy_seconds(), strict=True))
            client_cpu = cpu_seconds(os.getpid()) - cpu_start[1]
            # Everything else the machine did: the Chromium pages and Playwright's driver
            # (renderers of closed pages are gone from /proc, so count them this way).
            browsers_cpu = busy - server_cpu - client_cpu
            await browser.close()
    done = len(latencies)
    p50 = np.percentile(latencies, 50) if done else float("nan")
    p95 = np.percentile(latencies, 95) if done else float("nan")
    per_session = (peak[0] - idle_rss) / n
    print(
        f"N={n:3d}: interactions {done:5d}, errors {len(errors):3d}, "
        f"p50 {p50 * 1e3:7.0f} ms, p95 {p95 * 1e3:7.0f} ms, server RSS idle {idle_rss:6.0f} MB, "
        f"peak {peak[0]:6.0f} MB, per session {per_session:5.1f} MB"
    )
    cores = os.cpu_count() or 1
    print(
        f"        CPU over {wall:.0f} s on {cores} cores: server {server_cpu / wall:.0%} of one "
        f"core; browsers and driver (the load generator) {browsers_cpu / wall:.0%} of one "
        f"core; this script {client_cpu / wall:.0%}; machine busy {busy / total:.0%}"
        + (f", {browsers_cpu * 1e3 / done:.0f} ms per interaction" if done else "")
    )
    for error in errors[:3]:
        print(f"        e.g. {error}")


def main() -> None:
    """Run every requested load level in turn."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 5, 10, 20])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--think", type=float, default=1.0, help="pause between moves [s]")
    parser.add_argument(
        "--ramp", type=float, default=10.0, help="users arrive evenly over this many seconds"
    )
    args = parser.parse_args()
    if any(not 1 <= n <= 50 for n in args.sessions) or not 1 <= args.seconds <= 300:
        parser.error("sessions must be 1-50 and seconds 1-300 (this is a bounded test)")
    for n in args.sessions:
        asyncio.run(run_level(n, args.seconds, args.think, args.ramp))


if __name__ == "__main__":
    main()
