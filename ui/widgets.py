"""Small pieces several places of the page share: a chart, the model's flags, the notices,
and Markdown-safe text."""

from __future__ import annotations

import streamlit as st

from simulator import charts, safety
from simulator.i18n import tr
from simulator.model import Result
from simulator.plausibility import flags
from ui import state


def escape_md(text: str) -> str:
    """Text shown through Markdown as plain text: no character takes a Markdown or HTML
    meaning and no address becomes a live link (anything a link or a visitor supplied may
    reach it)."""
    return safety.plain_markdown(text)


def chart(spec: dict, alt_text: str) -> None:
    """A chart as the page draws it (no Streamlit theme, so exports look the same). Its
    accessible name is its title; the numbers of ``alt_text`` travel in its data, so the spec
    stays the same across lever moves and Streamlit updates the drawn chart in place."""
    st.vega_lite_chart(
        spec=charts.described(spec, alt_text), width="stretch", theme=None, alt=charts.label(spec)
    )


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


def flags_view(result: Result) -> None:
    """What the model itself questions about the result, where the eye is (above the
    headline numbers)."""
    lg = state.lang()
    for flag in flags(result):
        st.warning(escape_md(flag.text(lg)), icon=":material/report:")
