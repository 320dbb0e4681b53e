"""The longest link the page can legitimately produce, for sizing and testing limits.

Every parameter changed to a value with a long decimal form, in the current scenario and in
each of the eight saved scenarios (the most a link carries), each saved under a 60-character
name of four-byte characters (12 characters each once percent-encoded), English, compare
view. Anything longer is not something the page writes.
"""

from __future__ import annotations

from urllib.parse import urlencode

from simulator import Scenario
from simulator.links import MAX_NAME, MAX_SAVED, to_query
from simulator.params import load_parameters

TABLE = load_parameters()
WIDE_NAME_CHAR = "\U0001f45e"  # 👞: four UTF-8 bytes, the most a character takes


def _every_parameter_changed(fraction: float) -> Scenario:
    """Each parameter at ``fraction`` of its range (a long decimal), or its maximum when
    that is the baseline; shares stay within 100 %."""
    values = {}
    for param in TABLE.values():
        value = param.min + (param.max - param.min) * fraction
        if param.is_integer:
            value = float(round(value))
        if value == param.value:
            value = param.max
        values[param.name] = value
    return Scenario.from_mapping(values, table=TABLE)


def longest_link_pairs() -> list[tuple[str, str]]:
    """Query pairs of the longest legitimate link."""
    current = _every_parameter_changed(0.123456789012345)
    saved = [
        Scenario.from_mapping(
            _every_parameter_changed(0.3123456789012345 - i / 97).as_dict(),
            name=WIDE_NAME_CHAR * MAX_NAME,
            table=TABLE,
        )
        for i in range(MAX_SAVED)
    ]
    return to_query(current, lang="en", view="compare", saved=saved)


def longest_query() -> str:
    """The query string (without '?') of the longest legitimate link."""
    return urlencode(longest_link_pairs())
