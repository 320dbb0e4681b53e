"""The interactive briefing's size, build time and load time (issue 23).

    .venv/bin/python -m bench.interactive_file [--runs 7] [--preset paket_lengkap]

Builds the file for a preset (both languages, Indonesian first), states its size and what
each part takes, then opens it from disk in headless Chromium with the network off, ``runs``
times, and reports the median time from navigation to the first headline number painted
(and to every chart drawn). Noisy on a shared machine: quote medians with the load average.
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import statistics
import tempfile
import time
from pathlib import Path

from simulator import interactive
from simulator.model import simulate_pair
from simulator.params import load_parameters
from simulator.presets import load_presets
from tests.browser import CHROMIUM, CHROMIUM_ARGS

FIRST_NUMBER = (
    "() => { const v = document.querySelector('.ikm-card-value'); return !!(v && v.textContent); }"
)
ALL_CHARTS = """() => [...document.querySelectorAll('.ikm-chart')].length === 5
  && [...document.querySelectorAll('.ikm-chart')].every((c) => c.dataset.drawn)"""


def parts(data: bytes) -> dict[str, int]:
    """Bytes of the file's main parts."""
    text = data.decode("utf-8")
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", text, re.S)
    out = {}
    for attrs, body in scripts:
        kind = "data (JSON)" if "json" in attrs else "module" if "module" in attrs else "Vega"
        out[kind] = len(body.encode())
    block = next(body for attrs, body in scripts if "json" in attrs)
    sweeps = re.findall(
        r'"(investment|new_units|online_adoption|sales_place_units)":"([A-Za-z0-9+/=]{1000,})"',
        block,
    )
    out["  of which sweeps (base64)"] = sum(len(b) for _, b in sweeps)
    points = re.search(r'"points":"([A-Za-z0-9+/=]+)"', block).group(1)
    out["  of which sentences and warnings (gzip, base64)"] = len(points)
    out["  of which raw sweeps"] = sum(len(base64.b64decode(b)) for _, b in sweeps)
    out["style"] = len(re.search(r"<style>(.*?)</style>", text, re.S).group(1).encode())
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--preset", default="paket_lengkap")
    args = parser.parse_args()
    table = load_parameters()
    preset = load_presets()[args.preset]
    values = {**table.defaults, **preset.scenario.as_dict()}
    start = time.perf_counter()
    result = simulate_pair(values, table)
    data = interactive.html_bytes(
        result,
        values,
        "id",
        title={lang: preset.label(lang) for lang in ("id", "en")},
        link="http://localhost:8501/?" + "&".join(preset.scenario.assignments()),
        table=table,
    )
    built = time.perf_counter() - start
    print(f"load average: {Path('/proc/loadavg').read_text().split()[:3]}")
    print(f"file: {len(data):,} bytes ({len(data) / 1e6:.2f} MB); built in {built:.1f} s")
    for name, size in parts(data).items():
        print(f"  {name}: {size:,} bytes")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "briefing.html"
        path.write_bytes(data)
        first, charts = [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(args.runs):
                context = browser.new_context(viewport={"width": 1280, "height": 800}, offline=True)
                page = context.new_page()
                begin = time.perf_counter()
                page.goto(path.as_uri(), wait_until="commit")
                page.wait_for_function(FIRST_NUMBER, polling="raf", timeout=60_000)
                first.append(time.perf_counter() - begin)
                page.wait_for_function(ALL_CHARTS, polling="raf", timeout=60_000)
                charts.append(time.perf_counter() - begin)
                context.close()
            browser.close()
    print(
        f"first headline number: median {statistics.median(first) * 1000:.0f} ms "
        f"(min {min(first) * 1000:.0f}, max {max(first) * 1000:.0f}; {args.runs} loads)"
    )
    print(
        f"every chart drawn: median {statistics.median(charts) * 1000:.0f} ms "
        f"(min {min(charts) * 1000:.0f}, max {max(charts) * 1000:.0f})"
    )
    print(f"cpus: {os.cpu_count()}")


if __name__ == "__main__":
    main()
