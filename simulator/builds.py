"""Files built on request, at most once each: the downloads' guard against a flood.

Streamlit builds a download when the browser asks for it, in a worker thread, and used to
build it again on every request (issue 26): one websocket could queue any number of PDF
briefings at about a CPU-second each, and rate limits in front of the app see only the
websocket's opening request. :class:`Builds` puts four bounds on that work:

- **A cache keyed by everything that makes the file** (the caller's key: scenario values,
  language, names, link, notes, the day): a repeated request is answered from memory; at
  most ``max_entries`` files and ``max_bytes`` are kept, the least recently used dropped.
- **One build per key at a time**: a request for a file being built waits for that build
  (single flight) instead of starting another.
- **One build at a time per session**, and at most ``per_session`` requests of one session
  waiting or building; more are refused at once.
- **At most ``running`` builds in the process** (two PDFs keep two cores busy), and at most
  ``running + waiting`` requests building or waiting in all; more are refused at once.

A refused or failed request raises :class:`BusyError` or the builder's error (nothing is cached
for it); the caller's thread is never held longer than ``timeout`` seconds. Waiting requests
hold the caller's thread (Streamlit's default thread pool: a few threads, shared with other
work), which is why the waits are bounded in number. Pure Python, no Streamlit.
"""

from __future__ import annotations

import atexit
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Hashable

RUNNING = 2  # builds at once in the process (a PDF briefing: about a CPU-second each)
WAITING = 2  # requests waiting for a build slot, beyond those building
PER_SESSION = 2  # requests of one session building or waiting
MAX_ENTRIES = 32  # files kept
MAX_BYTES = 64 * 2**20  # bytes kept (a briefing is about 0.3 MB, a chart PNG 0.2 MB)
TIMEOUT_S = 90.0  # the longest a request waits (the browser gives up after 180 s)


class BusyError(RuntimeError):
    """A request refused: its session, or the server, already has as many as allowed."""


class _Flight:
    """One build under way, which requests for the same key wait for."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.data: bytes | None = None
        self.error: BaseException | None = None


class Builds:
    """A bounded cache of built files with single flight, per-session and process limits."""

    def __init__(
        self,
        *,
        running: int = RUNNING,
        waiting: int = WAITING,
        per_session: int = PER_SESSION,
        max_entries: int = MAX_ENTRIES,
        max_bytes: int = MAX_BYTES,
        timeout: float = TIMEOUT_S,
    ) -> None:
        self.running = running
        self.most = running + waiting
        self.per_session = per_session
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.timeout = timeout
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(running)
        self._files: OrderedDict[Hashable, bytes] = OrderedDict()
        self._bytes = 0
        self._flights: dict[Hashable, _Flight] = {}
        self._outstanding = 0
        self._by_session: defaultdict[str, int] = defaultdict(int)
        self._session_locks: dict[str, threading.Lock] = {}
        self.built = 0  # builds started (for tests and the log)

    def get(self, key: Hashable, build: Callable[[], bytes], session: str) -> bytes:
        """The file for ``key``: from the cache, from a build under way, or built now by
        ``build`` (for ``session``); raises :class:`BusyError` when over a limit."""
        with self._lock:
            if key in self._files:
                self._files.move_to_end(key)
                return self._files[key]
            if self._by_session[session] >= self.per_session:
                raise BusyError(f"session has {self.per_session} downloads under way")
            if self._outstanding >= self.most:
                raise BusyError(f"server has {self.most} downloads under way")
            self._outstanding += 1
            self._by_session[session] += 1
            flight = self._flights.get(key)
            owner = flight is None
            if owner:
                flight = self._flights[key] = _Flight()
                session_lock = self._session_locks.setdefault(session, threading.Lock())
        try:
            if not owner:
                if not flight.done.wait(self.timeout):
                    raise BusyError("the same file took too long to build")
                if flight.error is not None:
                    raise flight.error
                return flight.data
            try:
                flight.data = self._build(build, session_lock)
                self._keep(key, flight.data)
                return flight.data
            except BaseException as error:
                flight.error = error
                raise
            finally:
                with self._lock:
                    self._flights.pop(key, None)
                flight.done.set()
        finally:
            with self._lock:
                self._outstanding -= 1
                self._by_session[session] -= 1
                if not self._by_session[session]:
                    del self._by_session[session]
                    self._session_locks.pop(session, None)

    def held(self) -> int:
        """Requests building or waiting now."""
        with self._lock:
            return self._outstanding

    def _build(self, build: Callable[[], bytes], session_lock: threading.Lock) -> bytes:
        """Run ``build`` holding the session's lock and a process-wide slot."""
        if not session_lock.acquire(timeout=self.timeout):
            raise BusyError("this session's previous download took too long")
        try:
            if not self._slots.acquire(timeout=self.timeout):
                raise BusyError("no build slot came free in time")
            try:
                with self._lock:
                    self.built += 1
                data = build()
            finally:
                self._slots.release()
        finally:
            session_lock.release()
        if not isinstance(data, bytes):
            raise TypeError(f"a builder returned {type(data).__name__}, not bytes")
        return data

    def _keep(self, key: Hashable, data: bytes) -> None:
        """Cache ``data`` under ``key``, dropping the least recently used over the bounds."""
        if len(data) > self.max_bytes:
            return
        with self._lock:
            self._files[key] = data
            self._bytes += len(data)
            while len(self._files) > self.max_entries or self._bytes > self.max_bytes:
                _, dropped = self._files.popitem(last=False)
                self._bytes -= len(dropped)


class Workers:
    """Builds run in worker processes of their own, at a lower CPU priority.

    vl-convert, which draws every chart image and the briefing's charts, holds Python's
    global interpreter lock while it draws (0.1-0.5 s a chart, measured): a build in a thread
    of the server froze every session's page runs meanwhile, and the first one also loads
    vl-convert's library (2.4 s with the lock held). In a worker process the server's own
    threads keep running, and ``nice`` lets the operating system give the server the CPU
    first when both want it.

    The ``size`` workers start together ("spawn": fresh interpreters, never a fork of the
    threaded server) on the first build or :meth:`start`, each loading what the builders
    need. A spawned worker would first run the parent's ``__main__`` module again, and under
    Streamlit that is the page script itself (a whole page run, in bare mode, per worker):
    so ``__main__`` is swapped for an empty module while they start. After ``tasks`` builds
    the pool is replaced (whatever a build leaves in memory goes with it); a worker that dies
    (out of memory) fails the builds it had, and the next build starts a new pool.
    """

    def __init__(self, size: int = RUNNING, nice: int = 10, tasks: int = 200) -> None:
        self.size, self.nice, self.tasks = size, nice, tasks
        self._lock = threading.Lock()
        self._pool = None
        self._done = 0

    def _executor(self):
        with self._lock:
            if self._pool is not None and self._done >= self.tasks:
                self._pool.shutdown(wait=False)  # running builds finish; no new ones
                self._pool = None
            if self._pool is None:
                self._pool, self._done = _started_pool(self.size, self.nice), 0
                atexit.register(self._pool.shutdown, wait=False, cancel_futures=True)
            self._done += 1
            return self._pool

    def run(self, function: Callable[..., bytes], *args: object, timeout: float = TIMEOUT_S):
        """``function(*args)`` in a worker; its result, or its error."""
        from concurrent.futures.process import BrokenProcessPool

        pool = self._executor()
        try:
            return pool.submit(function, *args).result(timeout=timeout)
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:
                    self._pool = None
            pool.shutdown(wait=False, cancel_futures=True)
            raise

    def start(self) -> None:
        """Start the workers now, without waiting for them."""
        self._executor()


def _started_pool(size: int, nice: int):
    """A process pool whose ``size`` workers have been started (with ``__main__`` swapped
    for an empty module meanwhile) and are loading the builders' modules."""
    import multiprocessing
    import sys
    import types
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        max_workers=size,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_worker_setup,
        initargs=(nice,),
    )
    with _MAIN_SWAP:
        main = sys.modules.get("__main__")
        empty = types.ModuleType("__main__")
        sys.modules["__main__"] = empty
        try:
            # Each submission while no worker is idle starts one more: all ``size`` now.
            for _ in range(size):
                pool.submit(_ready)
        finally:
            if sys.modules.get("__main__") is empty:  # a page run may have set its own
                sys.modules["__main__"] = main
    return pool


_MAIN_SWAP = threading.Lock()


def _worker_setup(nice: int) -> None:
    """A worker's first step: yield the CPU to the server when both want it, and load what
    the builders need (vl-convert's library takes seconds)."""
    import os

    os.nice(nice)
    import vl_convert  # noqa: F401

    import simulator.files.builders  # noqa: F401


def _ready() -> None:
    """Nothing: a task that makes the pool start a worker."""
