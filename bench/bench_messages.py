"""What the server sends the browser for one lever move, counted from the websocket.

    .venv/bin/python bench/bench_messages.py [--moves 5]

Starts the app with `streamlit run`, records every message the server sends (a recording
WebSocket installed before the page's own code), decodes them with Streamlit's protobuf
classes, and prints, for the first load and for each lever move (a key press on the first
slider): script runs started, elements by type, blocks by type, and whether the title, the
tab bar, the toolbar's popovers or the preset box were re-sent. A move is meant to re-send
only the scenario fragment: 8 metrics, the levers, the open tab's 5 charts, no title, no tab
bar, no popover, no select box. This reads Streamlit's internal messages, so it is a
measurement, not a test: the tests check what a user sees (tests/test_browser.py).
"""

from __future__ import annotations

import argparse
import base64
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import (  # noqa: E402
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    SIDEBAR_LEVER,
    running_app,
    wait_idle,
)

SLIDER = SIDEBAR_LEVER  # the investment lever (a live lever: ui/lever.py)

# Init script: keep every message the server sends over the websocket (base64), in order.
RECORD_MESSAGES = """(() => {
  const Original = window.WebSocket;
  window.__messages = [];
  const b64 = (buffer) => {
    let s = '';
    const bytes = new Uint8Array(buffer);
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s);
  };
  class Recording extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (event.data instanceof ArrayBuffer) window.__messages.push(b64(event.data));
      });
    }
  }
  window.WebSocket = Recording;
})();"""


def forward_messages(page) -> tuple[list, int]:
    """The server's messages recorded since the last call (decoded ForwardMsg protos), and
    their size in bytes."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    raw = page.evaluate("() => { const m = window.__messages; window.__messages = []; return m; }")
    out, size = [], 0
    for item in raw:
        data = base64.b64decode(item)
        size += len(data)
        message = ForwardMsg()
        message.ParseFromString(data)
        out.append(message)
    return out, size


def describe(name: str, messages: list, size: int) -> dict[str, object]:
    """Print what ``messages`` hold and return the figures."""
    kinds = Counter(m.WhichOneof("type") for m in messages)
    deltas = [m.delta for m in messages if m.HasField("delta")]
    elements = Counter(
        d.new_element.WhichOneof("type") for d in deltas if d.HasField("new_element")
    )
    blocks = Counter(d.add_block.WhichOneof("type") for d in deltas if d.HasField("add_block"))
    figures = {
        "runs": kinds["new_session"],
        "title": any(d.new_element.heading.tag == "h1" for d in deltas),
        "tab bar": blocks["tab_container"] > 0,
        "popovers": blocks["popover"],
        "select boxes": elements["selectbox"],
        "metrics": elements["metric"],
        "charts": elements["vega_lite_chart"],
        "sliders": elements["slider"],
    }
    print(f"{name}: {len(messages)} messages, {size / 1024:.1f} KiB")
    print("  " + ", ".join(f"{k} {v}" for k, v in figures.items()))
    print("  elements: " + ", ".join(f"{k} {v}" for k, v in elements.most_common()))
    print("  blocks:   " + ", ".join(f"{k} {v}" for k, v in blocks.most_common()))
    return figures


def main() -> None:
    """Record the first load and ``--moves`` lever moves, and print each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=5)
    args = parser.parse_args()
    ARTIFACTS.mkdir(exist_ok=True)
    from playwright.sync_api import sync_playwright

    with running_app("app.py") as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.add_init_script(RECORD_MESSAGES)
        page = context.new_page()
        page.goto(url)
        wait_idle(page)
        describe("first load", *forward_messages(page))
        thumb = page.locator(SLIDER).first
        for i in range(args.moves):
            before = page.url
            thumb.focus()
            page.keyboard.press("ArrowRight")
            page.wait_for_function("(before) => location.href !== before", arg=before)
            wait_idle(page)
            describe(f"lever move {i + 1}", *forward_messages(page))
        browser.close()


if __name__ == "__main__":
    main()
