"""The page's own notice for a lost connection (ui/components/connection.js).

Meeting Wi-Fi drops and servers restart: Streamlit then shows its English developer dialog
("Connection error ... streamlit run yourscript.py"). The page says instead, in its own
language, that it is reconnecting and that nothing is lost (the scenario is in the link, so
a reloaded or reconnected page shows it again). The words are sent with every page run, so
they are in the browser before the connection goes.
"""

from __future__ import annotations

from simulator.i18n import tr
from ui.components import component

_CONNECTION = component("ikm_connection", "connection")


def connection_notice(lg: str) -> None:
    """The notice's script, with the words of the page language ``lg`` (shown only when
    the connection is down)."""
    _CONNECTION(
        key="connection_notice",
        data={"lang": lg, "title": tr("offline_title", lg), "body": tr("offline_body", lg)},
        height=0,
    )
