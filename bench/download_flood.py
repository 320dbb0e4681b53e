"""One session floods the server with download requests; another keeps moving a lever.

    .venv/bin/python bench/download_flood.py [--requests 30] [--file pdf] [--quiet 12]
        [--root DIR]   # serve another checkout (e.g. the code before issue 26)
        [--varied]     # the attacker asks for every download in turn, not one file

Issue 26, item 1. Starts the app on loopback. An "attacker" session opens the download
menu and asks once for a chart image (as on a server that has served a download before:
vl-convert is loaded). A "victim" session then moves the investment lever once a second
throughout (as bench/load_protocol.py does: the widget state a browser sends, timed to the
end of the run). --quiet seconds later the attacker sends --requests requests for the
briefing PDF (or --file) within a few milliseconds over its websocket, as tests/wsclient.py
speaks the protocol: no browser, so nothing stops it sending the same request again. Prints
the server's CPU time (the server process only; build workers are counted apart) from the
first request until every request is answered, the time that took, the victim's lever move
median and worst while quiet and during the flood (until 2 s after the last answer), the
answers (files, refusals), the builds the server logged, its resident memory, and the
machine's 1-minute load average before and after. Loopback only, bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_test import cpu_seconds, rss_mb  # noqa: E402
from tests.browser import ARTIFACTS, free_port  # noqa: E402
from tests.wsclient import Client  # noqa: E402

MENU = "Unduh"
FILES = {
    "pdf": "Ringkasan kebijakan (PDF)",
    "csv": "Hasil (CSV)",
    "xlsx": "Buku kerja (Excel)",
    "png": "PNG",
    "svg": "SVG",
}
BUILT = "download built"  # the line ui/downloads.py logs for each file it builds


def children(pid: int) -> list[int]:
    """The live child processes of ``pid`` (the build workers), from /proc."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def workers_cpu(pid: int) -> float:
    """CPU time the live children of ``pid`` have used so far [s]."""
    total = 0.0
    for child in children(pid):
        with contextlib.suppress(OSError):
            total += cpu_seconds(child)
    return total


def load1() -> float:
    """The machine's 1-minute load average."""
    return float(Path("/proc/loadavg").read_text().split()[0])


@contextlib.contextmanager
def server(root: Path):
    """`streamlit run app.py` in ``root`` on a free loopback port; yields (url, pid, log)."""
    port = free_port()
    log_path = ARTIFACTS / f"flood-{port}.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "streamlit", "run", "app.py"),
                *("--server.port", str(port), "--server.address", "127.0.0.1"),
                *("--server.headless", "true"),
            ],
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            while True:
                with (
                    contextlib.suppress(OSError),
                    urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer,
                ):
                    if answer.status == 200:
                        break
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the app did not start; see {log_path}")
                time.sleep(0.3)
            yield url.replace("http", "ws", 1) + "/_stcore/stream", process.pid, log_path
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


async def victim(url: str, moves: list, stop: asyncio.Event) -> None:
    """Move the lever once a second until ``stop``; note (start time, seconds) per move."""
    async with Client(url) as client:
        first = await client.run()
        lever = first.lever
        step = 1
        while not stop.is_set():
            started = time.monotonic()
            run = await client.move_lever(lever, step)
            moves.append((started, run.seconds))
            step = -step if len(moves) % 10 == 0 else step
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), max(0.0, started + 1 - time.monotonic()))


async def attack(url: str, args, pid: int, ready: asyncio.Event, go: asyncio.Event) -> dict:
    """Open the download menu and ask once for a chart image (so vl-convert is loaded, as on
    a server that has served downloads before); at ``go`` send the requests, and time them
    and the server's CPU."""
    async with Client(url) as client:
        first = await client.run()
        menu = await client.open_popover(MENU, first)
        await client.answers_to(await client.request_files(menu.downloads[FILES["png"]], 1))
        ready.set()
        await go.wait()
        wanted = list(FILES.values()) if args.varied else [FILES[args.file]]
        ids = [menu.downloads[label] for label in wanted]
        out = {"load_before": load1(), "rss_before": rss_mb(pid)}
        cpu, start = cpu_seconds(pid), time.monotonic()
        workers = workers_cpu(pid)
        sent = []
        for i in range(args.requests):
            sent += await client.request_files(ids[i % len(ids)], 1)
        answers = await client.answers_to(sent, timeout=600)
        out["seconds"] = time.monotonic() - start
        out["cpu"] = cpu_seconds(pid) - cpu
        out["workers_cpu"] = workers_cpu(pid) - workers
        out["start"], out["end"] = start, start + out["seconds"]
        out["files"] = sum(1 for url, error in answers.values() if url and not error)
        out["refused"] = sum(1 for url, error in answers.values() if error)
        out["rss_after"] = rss_mb(pid)
        out["workers_rss"] = sum(rss_mb(child) for child in children(pid))
        out["load_after"] = load1()
        return out


def summary(times: list[float]) -> str:
    if not times:
        return "no moves"
    ms = np.array(times) * 1e3
    return f"median {np.median(ms):5.0f} ms, worst {ms.max():5.0f} ms ({len(ms)} moves)"


async def main_async(args) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    with server(Path(args.root)) as (url, pid, log_path):
        moves: list = []
        stop, ready, go = asyncio.Event(), asyncio.Event(), asyncio.Event()
        attacking = asyncio.create_task(attack(url, args, pid, ready, go))
        await ready.wait()
        primed = log_path.read_text().count(BUILT)
        watching = asyncio.create_task(victim(url, moves, stop))
        await asyncio.sleep(args.quiet)
        go.set()
        flood = await attacking
        await asyncio.sleep(2)
        stop.set()
        await watching
        built = log_path.read_text().count(BUILT) - primed
    settle = 3  # the victim's first moves (its own first runs) are not counted
    quiet = [s for t, s in moves[settle:] if t < flood["start"]]
    during = [s for t, s in moves if flood["start"] <= t <= flood["end"] + 2]
    what = "every download in turn" if args.varied else args.file.upper()
    print(
        f"{args.requests} requests ({what}) from one session: answered in "
        f"{flood['seconds']:.1f} s, server CPU {flood['cpu']:.1f} s (build workers "
        f"{flood['workers_cpu']:.1f} s), "
        f"{flood['files']} files, {flood['refused']} refused, builds logged {built}; "
        f"RSS {flood['rss_before']:.0f} -> {flood['rss_after']:.0f} MB "
        f"(build workers {flood['workers_rss']:.0f} MB); "
        f"load (1 min) {flood['load_before']:.2f} -> {flood['load_after']:.2f}\n"
        f"  victim's lever move, quiet:  {summary(quiet)}\n"
        f"  victim's lever move, flood:  {summary(during)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--file", choices=tuple(FILES), default="pdf")
    parser.add_argument("--varied", action="store_true", help="every download in turn")
    parser.add_argument("--quiet", type=float, default=20.0)
    parser.add_argument("--root", default=str(ROOT), help="the checkout to serve")
    args = parser.parse_args()
    if not 1 <= args.requests <= 200 or not 5 <= args.quiet <= 120:
        parser.error("requests must be 1-200 and quiet 5-120 s (this is a bounded test)")
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
