"""The largest websocket messages legitimate use produces, to size Streamlit's limits.

    .venv/bin/python bench/measure_messages.py

Opens the longest legitimate link (tests/limits.py: every parameter changed in the current
scenario and in eight saved scenarios with 60-character names) in headless Chromium, visits
every tab, opens the advanced assumptions, the typed-value form, the share and download
popovers, moves a lever, and prints the largest message in each direction: browser -> server
(BackMsg: the query string and every widget's state) and server -> browser (ForwardMsg).
`server.maxWidgetStateSize` bounds the first, `server.maxMessageSize` both (see README).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM, CHROMIUM_ARGS, SIDEBAR_LEVER, running_app, wait_idle  # noqa: E402
from tests.limits import longest_query  # noqa: E402

SIZES = """(() => {
  window.__sent = []; window.__received = [];
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    window.__sent.push(data.byteLength ?? data.length);
    return send.call(this, data);
  };
  const Original = window.WebSocket;
  class Sized extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => window.__received.push(e.data.byteLength ?? 0));
    }
  }
  window.WebSocket = Sized;
})();"""

TABS = ("Results", "Regions", "Table", "Compare", "Analysis", "Methodology")


def main() -> None:
    from playwright.sync_api import sync_playwright

    query = longest_query()
    with running_app() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1200})
        page.add_init_script(SIZES)
        page.goto(f"{url}/?{query}")
        wait_idle(page)
        for tab in TABS:
            page.get_by_role("tab", name=tab).click()
            wait_idle(page)
        page.get_by_text("Advanced assumptions").click()
        wait_idle(page)
        for name in ("Type exact values", "Share", "Download"):
            page.get_by_role("button", name=name).first.click()
            wait_idle(page)
            page.keyboard.press("Escape")
            wait_idle(page)
        handle = page.locator(SIDEBAR_LEVER).first
        handle.focus()
        page.keyboard.press("ArrowRight")
        wait_idle(page)
        sent = page.evaluate("() => window.__sent")
        received = page.evaluate("() => window.__received")
        browser.close()
    print(f"longest legitimate link: {len(query):,} characters of query string")
    print(f"browser -> server: {len(sent)} messages, largest {max(sent):,} bytes")
    print(f"server -> browser: {len(received)} messages, largest {max(received):,} bytes")


if __name__ == "__main__":
    main()
