"""Small pieces several places of the page share: a chart, the headline, the notices, and
Markdown-safe text."""

from __future__ import annotations

import streamlit as st

from simulator import safety
from simulator.i18n import tr
from simulator.model import Result
from simulator.plausibility import flags
from simulator.report import headlines, sentence
from ui import state


def escape_md(text: str) -> str:
    """Text shown through Markdown as plain text: no character takes a Markdown or HTML
    meaning and no address becomes a live link (anything a link or a visitor supplied may
    reach it)."""
    return safety.plain_markdown(text)


def chart(spec: dict, alt_text: str) -> None:
    """A chart as the page draws it (no Streamlit theme, so exports look the same)."""
    st.vega_lite_chart(spec=spec, width="stretch", theme=None, alt=alt_text)


def notices_view(notices: list[str]) -> None:
    """Every notice in the page language, and a way to dismiss them."""
    lg = state.lang()
    texts = [n.text(lg, state.TABLE) for n in state.link_notices()] + notices
    # A link's text is shown as plain text with its addresses defanged, never as a link,
    # and a link cannot flood the page: a handful of notices, then a count.
    for text in safety.capped(texts, lg):
        st.warning(escape_md(text), icon=":material/warning:")
    if state.link_notices() or state.typed_notices():
        st.button(tr("dismiss", lg), on_click=state.dismiss_notices, type="tertiary")


def headline_view(result: Result, values: dict[str, float], *, keys: tuple[str, ...] = ()) -> None:
    """End-year metrics against the baseline and the sentence."""
    lg = state.lang()
    for flag in flags(result):  # what the model itself questions, where the eye is
        st.warning(escape_md(flag.text(lg)), icon=":material/report:")
    items = [h for h in headlines(result, lg) if not keys or h.key in keys]
    # Rows of four in horizontal containers (equal widths by the page's style, wrapping on
    # narrow screens): a third as many elements as columns, which the browser redraws on
    # every lever move.
    for start in range(0, len(items), 4):
        with st.container(horizontal=True, gap="small", key=state.headline_row_key(start // 4)):
            for item in items[start : start + 4]:
                st.metric(
                    item.label,
                    item.value,
                    delta=item.delta if item.changed else (item.caption or None),
                    delta_color=item.delta_color,
                    delta_arrow="auto" if item.changed else "off",
                    help=item.help,
                    border=True,
                    width="stretch",
                )
    with st.container(border=True):
        st.markdown(escape_md(sentence(values, result, lg, state.TABLE)))
