"""Per-instance limits, in the spirit of Shiny Server's and Posit Connect's: a cap on the
sessions one instance serves, a clear page when it is full, and a cache no visitor clears.

**Sessions.** One instance is one Python process with its two cores' worth of CPU; past
about 40 people moving levers at once the page slows for everyone (bench/load_protocol.py:
p95 0.9 s at 40 sessions on a 2-core machine). :func:`admit` counts the sessions this process
serves (connected ones: Streamlit's runtime says which are still connected) and admits a
new one only below :data:`MAX_SESSIONS` (``IKM_MAX_SESSIONS`` in the environment, 60 by
default: people reading a page cost almost nothing). A session over the cap gets
:func:`full_page`, in the link's language: what happened, that the link stays valid, and a
button to try again; nothing else runs for it. A session that closes frees its place. The
script health check runs in a session of its own that no browser holds: it is always
admitted and not counted, so a full instance still reports that its page runs.

**The cache.** Streamlit clears every cached model run for every user when any connection
sends a "clear cache" message (``BackMsg.clear_cache``; the developer menu sends it, and a
hosted page shows only the viewer menu, ``client.toolbarMode = "viewer"``). There is no
setting for it, so :func:`keep_cache` replaces Streamlit's handler of that message, once per
process, with one that refuses it. It names the handler it replaces and fails loudly if a
Streamlit upgrade renames it (tests/test_capacity.py sends the message and checks the
cache).
"""

from __future__ import annotations

import os
import threading

import streamlit as st
from streamlit.logger import get_logger
from streamlit.runtime import Runtime
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.scriptrunner import get_script_run_ctx

from simulator.i18n import DEFAULT_LANG, LANGS, tr

LOG = get_logger(__name__)
MAX_SESSIONS = int(os.environ.get("IKM_MAX_SESSIONS", "60"))
_lock = threading.Lock()
_admitted: set[str] = set()


def admit() -> bool:
    """True when this session may use the page: it was admitted before, or the instance
    serves fewer than :data:`MAX_SESSIONS` connected sessions (it is admitted now)."""
    context = get_script_run_ctx()
    if context is None or not Runtime.exists():
        return True  # not served by `streamlit run` (AppTest, bare mode)
    runtime = Runtime.instance()
    session = context.session_id
    if not runtime.is_active_session(session):
        return True  # the script health check: no browser holds it
    with _lock:
        _admitted.difference_update({s for s in _admitted if not runtime.is_active_session(s)})
        if session in _admitted:
            return True
        if len(_admitted) < MAX_SESSIONS:
            _admitted.add(session)
            return True
    LOG.info("instance full (%d sessions): a new session was shown the full page", MAX_SESSIONS)
    return False


def link_lang() -> str:
    """The language the link asks for (Indonesian unless ``lang=en``)."""
    chosen = st.query_params.get("lang")
    return chosen if chosen in LANGS else DEFAULT_LANG


def full_page() -> None:
    """The page a session over the cap gets, in the link's language, then nothing else."""
    lang = link_lang()
    st.title(tr("app_title", lang), anchor=False)
    st.warning(tr("full_title", lang), icon=":material/groups:")
    st.markdown(tr("full_text", lang))
    st.button(tr("full_retry", lang), icon=":material/refresh:", type="primary")
    st.stop()


def _refuse_clear_cache(session: AppSession) -> None:
    """Streamlit's handler of a "clear cache" message, replaced: the caches are the
    instance's, shared by every user, and no visitor may empty them."""
    LOG.debug("refused a clear-cache request from session %s", session.id)


def keep_cache() -> None:
    """Replace Streamlit's clear-cache handler (once per process)."""
    name = "_handle_clear_cache_request"
    if getattr(AppSession, name, None) is _refuse_clear_cache:
        return
    if not callable(getattr(AppSession, name, None)):
        raise RuntimeError(f"Streamlit's AppSession has no {name} any more: see ui/capacity.py")
    setattr(AppSession, name, _refuse_clear_cache)
