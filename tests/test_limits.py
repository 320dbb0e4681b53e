"""Websocket limits: oversized messages are refused without costing the server memory, and
the longest legitimate link still opens."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.browser import ARTIFACTS, require_chromium, serving, wait_idle
from tests.limits import longest_query

ATTACKERS = 8
MESSAGE_BYTES = 23_000_000  # the size of the attack messages (a query string each)
GROWTH_BOUND_MB = 16  # the server's peak resident memory may grow by less than this


def memory_mb(pid: int, field: str) -> float:
    """VmRSS or VmHWM (peak resident memory) of a process [MB], from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no {field} in /proc/{pid}/status")


def reset_peak(pid: int) -> None:
    """Set the process's peak resident memory (VmHWM) to its current resident memory."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


async def send_oversized(url: str, count: int, size: int) -> list[int | None]:
    """``count`` clients each send one rerun request carrying a ``size``-byte query string;
    returns the close code the server gave each (None if it kept the connection open)."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg

    message = BackMsg()
    message.rerun_script.query_string = "a=" + "x" * size
    data = message.SerializeToString()

    async def one() -> int | None:
        async with websockets.connect(
            url, subprotocols=["streamlit"], max_size=None, open_timeout=30, close_timeout=5
        ) as ws:
            try:
                await ws.send(data)
                await asyncio.wait_for(ws.wait_closed(), timeout=15)
            except websockets.ConnectionClosed:
                pass
            except TimeoutError:
                return None
            return ws.close_code

    return await asyncio.gather(*(one() for _ in range(count)))


@pytest.mark.browser
def test_oversized_messages_are_refused_and_cost_no_memory(browser):
    """Eight clients each send a 23 MB message: each is closed with 1009 (message too big),
    the server's peak memory grows by less than 16 MB, and afterwards the longest
    legitimate link (eight saved scenarios) opens with its numbers."""
    require_chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    with serving() as (url, process):
        page = browser.new_page(viewport={"width": 1400, "height": 1200})
        page.goto(f"{url}/?investment=5.6")  # warm up: the app's modules are loaded
        wait_idle(page)
        reset_peak(process.pid)
        before = memory_mb(process.pid, "VmRSS")
        stream = url.replace("http", "ws", 1) + "/_stcore/stream"
        # In a thread of its own: Playwright's sync API already runs an event loop here.
        with ThreadPoolExecutor(1) as pool:
            codes = pool.submit(
                asyncio.run, send_oversized(stream, ATTACKERS, MESSAGE_BYTES)
            ).result()
        grown = memory_mb(process.pid, "VmHWM") - before
        assert grown < GROWTH_BOUND_MB, f"peak memory grew by {grown:.0f} MB"
        assert codes == [1009] * ATTACKERS

        page.goto(f"{url}/?{longest_query()}")
        wait_idle(page)
        assert page.locator(".ikm-card-value").count() == 8
        assert page.locator("[data-testid='stException']").count() == 0
        main = page.locator("[data-testid='stMain']").inner_text()
        assert "Compare" in main
        assert main.count("\U0001f45e" * 60) >= 8  # every saved scenario is listed
        page.close()
