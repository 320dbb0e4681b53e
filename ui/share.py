"""Copy and share buttons for the link (a Streamlit v2 component: no iframe, no build step).

The code is static and lives in ui/components/share.*; the link and the words reach it as
data and are set as text, never as markup. On a touch screen the copy button is always
visible (Streamlit's own copy icon appears only on mouse hover), and where the browser
offers the Web Share API a second button opens the phone's share sheet. A page served over
plain http (an intranet) gets neither API: the link is then copied from a selected text
field, and a WhatsApp link is offered instead of the share sheet.
"""

from __future__ import annotations

from simulator.i18n import tr
from ui.components import component

_SHARE = component("ikm_share", "share")


def share_buttons(link: str, title: str, text: str, lang: str) -> None:
    """The copy and share buttons for ``link``."""
    _SHARE(
        key="share_buttons",
        data={
            "link": link,
            "title": title,
            "text": text,
            "copyLabel": tr("share_copy", lang),
            "shareLabel": tr("share_native", lang),
            "copiedLabel": tr("share_copied", lang),
            "failedLabel": tr("share_copy_failed", lang),
            "whatsappLabel": tr("share_whatsapp", lang),
            "fieldLabel": tr("share_field", lang),
        },
    )
