"""The methodology text exists in both languages and covers the discrepancy and the levers."""

from __future__ import annotations

import pytest

from simulator.params import DATA_DIR, load_parameters


@pytest.mark.parametrize(
    ("lang", "gap"), [("en", "about 137,000 units"), ("id", "sekitar 137.000 unit")]
)
def test_methodology_states_the_gap_and_every_lever(lang, gap):
    """Each language states the totals-versus-units gap and names every lever."""
    text = (DATA_DIR / f"methodology_{lang}.md").read_text(encoding="utf-8")
    assert gap in text
    for param in load_parameters().in_group("lever"):
        if param.name != "end_year":
            assert f"`{param.name}`" in text, param.name
    for derived in ("2.2047", "136,786", "3.62", "1.75", "48.57"):
        shown = derived if lang == "en" else derived.replace(",", "_").replace(".", ",")
        assert shown.replace("_", ".") in text, derived
