"""Download builders behind the process's guard: each distinct file built once, elsewhere.

A download button's ``data`` is a builder Streamlit calls when the browser asks for the file
(in a worker thread, outside the script run), and it used to call it again on every request.
:func:`deferred` makes the button's builder a top-level function and its arguments (results,
values, language, names, link, notes), so that:

- the request goes through :data:`BUILDS` (simulator/builds.py): answered from the cache
  when the same file was built before (the key is the function, its pickled arguments and
  the day, since the briefing prints the date), joined to a build under way, or built now
  within the session's and the process's limits, else refused;
- the build runs in a worker process (:data:`WORKERS`), so vl-convert, which holds Python's
  lock while it draws, never stalls the server's other sessions.

Each build is logged ("download built: ..."), so an operator sees what downloads cost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import threading
import time
from collections.abc import Callable

from streamlit.logger import get_logger
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from simulator.builds import Builds, Workers

LOG = get_logger(__name__)
BUILDS = Builds()  # one per server process, shared by every session
WORKERS = Workers()
_WARM = threading.Event()


def deferred(function: Callable[..., bytes], *args: object) -> Callable[[], bytes]:
    """``function(*args)`` as a download button's ``data``: built at most once per distinct
    call (and day), in a worker process, one build at a time for this session."""
    context = get_script_run_ctx()
    session = context.session_id if context else ""
    name = f"{function.__module__}.{function.__qualname__}"
    day = dt.date.today().isoformat()

    def data() -> bytes:
        key = (name, day, hashlib.sha256(pickle.dumps(args, protocol=5)).hexdigest())
        return BUILDS.get(key, lambda: _built(name, function, args), session)

    return data


def _built(name: str, function: Callable[..., bytes], args: tuple) -> bytes:
    start = time.perf_counter()
    data = WORKERS.run(function, *args)
    LOG.info("download built: %s, %d bytes in %.2f s", name, len(data), time.perf_counter() - start)
    return data


def warm() -> None:
    """Start the workers (each loads vl-convert: seconds) when the download menu first
    opens in this process for a browser's session (not in a test's bare run), so the first
    file asked for does not wait for them."""
    context = get_script_run_ctx()
    if _WARM.is_set() or context is None or not Runtime.exists():
        return
    if Runtime.instance().is_active_session(context.session_id):
        _WARM.set()
        WORKERS.start()
