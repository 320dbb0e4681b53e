"""Hypothesis strategies that span the whole parameter space of data/parameters.csv."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from simulator.params import Parameter, load_parameters

TABLE = load_parameters()


def value_of(param: Parameter) -> st.SearchStrategy[float]:
    """Any allowed value of one parameter, its bounds included."""
    if param.is_integer:
        return st.integers(int(param.min), int(param.max)).map(float)
    return st.one_of(
        st.sampled_from([param.min, param.max, param.value]),
        st.floats(param.min, param.max, allow_nan=False, allow_infinity=False),
    )


@st.composite
def scenarios(draw: st.DrawFn, names: tuple[str, ...] | None = None) -> dict[str, Any]:
    """A valid scenario: any subset of parameters, each anywhere in its range."""
    chosen = (
        names
        if names is not None
        else draw(st.lists(st.sampled_from(list(TABLE)), unique=True, max_size=len(TABLE)))
    )
    values = {name: draw(value_of(TABLE[name])) for name in chosen}
    for group in TABLE.share_groups:
        # Keep the shares in order while they fit; each later one gets at most what is left.
        left = 100.0
        for name in group.names:
            value = values.get(name, TABLE[name].value)
            if value > left:
                values[name] = value = max(0.0, left)
            left -= value
    return values


def full_scenarios() -> st.SearchStrategy[dict[str, Any]]:
    """A scenario that sets every parameter."""
    return scenarios(names=tuple(TABLE))
