"""The scenario view on the page: the headline cards and the results charts, drawn in the
browser (ui/components/view.js) from numbers, so a dragged lever moves them at screen rate.

Three kinds of element, each a Streamlit v2 component:

* the **view** itself (:func:`draw`): what it shows and how, the same for every scenario of a
  language and layout (card and dataset recipes, the formatting rule, the compiled charts),
  so Streamlit sends it once and afterwards only a reference to it;
* the **state** (:func:`data`): the current scenario's numbers, the sentence, the datasets no
  lever changes, each lever's expected sweep key and the values it last took;
* one **sweep** per policy lever (:func:`data`), bytes from :mod:`simulator.sweeps`, sent
  again only when the other values change (an unchanged one goes as a reference).

The state and sweeps sit in a hidden place of their own; the levers find the sweeps on the
window and move the view themselves while they are dragged (ui/components/lever.js).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import streamlit as st

from simulator import charts, sweeps
from simulator import view as vm
from simulator.model import Result
from ui import state
from ui.components import component

_VIEW = component("ikm_view", "view", before=("view_format",), isolate_styles=False)
_DATA = component("ikm_view_data", "view_data")
SWEEPS = sweeps.Cache(size=256)  # every session's sweeps, by the values they hold for
DATA_PLACE = "view_data"  # the hidden container of the state and sweeps (ui/style.py)
RESULTS = "results"
HEAD = "head"
SLIDE = "slide"
Shape = Callable[[dict[str, Any]], dict[str, Any]]


@functools.lru_cache(maxsize=16)
def _config(
    part: str,
    lang: str,
    cards: tuple[str, ...],
    chart_ids: tuple[str, ...],
    split: int,
    sentence_shown: bool,
    layout: str,
    shape: Shape | None,
    spec_of: Callable[[str], dict[str, Any]],
) -> dict[str, Any]:
    specs = []
    for chart_id in chart_ids:
        spec = spec_of(chart_id)
        specs.append((chart_id, shape(spec) if shape is not None else spec))
    return vm.view_config(part, lang, cards, specs, split, sentence_shown, layout)


def draw(
    page: state.Page,
    part: str,
    result: Result,
    values: Mapping[str, float],
    *,
    cards: Sequence[str] = (),
    chart_ids: Sequence[str] = (),
    split: int = 4,
    sentence_shown: bool = False,
    shape: Shape | None = None,
    room: Mapping[str, int] | None = None,
) -> None:
    """One view on the page: ``cards`` (headline outputs, ``split`` of them before the
    sentence) and the charts ``chart_ids``, each spec passed through ``shape`` (the
    presentation's larger text); ``room`` sizes the plots to the window."""
    lg = page.lang

    def spec_of(chart_id: str) -> dict[str, Any]:
        return vm.chart_spec(chart_id, result, values, lg, charts.DEFAULT_MODE)

    layout = "room" if room else "page"
    config = dict(
        _config(
            part, lg, tuple(cards), tuple(chart_ids), split, sentence_shown, layout, shape,
            _SpecOf(spec_of, (lg, tuple(chart_ids), shape)),
        )
    )  # fmt: skip
    config["room"] = dict(room) if room else None
    _VIEW(
        key=state.view_key(part),
        data=config,
        on_mode_change=lambda: _on_mode(part),
    )


def _on_mode(part: str) -> None:
    """The reader chose what the line charts draw, in the view ``part``."""
    state.on_show((st.session_state.get(state.view_key(part)) or {}).get("mode"))


class _SpecOf:
    """A spec builder that caches as its key (the specs depend on it, not on the scenario)."""

    def __init__(self, build: Callable[[str], dict[str, Any]], key: tuple) -> None:
        self.build, self.key = build, key

    def __call__(self, chart_id: str) -> dict[str, Any]:
        return self.build(chart_id)

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _SpecOf) and other.key == self.key


def data(
    page: state.Page,
    place,
    result: Result,
    values: Mapping[str, float],
    chart_ids: Sequence[str],
    *,
    live: bool = True,
    with_sweeps: bool = True,
) -> None:
    """The state of the view (the scenario ``result`` of ``values`` as numbers) and, when
    it is the levers' scenario (``live``), each policy lever's sweep, into ``place``
    (``with_sweeps=False``: the state alone; :func:`sweeps_of` sends the sweeps later)."""
    now = vm.view_state(
        result, values, page.table, page.lang, state.chart_show(), chart_ids, live=live
    )
    now["acks"] = dict(st.session_state.get(state.ACKS, {}))
    with place:
        _DATA(key=state.VIEW_STATE, data=now, height=0)
    if live and with_sweeps:
        sweeps_of(page, place, values)


def sweeps_of(page: state.Page, place, values: Mapping[str, float]) -> None:
    """Each policy lever's sweep around the scenario ``values``, into ``place`` (an
    unchanged one goes as a reference to what the browser holds)."""
    full = {**page.table.defaults, **values}
    outputs = vm.view_outputs(page.lang)
    with place:
        for lever, (_, encoded) in SWEEPS.get(full, outputs, page.table).items():
            _DATA(key=state.sweep_key(lever), data=encoded, height=0)
