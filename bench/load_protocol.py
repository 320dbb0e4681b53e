"""Server capacity without browsers: N sessions speaking Streamlit's websocket protocol.

    .venv/bin/python bench/load_protocol.py [--sessions 1 10 20 40] [--seconds 20] [--think 1]
    .venv/bin/python bench/load_protocol.py --drag --sessions 10 20 [--seconds 20] [--think 1]

bench/load_test.py drives real Chromium pages, but on a 2-core machine twenty browsers use
the cores themselves and hide the server's limit. This client opens the same websocket the
browser opens (loopback only, bounded in count and time), asks for the first run, then moves
the investment lever by sending the events a browser's lever sends, and times from that
message to the scenario view's state arriving (the numbers the page draws) and to the run
finishing. Like a browser it names the large messages it already holds, so unchanged sweeps
come back as references. With ``--drag`` a user drags for 2 s: once the page has sent the
lever's sweep the browser draws the drag itself and only the release reaches the server (as
ui/components/lever.js does). It prints per N: interactions, errors (exception elements or
runs that do not finish in 10 s), p50/p95 latency to the headline and to the end of the run,
the server's CPU (a user's share too), the bytes a run sends, and its RSS per session.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import websockets  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from bench.load_test import cpu_seconds, rss_mb  # noqa: E402
from tests.browser import serving  # noqa: E402

LEVER_LABEL = "Investasi bruto per tahun (skenario dasar Rp2,8 triliun)"
HEADLINE_OUTPUT = "production_rp_tn"  # the first headline card's output
THROTTLE_S = 0.06  # the live lever's pace while dragged (ui/components/lever.js)
DRAG_S = 2.0
# A v2 component's events reach the server as one "trigger aggregator" widget per instance.
TRIGGERS = "$$STREAMLIT_INTERNAL_KEY_{id}__events"


class Lever:
    """The investment lever as the page drew it: its component id and its grid."""

    def __init__(self, element) -> None:
        self.id = element.id
        data = json.loads(element.json)
        self.values = data["values"]
        self.index = data["index"]
        self.seq = 0

    def event(self, kind: str) -> tuple[str, str]:
        """The widget id and JSON a browser sends for a ``drag`` or ``release`` event."""
        self.seq += 1
        payload = [{"event": kind, "value": {"value": self.values[self.index], "seq": self.seq}}]
        return TRIGGERS.format(id=self.id), json.dumps(payload)


async def run_once(
    ws,
    event: tuple[str, str] | None = None,
    fragment_id: str = "",
    timeout: float = 10,
    cached: set[str] | None = None,
) -> tuple[float, float, dict]:
    """Ask for a rerun (with a lever event, as the browser sends it: a rerun of the fragment
    that drew the lever); return (to headline, to end, found). As a browser does, it names
    the large messages it holds (``cached``, filled here), which the server then sends as a
    reference. The headline is the scenario view's state (the numbers the page draws). A
    message more than ``timeout`` seconds in coming is a TimeoutError."""
    cached = set() if cached is None else cached
    back = BackMsg()
    back.rerun_script.query_string = ""
    back.rerun_script.fragment_id = fragment_id
    back.rerun_script.cached_message_hashes.extend(sorted(cached))
    if event is not None:
        state = back.rerun_script.widget_states.widgets.add()
        state.id, state.json_trigger_value = event
    start = time.perf_counter()
    await ws.send(back.SerializeToString())
    headline = None
    found: dict = {"exception": False, "bytes": 0, "sweeps": set()}
    while True:
        data = await asyncio.wait_for(ws.recv(), timeout=timeout)
        found["bytes"] += len(data)
        msg = ForwardMsg()
        msg.ParseFromString(data)
        if msg.metadata.cacheable and msg.hash:
            cached.add(msg.hash)
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            component = element.bidi_component if which == "bidi_component" else None
            if component is not None and component.component_name == "ikm_lever":
                if json.loads(component.json).get("label") == LEVER_LABEL:
                    found["lever"] = component
                    found["fragment_id"] = msg.delta.fragment_id
            elif component is not None and component.component_name == "ikm_view_data":
                if component.WhichOneof("data") == "json" and headline is None:
                    headline = time.perf_counter() - start
                    found["headline"] = json.loads(component.json)["s"][HEADLINE_OUTPUT][-1]
                elif component.WhichOneof("data") == "bytes":
                    found["sweeps"].add(component.id)
            elif which == "exception":
                found["exception"] = True
        elif kind == "ref_hash" and msg.ref_hash:
            found["sweeps"].add(msg.ref_hash)
        elif kind == "script_finished":
            return (
                headline if headline is not None else float("nan"),
                (time.perf_counter() - start),
                found,
            )


async def timed(ws, event: tuple[str, str], fragment: str, out: dict, cached: set) -> None:
    """One run for a lever event, its times, bytes and errors noted in ``out``."""
    try:
        to_headline, to_end, found = await run_once(ws, event, fragment, cached=cached)
        out["headline"].append(to_headline)
        out["end"].append(to_end)
        out["bytes"].append(found["bytes"])
        if found["exception"]:
            out["errors"].append("exception element")
    except TimeoutError:
        out["errors"].append("run did not finish within 10 s")


async def session(url: str, seconds: float, think: float, out: dict, drag: bool = False) -> None:
    """One simulated user: first run, then lever moves (or drags) until time is up. A drag
    is what the page's lever does: once the page has sent the lever's sweep the view follows
    the thumb in the browser and only the release reaches the server; before that, values
    stream every THROTTLE_S as the release-only design's fallback."""
    try:
        async with websockets.connect(
            url, subprotocols=["streamlit"], max_size=2**26, open_timeout=60
        ) as ws:
            # The first run (every user opening at once) is not a move: it may take longer.
            cached: set[str] = set()
            _, _, found = await run_once(ws, timeout=60, cached=cached)
            lever, fragment = Lever(found["lever"]), found["fragment_id"]
            has_sweep = bool(found["sweeps"])
            end = time.monotonic() + seconds
            step = 0
            while time.monotonic() < end:
                if drag:
                    stop = time.monotonic() + DRAG_S
                    while time.monotonic() < stop:
                        sent = time.monotonic()
                        lever.index += 1 if (step // 20) % 2 == 0 else -1
                        step += 1
                        if has_sweep:  # the browser draws it; nothing is sent
                            await asyncio.sleep(THROTTLE_S)
                            continue
                        await timed(ws, lever.event("drag"), fragment, out, cached)
                        await asyncio.sleep(max(0.0, sent + THROTTLE_S - time.monotonic()))
                    await timed(ws, lever.event("release"), fragment, out, cached)
                    out["drags"] += 1
                else:
                    lever.index += 1 if (step // 20) % 2 == 0 else -1
                    step += 1
                    await timed(ws, lever.event("release"), fragment, out, cached)
                await asyncio.sleep(think)
    except Exception as error:  # a session that cannot connect or run is an error
        out["errors"].append(repr(error)[:120])


async def level(n: int, seconds: float, think: float, drag: bool) -> None:
    """One load level on a fresh server."""
    with serving("app.py") as (http_url, process):
        url = http_url.replace("http", "ws") + "/_stcore/stream"
        out: dict = {"headline": [], "end": [], "errors": [], "drags": 0, "bytes": []}
        warm: dict = {"headline": [], "end": [], "errors": [], "drags": 0, "bytes": []}
        await session(url, 2, 0, warm)  # warm-up
        idle = rss_mb(process.pid)
        cpu, wall = cpu_seconds(process.pid), time.monotonic()
        await asyncio.gather(*(session(url, seconds, think, out, drag) for _ in range(n)))
        cpu_share = (cpu_seconds(process.pid) - cpu) / (time.monotonic() - wall)
        peak = rss_mb(process.pid)
    done = len(out["end"])
    head = np.nanpercentile(out["headline"], [50, 95]) * 1e3 if done else [np.nan] * 2
    end = np.percentile(out["end"], [50, 95]) * 1e3 if done else [np.nan] * 2
    drags = f", drags {out['drags']}" if drag else ""
    sent = np.median(out["bytes"]) / 1e3 if out["bytes"] else float("nan")
    print(
        f"N={n:3d}{' dragging' if drag else ''}: interactions {done:5d} "
        f"({done / seconds:5.1f}/s){drags}, errors {len(out['errors'])}, "
        f"to headline p50 {head[0]:6.0f} p95 {head[1]:6.0f} ms, to end p50 {end[0]:6.0f} "
        f"p95 {end[1]:6.0f} ms, server CPU {cpu_share * 100:4.0f} % of a core "
        f"({cpu_share * 100 / n:.1f} % a user), {sent:.1f} kB a run (median), "
        f"RSS idle {idle:4.0f} MB, after {peak:4.0f} MB, per session {(peak - idle) / n:4.1f} MB"
    )
    for error in out["errors"][:3]:
        print(f"        e.g. {error}")


def main() -> None:
    """Run each load level in turn."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 20, 40])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--drag", action="store_true", help="users drag the lever (2 s)")
    args = parser.parse_args()
    if any(not 1 <= n <= 100 for n in args.sessions) or not 1 <= args.seconds <= 300:
        parser.error("sessions must be 1-100 and seconds 1-300 (this is a bounded test)")
    for n in args.sessions:
        asyncio.run(level(n, args.seconds, args.think, args.drag))


if __name__ == "__main__":
    main()
