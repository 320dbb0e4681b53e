"""What has been published since 2016: ``data/history.csv``, read and put in model units.

Each row is one published figure with its year, unit, source (title, address, publisher,
date), its citation in both languages as the ministry writes one (the issuing agency first,
the news site that carried it second: "Kemenperin, siaran pers 4 Januari 2017 (dimuat
Suara.com, 5 Januari 2017)") and a note in both languages. ``kind`` is ``observed`` (a
measurement) or ``projection`` (somebody's forecast, such as Kemenperin's 24.25 for
2017). ``coverage`` says how the model uses it:

* ``model``: the same population and definition as the model output of the same name;
  the baseline replays it (a test holds each within 2 %) and charts draw it as a marker.
* ``input``: a series the model is built from (the sector's real growth, consumer prices,
  the industry's exports, the shares of businesses selling online).
* ``partial``: part of a year only (a month, a half); shown for reference, never used.
* ``context``: another coverage or definition (an older register, the whole industry);
  shown for reference, never used.

Money in current rupiah (``prices = current``) is deflated to 2016 rupiah with the chained
consumer price index of the same file. The sector's real growth is also given as the
production level it implies (Rp 22.98 trillion in 2016 grown at each year's rate), with
``derived`` set, so ``python -m simulator history`` lists both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from simulator.datafile import DATA_DIR, DataFileError, Row, cached_loader, path_label, read_rows

HISTORY_CSV = DATA_DIR / "history.csv"
BASE_YEAR = 2016
COLUMNS = (
    "year",
    "quantity",
    "value",
    "unit",
    "kind",
    "coverage",
    "prices",
    "source_title",
    "source_url",
    "publisher",
    "published",
    "citation_en",
    "citation_id",
    "note_en",
    "note_id",
)
KINDS = ("observed", "projection")
COVERAGES = ("model", "input", "partial", "context")
PRICES = ("", "current", "constant_2016", "constant_2010")
GROWTH = "kbli15_real_growth_pct"
CPI = "cpi_inflation_pct"
ONLINE = "online_share_pct"
INDUSTRY_EXPORTS = "exports_industry_usd_mn"


@dataclass(frozen=True)
class History:
    """The published rows and the series the model is built from.

    ``production_index[year]`` is real production relative to 2016 (1.0 in 2016) for
    every year to ``last_year``, the latest full year of the sector's real growth.
    """

    frame: pd.DataFrame
    last_year: int
    production_index: dict[int, float]
    cpi_index: dict[int, float]
    # Series already read (the rows never change once loaded; a model run reads several, and
    # a pandas filter costs far more than the run's arithmetic).
    _read: dict[tuple[str, str], dict[int, float]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def series(self, quantity: str, coverage: str = "input") -> dict[int, float]:
        """One quantity's observed values by year (2016 prices where money)."""
        key = (quantity, coverage)
        if key not in self._read:
            rows = self.frame[
                (self.frame["quantity"] == quantity)
                & (self.frame["coverage"] == coverage)
                & (self.frame["kind"] == "observed")
            ]
            self._read[key] = dict(
                zip(rows["year"].astype(int), rows["value_2016"].astype(float), strict=True)
            )
        return dict(self._read[key])

    def observed(self, output: str) -> dict[int, float]:
        """Observed values of a model output (coverage ``model``), in the output's units."""
        return self.series(output, "model")

    def projections(self, output: str) -> dict[int, float]:
        """Published projections of a model output, in 2016 prices."""
        rows = self.frame[(self.frame["quantity"] == output) & (self.frame["kind"] == "projection")]
        return dict(zip(rows["year"].astype(int), rows["value_2016"], strict=True))

    def deflate(self, value: float, year: int) -> float:
        """``value`` in current rupiah of ``year`` as 2016 rupiah."""
        return value * 100.0 / self.cpi_index[year]

    def cagr(self, quantity: str, first: int, last: int) -> float:
        """Average yearly growth of an input series between two years [% per year]."""
        values = self.series(quantity)
        return 100.0 * ((values[last] / values[first]) ** (1.0 / (last - first)) - 1.0)

    def table(self) -> pd.DataFrame:
        """Every row with its value in 2016 prices, plus the implied production levels."""
        return self.frame.copy()


def _cpi_index(rows: list[Row]) -> dict[int, float]:
    """December-to-December inflation chained to an index, December 2016 = 100."""
    index = {BASE_YEAR: 100.0}
    inflation = {int(r.number("year")): r.number("value") for r in rows if r["quantity"] == CPI}
    year = BASE_YEAR
    while year + 1 in inflation:
        index[year + 1] = index[year] * (1.0 + inflation[year + 1] / 100.0)
        year += 1
    return index


def parse_history(path: Path) -> History:
    """Read and check the history file; derive the production index and price index."""
    rows = read_rows(path, COLUMNS)
    if not rows:
        raise DataFileError(f"{path_label(path)}: no rows")
    for row in rows:
        row.number("year")
        row.number("value")
        row.choice("kind", KINDS)
        row.choice("coverage", COVERAGES)
        if row["prices"] not in PRICES:
            raise row.fail(f"{row['prices']!r} is not one of {', '.join(PRICES[1:])}", "prices")
        for column in (
            "quantity",
            "unit",
            "source_title",
            "source_url",
            "publisher",
            "citation_en",
            "citation_id",
        ):
            row.text(column)
        if not row["source_url"].startswith(("http://", "https://")):
            raise row.fail("must be a web address", "source_url")
    cpi = _cpi_index(rows)
    growth = {
        int(r.number("year")): r.number("value")
        for r in rows
        if r["quantity"] == GROWTH and r["coverage"] == "input"
    }
    index = {BASE_YEAR: 1.0}
    year = BASE_YEAR
    while year + 1 in growth:
        index[year + 1] = index[year] * (1.0 + growth[year + 1] / 100.0)
        year += 1
    last_year = year
    if last_year == BASE_YEAR:
        raise rows[0].fail(f"no {GROWTH} rows after {BASE_YEAR}", "quantity")

    records = []
    for row in rows:
        year = int(row.number("year"))
        value = row.number("value")
        if row["prices"] == "current":
            if year not in cpi:
                raise row.fail(f"no consumer prices for {year} to deflate with", "prices")
            value_2016 = value * 100.0 / cpi[year]
        else:
            value_2016 = value
        records.append({**row.cells, "year": year, "value": value, "value_2016": value_2016})
    frame = pd.DataFrame(records)
    frame["derived"] = False
    base = frame[
        (frame["quantity"] == "production_rp_tn")
        & (frame["year"] == BASE_YEAR)
        & (frame["kind"] == "observed")
    ]
    if base.empty:
        raise rows[0].fail(f"no observed production_rp_tn for {BASE_YEAR}", "quantity")
    level = float(base["value_2016"].iloc[0])
    growth_rows = frame[frame["quantity"] == GROWTH].set_index("year")
    implied = [
        {
            "year": y,
            "quantity": "production_rp_tn",
            "value": level * index[y],
            "value_2016": level * index[y],
            "unit": "Rp trillion",
            "kind": "observed",
            "coverage": "model",
            "prices": "constant_2016",
            "source_title": f"Rp {level:g} trillion (2016) grown at the real growth of KBLI 15",
            "source_url": growth_rows.loc[y, "source_url"],
            "publisher": "derived from BPS",
            "published": "",
            # The address is the growth figure's: cite it as that row does.
            "citation_en": growth_rows.loc[y, "citation_en"],
            "citation_id": growth_rows.loc[y, "citation_id"],
            "note_en": "Implied by the published real growth of KBLI 15; footwear IKM are "
            "taken to grow as the whole sector.",
            "note_id": "Tersirat dari pertumbuhan riil resmi KBLI 15; IKM alas kaki dianggap "
            "tumbuh seperti seluruh sektor.",
            "derived": True,
        }
        for y in sorted(index)
        if y > BASE_YEAR
    ]
    frame = pd.concat([frame, pd.DataFrame(implied)], ignore_index=True)
    return History(frame=frame, last_year=last_year, production_index=index, cpi_index=cpi)


_load = cached_loader(parse_history)


def load_history(path: str | Path = HISTORY_CSV) -> History:
    """The project's history file (cached), or another one for tests."""
    return _load(path)


def production_path(history: History, production_2016: np.ndarray, years: np.ndarray) -> np.ndarray:
    """Observed production [Rp tn, 2016 prices] for ``years`` up to the last observed year.

    ``production_2016`` is an (n, 1) column; the result has shape (n, len(years)) and is
    NaN after ``history.last_year``.
    """
    index = np.array([history.production_index.get(int(y), np.nan) for y in years])
    return production_2016 * index[None, :]
