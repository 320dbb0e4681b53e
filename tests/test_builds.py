"""The downloads' guard (simulator/builds.py): one build per distinct file, one build at a
time per session, a small cap for the process, and refusals instead of an endless queue."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from simulator.builds import Builds, BusyError, Workers


class Gauge:
    """How many builds run at once, and the most there were."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = self.most = 0

    def __enter__(self) -> None:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)

    def __exit__(self, *exc) -> None:
        with self.lock:
            self.now -= 1


class Builder:
    """A builder that counts its builds (and, on ``gauge``, how many run at once) and
    returns only once the test releases it, so requests are sure to overlap (no sleeps)."""

    def __init__(self, data: bytes = b"file", fail: bool = False, gauge: Gauge | None = None):
        self.data, self.fail = data, fail
        self.gauge = gauge or Gauge()
        self.release = threading.Event()
        self.started = threading.Event()
        self.builds = 0

    def __call__(self) -> bytes:
        with self.gauge:
            self.builds += 1
            self.started.set()
            assert self.release.wait(30), "the test never released the build"
            if self.fail:
                raise ValueError("the builder failed")
            return self.data


def outcome(builds: Builds, key, builder, session: str):
    """The file, or the exception a request ends with."""
    try:
        return builds.get(key, builder, session)
    except Exception as error:  # the outcome is what the test looks at
        return error


def flood(builds: Builds, requests: list[tuple[object, Builder, str]]) -> list:
    """Send every request at once from threads. Once a build has started and every request
    has either been answered or is held by the guard (building or waiting), release the
    builders; return the outcomes in order."""
    builders = {id(b): b for _, b, _ in requests}.values()
    with ThreadPoolExecutor(len(requests)) as pool:
        futures = [pool.submit(outcome, builds, *request) for request in requests]
        pause = threading.Event()
        while not (
            any(b.started.is_set() for b in builders)
            and sum(f.done() for f in futures) + builds.held() >= len(requests)
        ):
            pause.wait(0.005)
        for builder in builders:
            builder.release.set()
        return [f.result(timeout=30) for f in futures]


def test_thirty_identical_requests_cost_one_build():
    """30 requests for one file from one session at once: one build; each request gets the
    file or is refused at once; 30 more afterwards come from the cache, with no build."""
    builds, builder = Builds(), Builder(b"%PDF briefing")
    outcomes = flood(builds, [("pdf", builder, "attacker")] * 30)
    assert builder.builds == 1
    files = [o for o in outcomes if o == b"%PDF briefing"]
    refused = [o for o in outcomes if isinstance(o, BusyError)]
    assert files
    assert len(files) + len(refused) == 30
    again = [builds.get("pdf", builder, "attacker") for _ in range(30)]
    assert again == [b"%PDF briefing"] * 30
    assert builder.builds == 1


def test_requests_from_many_sessions_for_one_file_share_its_build():
    """Two sessions asking for the same file while it is built: one build, both get it."""
    builds, builder = Builds(), Builder()
    outcomes = flood(builds, [("k", builder, "a"), ("k", builder, "b")])
    assert outcomes == [b"file", b"file"]
    assert builder.builds == 1


def test_a_session_builds_one_file_at_a_time_and_queues_at_most_two():
    """One session asking for four different files at once: never two builds at the same
    time for it; one builds, one waits, and the other two are refused, not queued."""
    builds, gauge = Builds(per_session=2), Gauge()
    builders = [Builder(bytes([i]), gauge=gauge) for i in range(4)]
    outcomes = flood(builds, [(f"file{i}", b, "one") for i, b in enumerate(builders)])
    assert gauge.most == 1
    assert sum(b.builds for b in builders) == 2
    assert sum(isinstance(o, bytes) for o in outcomes) == 2
    assert sum(isinstance(o, BusyError) for o in outcomes) == 2, outcomes


def test_the_process_runs_at_most_two_builds_and_refuses_past_its_queue():
    """Ten sessions asking for ten different files at once: at most two build at a time,
    at most four requests are held (two building, two waiting), the rest are refused."""
    builds = Builds(running=2, waiting=2)
    shared = Builder()
    outcomes = flood(builds, [(f"file{i}", shared, f"session{i}") for i in range(10)])
    assert shared.gauge.most == 2
    assert sum(o == b"file" for o in outcomes) == 4
    assert sum(isinstance(o, BusyError) for o in outcomes) == 6


def test_a_failed_build_is_not_kept_and_its_waiters_get_the_error():
    """A builder's error reaches every request waiting for it, and the next request builds
    again (an error is never cached)."""
    builds, failing = Builds(), Builder(fail=True)
    outcomes = flood(builds, [("k", failing, "a"), ("k", failing, "b")])
    assert all(isinstance(o, ValueError) for o in outcomes), outcomes
    good = Builder(b"ok")
    good.release.set()
    assert builds.get("k", good, "a") == b"ok"
    assert good.builds == 1


def test_the_cache_keeps_at_most_its_entries_and_bytes():
    """Over its bounds the cache drops the least recently used file (it is built again
    when asked for); the one just used stays."""
    builds = Builds(max_entries=2, max_bytes=10)
    made: list[str] = []

    def maker(key: str, size: int = 4):
        def build() -> bytes:
            made.append(key)
            return b"x" * size

        return build

    for key in ("a", "b", "a", "c"):  # "a" used again, so "b" is the oldest when "c" comes
        builds.get(key, maker(key), "s")
    builds.get("a", maker("a"), "s")
    builds.get("b", maker("b"), "s")
    assert made == ["a", "b", "c", "b"]
    builds.get("big", maker("big", 11), "s")  # larger than the whole cache: never kept
    builds.get("big", maker("big", 11), "s")
    assert made[-2:] == ["big", "big"]


def test_a_builder_must_return_bytes():
    """A builder that returns text is a programming error, reported as such."""
    builds = Builds()
    with pytest.raises(TypeError):
        builds.get("k", lambda: "text", "s")


@pytest.mark.slow
def test_workers_build_in_processes_of_their_own_at_lower_priority(tmp_path, monkeypatch):
    """A build runs in another process, niced below the server, and starting the workers
    does not run the parent's ``__main__`` again (under Streamlit that is the page script,
    which each worker would otherwise run once in bare mode)."""
    import os
    import sys
    import types

    marker = tmp_path / "page-ran"
    page = tmp_path / "page.py"
    page.write_text(f"open({str(marker)!r}, 'w').close()\n", encoding="utf-8")
    main = types.ModuleType("__main__")
    main.__file__ = str(page)
    monkeypatch.setitem(sys.modules, "__main__", main)
    workers = Workers(size=1, nice=5)
    assert workers.run(os.getpid) != os.getpid()
    assert workers.run(os.nice, 0) >= os.nice(0) + 5
    assert not marker.exists()
    assert sys.modules["__main__"] is main
