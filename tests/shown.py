"""What the scenario view shows, read from a page run in AppTest.

The headline cards are drawn in the browser (ui/components/view.js) from the view's state
(the scenario's numbers) and its card recipes, both of which the page sends as component
data; tests/test_view_format.py proves that the browser writes every card exactly as
:func:`simulator.view.evaluate` does. So an AppTest reads the cards a reader sees by
evaluating the same recipes on the same data here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
from streamlit.testing.v1 import AppTest

from simulator import view


@dataclass(frozen=True)
class Card:
    """One headline card as the browser paints it."""

    key: str
    label: str
    value: str
    delta: str  # the change when there is one, else the caption (as st.metric had it)
    changed: bool
    help: str
    total: str


def _components(at: AppTest, name: str) -> list[dict]:
    found = []
    for element in at.get("bidi_component"):
        proto = element.proto
        if proto.component_name == name and proto.WhichOneof("data") == "json":
            found.append(json.loads(proto.json))
    return found


def state(at: AppTest) -> dict:
    """The view's state: the numbers of the scenario the page shows."""
    states = [d for d in _components(at, "ikm_view_data") if "s" in d]
    assert len(states) == 1, len(states)
    return states[0]


def sentence(at: AppTest) -> str:
    """The sentence under the first row of cards."""
    return state(at)["sentence"]


def cards(at: AppTest, part: str | None = None) -> list[Card]:
    """The cards of the view ``part`` (the headline, or the presentation's slide)."""
    views = [d for d in _components(at, "ikm_view") if d["cards"] and part in (None, d["part"])]
    assert len(views) == 1, [d["part"] for d in views]
    config, now = views[0], state(at)
    frame = view.Frame(
        years=np.asarray(now["years"]),
        s={k: np.asarray(v) for k, v in now["s"].items()},
        b={k: np.asarray(v) for k, v in now["b"].items()},
        params=now["params"],
        caution=now["caution"],
        lang=config["lang"],
        a=now["a"],
    )
    out = []
    for recipe in config["cards"]:
        texts = view.card_texts(recipe, frame)
        out.append(
            Card(
                key=recipe["key"],
                label=texts["label"],
                value=texts["value"],
                delta=texts["delta"] if texts["changed"] else texts["caption"],
                changed=texts["changed"],
                help=texts["help"],
                total=texts["total"],
            )
        )
    return out


def charts(at: AppTest) -> list[str]:
    """The ids of the charts the views on the page draw."""
    return [c["id"] for d in _components(at, "ikm_view") for c in d["charts"]]
