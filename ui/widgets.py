"""Small pieces several places of the page share: a chart, the headline, the notices, and
Markdown-safe text."""

from __future__ import annotations

import streamlit as st

from simulator import charts, safety
from simulator.i18n import tr
from simulator.model import Result
from simulator.plausibility import flags
from simulator.report import headlines, later_values, sentence, units_note
from simulator.scenario import Scenario
from ui import runs, state


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


def plain_table(frame, linked: tuple[str, ...] = ()) -> None:
    """A static table whose headers and cells wrap (a wide table needs no sideways scroll)
    and show as plain text: st.table reads Markdown, so every header and cell is escaped;
    the ``linked`` columns (text a link carries, such as saved names) are also defanged."""
    import pandas as pd

    frame = pd.DataFrame(frame)
    shown = pd.DataFrame(
        {
            safety.escape_markdown(str(column)): [
                (escape_md if column in linked else safety.escape_markdown)(str(value))
                for value in frame[column]
            ]
            for column in frame.columns
        }
    )
    st.table(shown, hide_index=True)


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


def headline_view(
    result: Result,
    values: dict[str, float],
    *,
    keys: tuple[str, ...] = (),
    sentence_key: str | None = None,
) -> None:
    """End-year metrics against the baseline and the sentence."""
    lg = state.lang()
    later = runs.pair(
        Scenario.from_mapping(later_values(values), table=state.TABLE).values, state.TABLE
    )
    for flag in flags(result, later=later):  # what the model itself questions, where the eye is
        st.warning(escape_md(flag.text(lg)), icon=":material/report:")
    items = [h for h in headlines(result, lg) if not keys or h.key in keys]
    # The four main numbers, the sentence right after them (on a phone it comes within the
    # first screen), then the other four. Rows are horizontal containers (equal widths by
    # the page's style, two a row on a narrow screen): a third as many elements as columns,
    # which the browser redraws on every lever move.
    metric_row(items[:4], 0)
    with st.container(border=True, key=sentence_key):
        st.markdown(escape_md(sentence(values, result, lg, state.TABLE)))
    metric_row(items[4:], 1)
    note = (
        units_note(values, result, lg, state.TABLE) if any(h.key == "units" for h in items) else ""
    )
    if note:  # the units card's change is fewer than the programme opened: why
        st.caption(escape_md(note))


def metric_row(items: list, row: int) -> None:
    """One row of headline metrics."""
    if not items:
        return
    with st.container(horizontal=True, gap="small", key=state.headline_row_key(row)):
        for item in items:
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
