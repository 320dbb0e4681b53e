"""Page-side guards: a link Streamlit ignored whole, and errors in the page's language.

**A link Streamlit ignored whole**, so its valid part is kept and the page says so.

Streamlit gives the page no parameters at all when a query string has more than 1,000 fields
or 512 Ki characters (``streamlit.runtime.state.query_params``), and the page cannot tell
that from a bare address. Only the first can happen: a link longer than 64 KB never reaches
the page (nginx and the Ingress answer 414, uvicorn directly 400 near 100 KB;
:data:`simulator.links.MAX_LINK_BYTES`). On a session's first run without parameters, a
small script in the browser (an ``st.components.v2`` component with no markup) looks at the
address itself: when it has more than 1,000 fields, it sends back the size and the entries
whose keys the page knows (every setting, lang and view once, or twice when repeated, and
at most one saved scenario more than a link may carry: saved scenarios cannot crowd a
setting out), a bounded amount; the page opens those settings with a notice naming the size
(:func:`simulator.links.parse_oversized`), and the address bar is cleaned.

**Errors.** With ``client.showErrorDetails = "none"`` Streamlit replaces an uncaught error's
message with a fixed English text ("This app has encountered an error. The original error
message is redacted ...", ``_GENERIC_UNCAUGHT_EXCEPTION_TEXT`` in
``streamlit/elements/exception.py``), set on the server and shown as is by the browser:
no option or hook translates it. :func:`errors_in_page_language` catches errors in the
parts of the page it wraps instead, logs them with their traceback, and shows a short
message in the page's language. Errors outside those parts still get Streamlit's text.

Page-side code (it imports Streamlit); the reading and repairing of links is in
simulator/links.py.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit.logger import get_logger

from simulator.i18n import tr
from simulator.links import (
    MAX_FIELDS,
    MAX_SAVED,
    SCENARIO_KEY,
    LinkState,
    parse_oversized,
)
from simulator.params import ParameterTable

LOG = get_logger(__name__)  # the server log, formatted as Streamlit's own lines

KEY = "_link_guard"
CHECKED = "_link_checked"
MAX_ENTRY = 2048  # characters of one entry sent back (a saved scenario is under 1,500)

# Static code: nothing from the link or a visitor is ever put into it.
_JS = """
export default function ({ data, setTriggerValue }) {
  const raw = window.location.search.replace(/^\\?/, "");
  const fields = raw ? raw.split("&") : [];
  if (fields.length <= data.maxFields) return;
  const known = new Set(data.known);
  // Saved scenarios in order, one more than a link may carry (so the page can say there
  // were too many); every other known key once, or twice when repeated (its first and last
  // value: the last counts, and the page says it was repeated). However many saved
  // scenarios come first, they never push a setting out.
  const saved = [];
  const settings = new Map();
  for (const field of fields) {
    let key;
    try {
      key = decodeURIComponent(field.split("=")[0].replace(/\\+/g, " "));
    } catch (error) {
      continue;
    }
    if (!known.has(key) || field.length > data.maxEntry) continue;
    if (key === data.savedKey) {
      if (saved.length <= data.maxSaved) saved.push(field);
    } else {
      const seen = settings.get(key);
      settings.set(key, seen ? [seen[0], field] : [field]);
    }
  }
  const kept = [...[...settings.values()].flat(), ...saved];
  setTriggerValue("oversized", { fields: fields.length, chars: raw.length, kept: kept.join("&") });
}
"""
_GUARD = st.components.v2.component("ikm_link_guard", js=_JS)


def check_link(table: ParameterTable, open_link: Callable[[LinkState], None]) -> None:
    """On a session's first run, if the page got no parameters, ask the browser whether its
    address held a link too big for Streamlit; if so ``open_link`` opens its valid part."""
    state = st.session_state
    if state.get(CHECKED):
        return
    state[CHECKED] = True
    if st.query_params:
        return
    known = [*table, "lang", "view", SCENARIO_KEY]
    _GUARD(
        key=KEY,
        data={
            "known": known,
            "maxFields": MAX_FIELDS,
            "savedKey": SCENARIO_KEY,
            "maxSaved": MAX_SAVED,
            "maxEntry": MAX_ENTRY,
        },
        on_oversized_change=lambda: _recover(table, open_link),
        height=0,
    )


def _recover(table: ParameterTable, open_link: Callable[[LinkState], None]) -> None:
    """Open what the browser reported and clean the address bar (the page writes the link of
    the state it opened, which leaves out everything it did not read)."""
    report = (st.session_state.get(KEY) or {}).get("oversized")
    if not isinstance(report, dict):
        return
    link = parse_oversized(report.get("kept"), report.get("fields"), report.get("chars"), table)
    if link is not None:
        st.query_params.clear()
        open_link(link)


def errors_in_page_language(lang: Callable[[], str]) -> Callable:
    """A decorator for a part of the page: an error in it is logged with its traceback and
    shown as a short message in ``lang()``'s language (nothing of the error itself);
    Streamlit's own reruns and stops pass through (they are not ``Exception``)."""

    def wrap(draw: Callable) -> Callable:
        @functools.wraps(draw)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                return draw(*args, **kwargs)
            except Exception:
                LOG.exception("error in %s", draw.__name__)
                st.error(tr("err_page", lang()), icon=":material/error:")
                return None

        return guarded

    return wrap
