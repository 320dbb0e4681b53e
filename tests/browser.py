"""Helpers for the browser tests: start the app with `streamlit run`, drive headless Chromium."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
# The system Chromium (Debian's package); IKM_CHROMIUM names another (macOS, a snap).
CHROMIUM = os.environ.get("IKM_CHROMIUM") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
# The policy instruments' live levers (a custom component's range input, in its shadow root,
# which Playwright's CSS locators reach), in the sidebar or, on a phone, in the page.
LIVE_LEVER = ".ikm-lever input[type='range']"
SIDEBAR_LEVER = f"[data-testid='stSidebar'] {LIVE_LEVER}"
# The scenario view (ui/components/view.js, drawn in the page itself): its headline cards'
# numbers (the first is the production value) and its charts.
HEADLINE = ".ikm-card-value"
# The first headline number of the app or of a bench page (which shows a Streamlit metric).
FIRST_HEADLINE = ".ikm-card-value, [data-testid='stMetricValue']"
VIEW_CHART = ".ikm-chart"


def strict() -> bool:
    """In CI (the CI variable set) or as root on Linux, where `python run.py test` installs
    the system packages itself, a missing one is a failure; elsewhere the test is skipped, with
    the reason in pytest's summary (run.py also says what to install)."""
    is_root = sys.platform.startswith("linux") and os.geteuid() == 0
    return bool(os.environ.get("CI")) or is_root


def require_chromium() -> None:
    """Skip without Chromium, except in CI or as root on Linux, where it is a failure."""
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: `python run.py test` says how to install it"
        if strict():
            pytest.fail(message)
        pytest.skip(message)


def free_port() -> int:
    """An unused TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_app(script: str = "app.py", port: int | None = None) -> Iterator[str]:
    """Start `streamlit run script` on loopback; yield its URL; stop it afterwards."""
    with serving(script, port) as (url, _process):
        yield url


@contextlib.contextmanager
def serving(
    script: str = "app.py", port: int | None = None, env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Like :func:`running_app`, also yielding the server process (for its memory);
    ``env`` adds environment variables (e.g. STREAMLIT_SERVER_ALLOWED_HOSTS)."""
    port = port or free_port()
    log = open(ARTIFACTS / f"streamlit-{port}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start; see {log.name}")
            time.sleep(0.3)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


# No element is still a placeholder: Streamlit loads each element type's code on first use
# and shows a skeleton meanwhile, for up to a second after the script has finished.
# No placeholder left, and every live lever (a component drawn in its own shadow root after
# the run) shows its value.
DRAWN = """() => !document.querySelector("[data-testid^='stSkeleton']")
  && [...document.querySelectorAll("*")].filter((el) => el.shadowRoot).every((el) => {
    const lever = el.shadowRoot.querySelector(".ikm-lever input");
    return !lever || !!lever.getAttribute("aria-valuetext");
  })
  && [...document.querySelectorAll(".ikm-view")].every((v) => !!v.dataset.shown)
  && [...document.querySelectorAll(".ikm-chart")].every((c) => !!c.dataset.drawn)"""


def wait_idle(page, timeout: float = 30_000) -> None:
    """Wait until the script has finished its run and every element is drawn (not a
    placeholder). A fresh page starts in the state "initial", so after ``goto`` this waits for
    the first run; after a click or a key press, first wait for what it changes (the URL, the
    headline), as the run may not have started yet."""
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_function(DRAWN, timeout=timeout, polling=50)


# At least ``count`` live levers are drawn with their value. A lever's component mounts after
# the run, and may not exist yet when wait_idle's check passes (it checks the levers present).
LEVERS_DRAWN = """(count) => [...document.querySelectorAll("*")].filter((el) => {
    const lever = el.shadowRoot && el.shadowRoot.querySelector(".ikm-lever input");
    return !!lever && !!lever.getAttribute("aria-valuetext");
  }).length >= count"""


def wait_levers(page, count: int, timeout: float = 30_000) -> None:
    """Wait until ``count`` live levers show their values (see LEVERS_DRAWN)."""
    page.wait_for_function(LEVERS_DRAWN, arg=count, timeout=timeout, polling=50)


# Every expander has finished opening or closing. Streamlit animates an expander's height
# (Web Animations, 500 ms, with overflow hidden meanwhile) when it is toggled and again when
# its content grows, as when a rerun fills it: until the animation ends its lower part is
# clipped, though the script is idle and every element is drawn.
EXPANDERS_SETTLED = """() => [...document.querySelectorAll("[data-testid='stExpander'] details")]
  .every((d) => d.getAnimations().length === 0 && !d.style.overflow && !d.style.height)"""


def wait_expanders(page, timeout: float = 30_000) -> None:
    """Wait until no expander is animating its height (see EXPANDERS_SETTLED)."""
    page.wait_for_function(EXPANDERS_SETTLED, timeout=timeout, polling=50)


# Every chart on the page has drawn its marks (Vega renders after the element is drawn).
CHARTS_DRAWN = """(count) => {
  const charts = [...document.querySelectorAll("[data-testid='stVegaLiteChart']")];
  const view = [...document.querySelectorAll(".ikm-chart")];
  return charts.length + view.length >= count
    && charts.every(c => c.querySelector("path, .mark-symbol, .mark-line, .mark-area"))
    && view.every(c => !!c.dataset.drawn && c.querySelector("canvas"));
}"""


def wait_charts(page, count: int = 0, timeout: float = 30_000) -> None:
    """Wait until at least ``count`` charts are on the page and every chart shows its marks."""
    page.wait_for_function(CHARTS_DRAWN, arg=count, timeout=timeout, polling=50)


# Arms a watch on the first headline number, in the page: a MutationObserver notes the
# moment its text changes and the next animation frame after it (when it is painted). The
# bench scripts call this just before a key press, then wait on a cheap flag; polling the
# text itself (innerText every few ms) forces a layout each time and slows what it measures.
WATCH_HEADLINE = """() => {
  const first = () => document.querySelector(
    ".ikm-card-value, [data-testid='stMetricValue']");
  const before = first() ? first().textContent : null;
  window.__changed = undefined;
  window.__painted = undefined;
  const observer = new MutationObserver(() => {
    const el = first();
    if (window.__changed === undefined && el && el.textContent !== before) {
      window.__changed = performance.now() - window.__pressed;
      requestAnimationFrame(() => { window.__painted = performance.now() - window.__pressed; });
      observer.disconnect();
    }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
  console.timeStamp("bench:press");  // marks the key press in a Chromium trace
  window.__pressed = performance.now();
}"""
HEADLINE_PAINTED = "() => window.__painted !== undefined"
# Milliseconds from the armed key press to the first frame showing the new number.
PAINT_MS = "() => window.__painted"


# Arms a watch on the main area (not the sidebar, where the slider itself moves): every
# change of its elements, text or attributes notes its time, and the animation frame after
# the last one notes when it was painted. The page has settled once the main area has been
# quiet for a while (SETTLED, with the quiet time in ms as its argument).
WATCH_MAIN = """() => {
  const main = document.querySelector("[data-testid='stMain']");
  if (window.__mainWatch) window.__mainWatch.disconnect();
  window.__lastChange = performance.now();
  window.__settledAt = undefined;
  window.__mainWatch = new MutationObserver(() => {
    const at = performance.now();
    window.__lastChange = at;
    requestAnimationFrame(() => {
      if (window.__lastChange === at) window.__settledAt = performance.now();
    });
  });
  window.__mainWatch.observe(
    main, {subtree: true, childList: true, characterData: true, attributes: true});
}"""
SETTLED = "(quiet) => performance.now() - window.__lastChange > quiet"
# Milliseconds from the armed key press to the frame after the main area's last change.
SETTLED_MS = "() => window.__settledAt - window.__pressed"


# Every headline number painted, in order: sampled once an animation frame (reading one
# element's text forces no layout), so a value shown for a single frame counts and one never
# painted does not. Started by this script; stopped by SEEN_STOP.
WATCH_SEEN = """() => {
  const first = () => document.querySelector(
    ".ikm-card-value, [data-testid='stMetricValue']");
  window.__seen = [];
  window.__seenAt = [];
  window.__seenStop = false;
  const tick = () => {
    const el = first();
    const text = el ? el.textContent : null;
    if (text !== null && text !== window.__seen[window.__seen.length - 1]) {
      window.__seen.push(text);
      window.__seenAt.push(performance.now());
    }
    if (!window.__seenStop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""
SEEN_STOP = "() => { window.__seenStop = true; return window.__seen; }"
THUMB_RADIUS_PX = 12  # the live lever's thumb is 1.5rem wide (ui/components/lever.css)


def thumb_point(lever) -> tuple[float, float]:
    """Where a live lever's thumb is on the screen (the middle of the thumb), scrolled into
    view."""
    lever.scroll_into_view_if_needed()
    box = lever.bounding_box()
    index, top = int(lever.input_value()), max(int(lever.get_attribute("max")), 1)
    travel = box["width"] - 2 * THUMB_RADIUS_PX
    return box["x"] + THUMB_RADIUS_PX + travel * index / top, box["y"] + box["height"] / 2


class Pointer:
    """A mouse, or a finger on a touch screen (Chromium's own touch events, as a phone's)."""

    def __init__(self, page, touch: bool = False) -> None:
        self.page = page
        self.cdp = page.context.new_cdp_session(page) if touch else None

    def _touch(self, kind: str, x: float, y: float) -> None:
        points = [] if kind == "touchEnd" else [{"x": x, "y": y}]
        self.cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    def down(self, x: float, y: float) -> None:
        if self.cdp:
            self._touch("touchStart", x, y)
        else:
            self.page.mouse.move(x, y)
            self.page.mouse.down()

    def move(self, x: float, y: float) -> None:
        if self.cdp:
            self._touch("touchMove", x, y)
        else:
            self.page.mouse.move(x, y)

    def up(self, x: float, y: float) -> None:
        if self.cdp:
            self._touch("touchEnd", x, y)
        else:
            self.page.mouse.up()


# Every text the scenario view's charts draw (they draw on a canvas: read from Vega's
# scene), per chart: its text, font size, whether it is shown, and its box in the chart.
VIEW_TEXTS = """() => [...document.querySelectorAll(".ikm-chart")].map((chart) => {
  const out = [];
  // A mark holds items; a group item holds marks, placed at the item's x and y.
  const walk = (mark, dx, dy, hidden) => {
    for (const item of mark.items || []) {
      const gone = hidden || item.opacity === 0 || item.fillOpacity === 0;
      if (mark.marktype === "text" && item.text !== undefined) {
        const text = Array.isArray(item.text) ? item.text.join(" ") : String(item.text);
        const b = item.bounds;
        out.push({text, size: item.fontSize, shown: !gone && text.trim() !== "",
                  role: mark.role, box: b ? [b.x1 + dx, b.y1 + dy, b.x2 + dx, b.y2 + dy] : null});
      }
      for (const child of mark.marktype === "group" ? item.items || [] : []) {
        walk(child, dx + (item.x || 0), dy + (item.y || 0), gone);
      }
    }
  };
  const view = chart.vegaView;
  // Scene coordinates start at the view's origin (the padding the axes and titles take).
  if (view) walk(view.scenegraph().root, view.origin()[0], view.origin()[1], false);
  const canvas = chart.querySelector("canvas");
  return {id: chart.dataset.chart, texts: out,
          width: canvas ? canvas.getBoundingClientRect().width : 0,
          height: canvas ? canvas.getBoundingClientRect().height : 0,
          place: chart.getBoundingClientRect().width};
})"""
