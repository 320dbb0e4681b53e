"""No English left on the Indonesian page (issue 21): the methodology's reconciliation
table names its sources and their coverage in the page's language."""

from __future__ import annotations

import re

import pytest

from simulator import methodology
from simulator.i18n import tr
from simulator.params import load_parameters

TABLE = load_parameters()
ENGLISH = re.compile(r"\b(derived|from|copy|press|release|of|coverage|input|context|partial)\b")


def test_the_reconciliation_sources_are_in_indonesian():
    """Every source of the Indonesian reconciliation table is a publisher's name with the
    coverage in Indonesian words; the sector's implied production is "diturunkan dari data
    BPS", not "derived from BPS (model)"."""
    frame = methodology.reconciliation("id", TABLE)
    sources = [s for s in frame[tr("rec_source", "id")] if s]
    assert sources
    assert [s for s in sources if ENGLISH.search(s)] == []
    coverages = {tr(f"coverage_{c}", "id") for c in ("model", "input", "partial", "context")}
    assert all(re.search(r"\(([^()]*)\)$", s).group(1) in coverages for s in sources)
    assert any(s.startswith(tr("rec_derived", "id")) for s in sources)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_reconciliation_says_which_figure_is_derived(lang):
    """The derived production row is named as derived in either language."""
    frame = methodology.reconciliation(lang, TABLE)
    assert any(s.startswith(tr("rec_derived", lang)) for s in frame[tr("rec_source", lang)])
