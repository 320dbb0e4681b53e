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
    for first, second in TABLE.share_pairs:
        a = values.get(first, TABLE[first].value)
        b = values.get(second, TABLE[second].value)
        if a + b > 100:
            # Keep the first share and give the second what is left.
            values[second] = max(0.0, 100.0 - a)
    return values


def full_scenarios() -> st.SearchStrategy[dict[str, Any]]:
    """A scenario that sets every parameter."""
    return scenarios(names=tuple(TABLE))
