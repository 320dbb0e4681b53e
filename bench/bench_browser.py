"""Browser speed of the app against Streamlit's own floor, in headless Chromium.

    .venv/bin/python bench/bench_browser.py [--loads 20] [--moves 30]

Starts the app and a minimal one-slider page (bench/minimal_app.py) with `streamlit run` on
loopback, then measures for each (a) a cold page load, from navigation to the script's first
run finishing (and, printed beside it, to every element drawn), in a fresh browser context
each time, and (b) a slider key press to the first
frame that shows the headline number changed (timed inside the page by a MutationObserver and
requestAnimationFrame, so the probe does not force layouts while it waits) and (c) the same
key press to the page settled: the frame after the last change in the main area (every
chart redrawn), waited for until the main area has been quiet for a while. Beside (c) it
counts the charts redrawn in place (the same SVG element before and after the move: Streamlit
updated the Vega view's datasets) against those embedded afresh. Prints medians, p95 and the
ratios app / minimal. With ``--profile DIR`` it also records, over a few extra moves of the
app, a Chromium trace (open it in chrome://tracing or Perfetto) and a JavaScript CPU profile,
and prints where the main thread spent the time from key press to settled.
Then (d) scripted 2-second drags of the live lever (mouse down on the thumb, moves as fast as
the browser takes them, or every ``--pause-ms``, up) on the app and on a one-live-lever page
(bench/minimal_live_app.py): the distinct
headline numbers painted during each drag (a frame-by-frame sample of the first number) and
from the release to the final number painted. With ``--floor``, (e) the same drags on
bench/drag_floor_app.py with mixes of the app's own headline numbers and charts (and the
charts sent unchanged), which shows what each part of the page costs a drag.
Targets (issue 20): during a 2-second drag of the results tab at least 30 headline numbers a
second with every chart following; key press -> headline and -> settled each at most 1.5x
the one-slider page's; release -> final headline within 2x the one-slider page's key ->
headline; cold load at most 1.8x. With the scenario view (ui/components/view.js) the drag is
drawn in the browser from the lever's sweep: the drags also print how often the chart that
followed least was redrawn, the bytes the page received from the release to settled and the
server's CPU time per drag. Quote the load average with the figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_test import cpu_seconds  # noqa: E402
from tests.browser import (  # noqa: E402
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    DRAWN,
    FIRST_HEADLINE,
    HEADLINE_PAINTED,
    IDLE,
    PAINT_MS,
    SEEN_STOP,
    SETTLED,
    SETTLED_MS,
    SIDEBAR_LEVER,
    WATCH_HEADLINE,
    WATCH_MAIN,
    WATCH_SEEN,
    running_app,
    serving,
    thumb_point,
)

METRIC = FIRST_HEADLINE  # the app's view or a bench page's Streamlit metric


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


# Charts on the page whose SVG is the one marked before the key press (redrawn in place)
# and those whose SVG is new (embedded afresh).
# (The scenario view's charts, ui/components/view.js, draw on a canvas of their own.)
CHART_PICTURES = (
    "[data-testid='stVegaLiteChart'] svg.marks, [data-testid='stVegaLiteChart'] canvas, "
    ".ikm-chart canvas"
)
MARK_CHARTS = f"""() => document.querySelectorAll("{CHART_PICTURES}")
  .forEach(el => {{ el.__beforeMove = true; }})"""
CHARTS_KEPT = f"""() => {{
  const all = [...document.querySelectorAll("{CHART_PICTURES}")];
  return [all.filter(s => s.__beforeMove).length, all.filter(s => !s.__beforeMove).length];
}}"""
# How many times each of the scenario view's charts has been drawn with new data.
CHART_DRAWS = "() => [...document.querySelectorAll('.ikm-chart')].map(c => +c.dataset.drawn || 0)"
QUIET_MS = 600  # the main area unchanged this long counts as settled


class Moves(NamedTuple):
    """Seconds from each key press to the headline painted and to the page settled, and
    the charts redrawn in place and afresh over all moves."""

    headline: list[float]
    settled: list[float]
    kept: int
    fresh: int


# Headline numbers and charts of the floor page: the lever alone with one number, the app's
# headline alone, its charts alone, both, both in a tab as in the app, both with the charts
# unchanged.
FLOOR_MIXES = (
    "metrics=1&charts=0",
    "metrics=8&charts=0",
    "metrics=1&charts=5",
    "metrics=8&charts=5",
    "metrics=8&charts=5&tabs=1",
    "metrics=8&charts=5&frozen=1",
)
STREAMLIT_SLIDER = "[data-testid='stSidebar'] [data-testid='stSlider'] input"
DRAG_S = 2.0
DRAG_PX = 150  # about 90 grid steps of the investment lever in the sidebar


class Drags(NamedTuple):
    """Per drag: distinct headline numbers painted while dragging, the same per second,
    seconds from the release to the final number painted (0: already shown), how many
    times the chart that followed least was redrawn while dragging (the scenario view's
    charts; -1 on a page without them), the bytes the page received from the release to
    settled, and the server's CPU seconds from the press to settled."""

    painted: list[int]
    rate: list[float]
    release: list[float]
    charts: list[int]
    received: list[int]
    cpu: list[float]


def lever_drags(browser, url: str, count: int, pid: int | None = None, pause: float = 0.0) -> Drags:
    """``count`` drags of the first live lever, right then left, each DRAG_S long, the
    pointer moved as fast as the browser takes the moves (``pause`` seconds between them;
    issue 15's figures paused 15 ms, which capped a drag at about 16 moves a second);
    ``pid``: the server process, for its CPU time."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    received: list[int] = []

    def listen(ws) -> None:
        ws.on("framereceived", lambda f: received.append(len(f)))

    page.on("websocket", listen)
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_function(DRAWN, timeout=60_000, polling=50)
    if page.locator(".ikm-view").count():  # the levers' sweeps, before the first drag
        page.wait_for_function(
            "() => Object.keys((window.__ikmView || {}).raw || {}).length === 4", timeout=60_000
        )
    lever = page.locator(SIDEBAR_LEVER).first
    drags = Drags([], [], [], [], [], [])
    for i in range(count):
        page.evaluate(WATCH_MAIN)
        page.wait_for_function(SETTLED, arg=QUIET_MS, timeout=60_000, polling=50)
        direction = 1 if i % 2 == 0 else -1
        x, y = thumb_point(lever)
        page.evaluate(WATCH_SEEN)
        page.mouse.move(x, y)
        page.evaluate("() => { window.__pressedAt = performance.now(); }")
        draws = page.evaluate(CHART_DRAWS)
        cpu = cpu_seconds(pid) if pid else float("nan")
        page.mouse.down()
        start = time.perf_counter()
        while (elapsed := time.perf_counter() - start) < DRAG_S:
            page.mouse.move(x + direction * DRAG_PX * elapsed / DRAG_S, y)
            if pause:
                time.sleep(pause)
        page.mouse.move(x + direction * DRAG_PX, y)
        page.evaluate("() => { window.__releasedAt = performance.now(); }")
        followed = [b - a for a, b in zip(draws, page.evaluate(CHART_DRAWS), strict=True)]
        bytes_before = sum(received)
        page.mouse.up()
        page.evaluate(WATCH_MAIN)
        page.wait_for_selector(IDLE, timeout=30_000)
        page.wait_for_function(SETTLED, arg=QUIET_MS, timeout=30_000, polling=50)
        drags.charts.append(min(followed) if followed else -1)
        drags.received.append(sum(received) - bytes_before)
        drags.cpu.append(cpu_seconds(pid) - cpu if pid else float("nan"))
        seen = page.evaluate(SEEN_STOP)
        at, pressed, released = page.evaluate(
            "() => [window.__seenAt, window.__pressedAt, window.__releasedAt]"
        )
        during = len({text for text, t in zip(seen[1:], at[1:], strict=True) if t < released})
        drags.painted.append(during)
        drags.rate.append(during / ((released - pressed) / 1000))
        drags.release.append(max(0.0, at[-1] - released) / 1000)
    page.close()
    return drags


def slider_moves(
    browser, url: str, count: int, start=None, stop=None, handle_at: str = STREAMLIT_SLIDER
) -> Moves:
    """Key presses on the first slider, each timed to the headline and to settled;
    ``start(page)`` and ``stop(page)`` run before the first and after the last."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_function(DRAWN, timeout=60_000, polling=50)
    page.evaluate(WATCH_MAIN)
    page.wait_for_function(SETTLED, arg=QUIET_MS, timeout=60_000, polling=50)
    handle = page.locator(handle_at).first
    moves = Moves([], [], 0, 0)
    if start is not None:
        start(page)
    for i in range(count):
        handle.focus()
        page.evaluate(MARK_CHARTS)
        page.evaluate(WATCH_MAIN)
        page.evaluate(WATCH_HEADLINE)  # notes the time just before the key press
        page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
        page.wait_for_function(HEADLINE_PAINTED, timeout=30_000, polling=50)
        moves.headline.append(page.evaluate(PAINT_MS) / 1000)
        page.wait_for_selector(IDLE, timeout=30_000)
        page.wait_for_function(SETTLED, arg=QUIET_MS, timeout=30_000, polling=50)
        moves.settled.append(page.evaluate(SETTLED_MS) / 1000)
        kept, fresh = page.evaluate(CHARTS_KEPT)
        moves = moves._replace(kept=moves.kept + kept, fresh=moves.fresh + fresh)
    if stop is not None:
        stop(page)
    page.close()
    return moves


def summary(name: str, values: list[float]) -> float:
    """Print the median and p95 of ``values`` (seconds) and return the median."""
    median = statistics.median(values)
    p95 = np.percentile(values, 95)
    print(
        f"  {name:28s} median {median * 1e3:7.1f} ms   p95 {p95 * 1e3:7.1f} ms   (n={len(values)})"
    )
    return median


def profile_moves(browser, url: str, count: int, out: Path) -> None:
    """A Chromium trace and a JavaScript CPU profile over ``count`` moves of ``url``; prints,
    for the time from each key press to the page settled, where the page's main thread
    spent it (by kind of work, and the JavaScript functions that took longest)."""
    out.mkdir(parents=True, exist_ok=True)
    recorded: dict[str, Any] = {}

    def start(page) -> None:
        recorded["cdp"] = cdp = page.context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 200})
        cdp.send("Profiler.start")
        browser.start_tracing(page=page, path=str(out / "trace.json"), screenshots=False)

    def stop(page) -> None:
        recorded["profile"] = recorded["cdp"].send("Profiler.stop")["profile"]
        browser.stop_tracing()

    moves = slider_moves(browser, url, count, start=start, stop=stop, handle_at=SIDEBAR_LEVER)
    profile = recorded["profile"]
    (out / "cpu.cpuprofile").write_text(json.dumps(profile))
    events = json.loads((out / "trace.json").read_text())
    events = events["traceEvents"] if isinstance(events, dict) else events
    presses = sorted(
        e["ts"]
        for e in events
        if e.get("name") == "TimeStamp" and e["args"]["data"].get("message") == "bench:press"
    )
    # Trace and profile share the clock (microseconds); a window runs press -> settled.
    windows = [(t, t + settled * 1e6) for t, settled in zip(presses, moves.settled, strict=True)]
    settled_ms = statistics.mean(moves.settled) * 1e3
    print(f"  {count} moves, key press to settled {settled_ms:.0f} ms on average; files in {out}")
    print_trace_summary(events, windows)
    print_profile_summary(profile, windows)


def _overlap(start: float, end: float, windows: list[tuple[float, float]]) -> float:
    """Microseconds of [start, end] inside the windows."""
    return sum(max(0.0, min(end, b) - max(start, a)) for a, b in windows)


def print_trace_summary(events: list[dict], windows: list[tuple[float, float]]) -> None:
    """The renderer main thread's time per move from key press to settled, by kind of work:
    each event's own time (its duration less that of the events of these kinds inside it,
    so a layout that a script forces counts as layout); the rest of the time the thread was
    idle, waiting for the server or the next frame."""
    names = {
        (e["pid"], e["tid"]): e["args"]["name"]
        for e in events
        if e.get("ph") == "M" and e.get("name") == "thread_name"
    }
    main = {key for key, name in names.items() if name == "CrRendererMain"}
    timed = sorted(
        (
            e
            for e in events
            if (e.get("pid"), e.get("tid")) in main and e.get("ph") == "X" and e["name"] in KINDS
        ),
        key=lambda e: (e["ts"], -e.get("dur", 0)),
    )
    own: dict[int, float] = {}
    stack: list[dict] = []
    for event in timed:
        while stack and stack[-1]["ts"] + stack[-1].get("dur", 0) <= event["ts"]:
            stack.pop()
        own[id(event)] = event.get("dur", 0)
        if stack:
            own[id(stack[-1])] -= event.get("dur", 0)
        stack.append(event)
    totals: dict[str, float] = {}
    for event in timed:
        if any(a <= event["ts"] <= b for a, b in windows):
            kind = KINDS[event["name"]]
            totals[kind] = totals.get(kind, 0.0) + max(0.0, own[id(event)])
    moves = len(windows)
    span = sum(b - a for a, b in windows) / moves / 1000
    busy = sum(totals.values()) / moves / 1000
    print(f"  main thread per move, key press to settled ({span:.0f} ms), by kind (ms):")
    for kind, us in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"    {kind:34s} {us / moves / 1000:7.1f}")
    print(f"    {'idle (server, network, frames)':34s} {span - busy:7.1f}")


# Trace events that are not nested in each other, by the kind of work they are.
KINDS = {
    "FunctionCall": "script",
    "EvaluateScript": "script",
    "TimerFire": "script",
    "RunMicrotasks": "script",
    "EventDispatch": "script",
    "FireAnimationFrame": "script",
    "v8.compile": "script",
    "UpdateLayoutTree": "style",
    "Layout": "layout",
    "PrePaint": "paint",
    "Paint": "paint",
    "Layerize": "paint",
    "UpdateLayer": "paint",
    "HitTest": "hit test",
    "ParseHTML": "parse HTML",
    "MajorGC": "garbage collection",
    "MinorGC": "garbage collection",
}


def print_profile_summary(profile: dict, windows: list[tuple[float, float]], top: int = 20) -> None:
    """The sampled JavaScript self time per move from key press to settled: the functions
    that took longest, and by script."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    at = float(profile["startTime"])
    by_function: dict[str, float] = {}
    by_script: dict[str, float] = {}
    for sample, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        at += delta
        if not any(a <= at <= b for a, b in windows):
            continue
        frame = nodes[sample]["callFrame"]
        script = frame["url"].rsplit("/", 1)[-1] or frame["functionName"]
        name = f"{frame['functionName'] or '(anonymous)'} [{script}]"
        by_function[name] = by_function.get(name, 0.0) + delta / 1000
        by_script[script] = by_script.get(script, 0.0) + delta / 1000
    moves = len(windows)
    print("  JavaScript self time per move by script (ms):")
    for script, ms in sorted(by_script.items(), key=lambda kv: -kv[1])[:12]:
        print(f"    {ms / moves:7.1f}  {script}")
    print("  ... and the functions that took longest (ms):")
    for name, ms in sorted(by_function.items(), key=lambda kv: -kv[1])[:top]:
        print(f"    {ms / moves:7.1f}  {name}")


def main() -> None:
    """Measure both pages in one run and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=20)
    parser.add_argument("--moves", type=int, default=30)
    parser.add_argument("--drags", type=int, default=10)
    parser.add_argument("--profile", type=Path, default=None, help="directory for a trace")
    parser.add_argument("--floor", action="store_true", help="drags on mixes of the page")
    parser.add_argument(
        "--pause-ms", type=float, default=0.0, help="pause between pointer moves of a drag"
    )
    args = parser.parse_args()
    ARTIFACTS.mkdir(exist_ok=True)
    from playwright.sync_api import sync_playwright

    medians: dict[tuple[str, str], float] = {}
    with (
        serving("app.py") as (app_url, app_process),
        running_app("bench/minimal_app.py") as minimal_url,
        running_app("bench/minimal_live_app.py") as minimal_live_url,
        running_app("bench/drag_floor_app.py") as floor_url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for page_name, url in (("minimal", minimal_url), ("app", app_url)):
            cold_loads(browser, url, min(2, args.loads))  # warm the server's caches
            print(f"{page_name}:")
            if args.loads:
                finished, drawn = cold_loads(browser, url, args.loads)
                medians[(page_name, "load")] = summary("cold page load (run ends)", finished)
                medians[(page_name, "drawn")] = summary("cold page load (all drawn)", drawn)
            lever = SIDEBAR_LEVER if page_name == "app" else STREAMLIT_SLIDER
            moves = slider_moves(browser, url, args.moves, handle_at=lever)
            medians[(page_name, "move")] = summary("slider key -> headline", moves.headline)
            medians[(page_name, "settled")] = summary("slider key -> page settled", moves.settled)
            ratio = medians[(page_name, "settled")] / medians[(page_name, "move")]
            print(
                f"  settled / headline {ratio:.2f} (target <= 2); charts redrawn in place "
                f"{moves.kept}, embedded afresh "
                f"{moves.fresh} over {args.moves} moves"
            )
        if args.drags:
            for page_name, url in (("minimal_live", minimal_live_url), ("app", app_url)):
                print(f"{page_name}, {args.drags} drags of {DRAG_S:.0f} s:")
                pid = app_process.pid if page_name == "app" else None
                drags = lever_drags(browser, url, args.drags, pid, args.pause_ms / 1e3)
                painted = statistics.median(drags.painted)
                rate = statistics.median(drags.rate)
                print(f"  headline numbers painted per drag: median {painted:.0f} ({rate:.1f}/s)")
                if page_name == "app":
                    print(
                        f"  redraws of the chart that followed least, per drag: median "
                        f"{statistics.median(drags.charts):.0f}; bytes received release -> "
                        f"settled: median {statistics.median(drags.received) / 1e3:.1f} kB; "
                        f"server CPU press -> settled: median "
                        f"{statistics.median(drags.cpu) * 1e3:.0f} ms"
                    )
                medians[(page_name, "rate")] = rate
                medians[(page_name, "release")] = summary(
                    "release -> final headline", drags.release
                )
        if args.floor:
            print(f"mixes of the page (bench/drag_floor_app.py), {args.drags or 4} drags each:")
            for query in FLOOR_MIXES:
                drags = lever_drags(
                    browser, f"{floor_url}?{query}", args.drags or 4, None, args.pause_ms / 1e3
                )
                print(
                    f"  {query:28s} {statistics.median(drags.rate):5.1f} headlines/s, release "
                    f"-> final {statistics.median(drags.release) * 1e3:4.0f} ms"
                )
        if args.profile:
            print("app, profiled:")
            profile_moves(browser, app_url, 10, args.profile)
        browser.close()
    move_ratio = medians[("app", "move")] / medians[("minimal", "move")]
    settled_ratio = medians[("app", "settled")] / medians[("minimal", "settled")]
    loads = ""
    if args.loads:
        load_ratio = medians[("app", "load")] / medians[("minimal", "load")]
        drawn_ratio = medians[("app", "drawn")] / medians[("minimal", "drawn")]
        loads = f"page load {load_ratio:.2f} (target <= 1.8; all drawn {drawn_ratio:.2f}), "
    print(
        f"ratio app / minimal: {loads}key -> headline {move_ratio:.2f} (target <= 1.5), "
        f"key -> settled {settled_ratio:.2f} (target <= 1.5)"
    )
    if args.drags:
        release = medians[("app", "release")]
        print(
            f"drag: app {medians[('app', 'rate')]:.1f} headlines/s (target >= 30; one-lever "
            f"page {medians[('minimal_live', 'rate')]:.1f}/s); release -> final headline / "
            f"one-slider key -> headline {release / medians[('minimal', 'move')]:.2f} "
            f"(target <= 2), / one-lever page's release "
            f"{release / max(medians[('minimal_live', 'release')], 1e-3):.2f}"
        )


if __name__ == "__main__":
    main()
