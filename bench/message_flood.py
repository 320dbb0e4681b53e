"""Server memory under a flood of oversized websocket messages (issue 13, item 1).

    .venv/bin/python bench/message_flood.py [--clients 48] [--mb 23]
        [--max-message-mb N --max-widget-state-mb N]   # override .streamlit/config.toml

Starts the app on loopback, opens one ordinary session (so the app's modules are loaded),
then has each client send one rerun request carrying a query string of the given size, all
at once, and prints the server's resident memory (VmRSS) before, its peak (VmHWM, reset just
before the flood) and after, and how the server closed each connection (1009: message too
big). With the limits of .streamlit/config.toml the messages are refused at their frame
header; `--max-message-mb 50 --max-widget-state-mb 25` reproduces the settings before
issue 13.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import ARTIFACTS, serving  # noqa: E402
from tests.test_limits import memory_mb, reset_peak, send_oversized  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=48)
    parser.add_argument("--mb", type=float, default=23)
    parser.add_argument("--max-message-mb", type=int)
    parser.add_argument("--max-widget-state-mb", type=int)
    args = parser.parse_args()
    env = {}
    if args.max_message_mb is not None:
        env["STREAMLIT_SERVER_MAX_MESSAGE_SIZE"] = str(args.max_message_mb)
    if args.max_widget_state_mb is not None:
        env["STREAMLIT_SERVER_MAX_WIDGET_STATE_SIZE"] = str(args.max_widget_state_mb)
    ARTIFACTS.mkdir(exist_ok=True)
    with serving(env=env) as (url, process):
        stream = url.replace("http", "ws", 1) + "/_stcore/stream"
        asyncio.run(send_oversized(stream, 1, 10))  # an ordinary first run
        before = memory_mb(process.pid, "VmRSS")
        reset_peak(process.pid)
        codes = asyncio.run(send_oversized(stream, args.clients, int(args.mb * 1e6)))
        peak = memory_mb(process.pid, "VmHWM")
        after = memory_mb(process.pid, "VmRSS")
    closes = ", ".join(f"{n} x {code}" for code, n in Counter(codes).items())
    print(
        f"{args.clients} messages of {args.mb:g} MB: RSS before {before:.0f} MB, peak "
        f"{peak:.0f} MB, after {after:.0f} MB; connections closed: {closes} "
        "(None: kept open)"
    )


if __name__ == "__main__":
    main()
