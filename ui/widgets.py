"""Small pieces several places of the page share: a chart, the headline, the notices, and
Markdown-safe text."""

from __future__ import annotations

import html

import streamlit as st

from simulator import charts
from simulator.i18n import tr
from simulator.model import Result
from simulator.plausibility import flags
from simulator.report import headlines, sentence
from ui import state


def escape_md(text: str) -> str:
    """Text shown through Markdown with no character taking a Markdown or HTML meaning."""
    text = html.escape(text, quote=False)
    for char in "\\`*_[]#|$~":
        text = text.replace(char, "\\" + char)
    return text


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
    for text in texts:
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
