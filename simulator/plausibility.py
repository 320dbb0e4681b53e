"""Results the model itself flags: capacity that binds, and numbers no history supports.

A scenario can ask for more than the market or the published record supports: small-
industry exports above a tenth of the whole footwear industry's (the industry association
puts IKM below 10 %), gains that outgrow their market, production many times today's, a
yearly jump larger than any observed, an online target the fastest observed pace cannot
reach, or a target the skenario dasar reaches anyway. Each :class:`Flag` names the case
and the first year it applies, over the years shown; the page words it in the reader's
language next to the headline, the command line prints one ``warning:`` line per flag.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulator import formatting as fmt
from simulator.history import GROWTH, History, load_history
from simulator.i18n import tr
from simulator.model import HORIZON, Result

PRODUCTION_MULTIPLE = 3.0  # production above this multiple of the last observed is flagged
# Policy gains (after their base displacement) above this share of their segment's market
# are flagged: displacement then rises well above its base rate, and the additional sales
# approach their limit.
MARKET_GAIN_LIMIT = 25.0  # [%]
# IKM exports above this share of the whole footwear industry's are flagged: the industry
# association puts the IKM segment "below 10 %" of Indonesia's footwear exports (Aprisindo's
# Secretary General, Media Indonesia Raya, 4 April 2019).
IKM_EXPORT_SHARE_LIMIT = 10.0  # [%]
FLAG_CODES = (
    "policy_after_end",
    "segments_clipped",
    "capacity_full",
    "market_stretched",
    "capacity_later",
    "exports_above_industry",
    "production_multiple",
    "growth_jump",
    "online_target_late",
    "online_target_deadweight",
)
# Flags that mean the scenario's change should not be read as plain good news.
CAUTION = frozenset(FLAG_CODES) - {"online_target_deadweight", "policy_after_end", "capacity_later"}
FULL_PCT = 99.95  # utilisation that counts as all capacity used [%]


@dataclass(frozen=True)
class Flag:
    """One flagged case: its code, the first year it applies and the numbers it quotes."""

    code: str
    year: int | None = None
    value: float = float("nan")
    limit: float = float("nan")
    # capacity_full: the first year all capacity is used (None: not in the years shown);
    # capacity_later: the skenario dasar's first year of unmet demand (None: none to 2050).
    other_year: int | None = None

    def text(self, lang: str) -> str:
        """The flag as a full sentence in ``lang``."""
        key = f"flag_{self.code}"
        if self.code == "online_target_late" and self.year is None:
            key = "flag_online_target_beyond"
        if self.code == "capacity_full" and self.limit < FULL_PCT:
            # Demand first exceeds the capacity of part of the sector while the sector as a
            # whole still has room: said so, with the utilisation the charts show that year.
            key = "flag_capacity_part" if self.other_year is None else "flag_capacity_part_full"
        if self.code == "capacity_later" and self.other_year is None:
            key = "flag_capacity_later_only"
        return tr(key, lang, **self._fields(lang))

    def _fields(self, lang: str) -> dict[str, str]:
        year = "" if self.year is None else str(self.year)
        other = "" if self.other_year is None else str(self.other_year)
        if self.code == "capacity_full":
            return {
                "year": year,
                "value": fmt.rp_tn(self.value, lang),
                "pct": fmt.percent(self.limit, lang),
                "full": other,
            }
        if self.code == "capacity_later":
            return {"year": year, "end": str(int(self.limit)), "base": other, "last": str(HORIZON)}
        if self.code == "market_stretched":
            return {
                "year": year,
                "value": fmt.percent(self.value, lang, 0),
                "limit": fmt.percent(self.limit, lang, 0),
            }
        if self.code == "exports_above_industry":
            return {
                "year": year,
                "value": fmt.usd_mn(self.value, lang),
                "limit": fmt.usd_mn(self.limit, lang),
            }
        if self.code == "production_multiple":
            return {
                "year": year,
                "value": fmt.number(self.value, lang, 1),
                "limit": f"{self.limit:g}",
            }
        if self.code == "growth_jump":
            return {
                "year": year,
                "value": fmt.percent(self.value, lang),
                "limit": fmt.percent(self.limit, lang),
            }
        if self.code == "online_target_late":
            return {
                "value": fmt.percent(self.value, lang, 0),
                "year": year,
                "limit": str(int(self.limit)),
            }
        if self.code == "online_target_deadweight":
            return {
                "value": fmt.percent(self.value, lang, 0),
                "limit": fmt.percent(self.limit, lang, 0),
            }
        return {"year": year, "value": f"{self.value:g}", "limit": f"{self.limit:g}"}


def _first(mask: np.ndarray, years: np.ndarray) -> int | None:
    hits = np.nonzero(mask)[0]
    return int(years[hits[0]]) if hits.size else None


def flags(
    result: Result, row: int = 0, later: Result | None = None, history: History | None = None
) -> list[Flag]:
    """Every flag of scenario ``row`` over the years ``result`` holds; with ``later`` (the
    same scenario and its baseline run to the model's last year), also demand that first
    exceeds capacity after the years shown, when the scenario brings that year forward
    (``history``: the published series, read here when not given; a caller flagging many
    rows passes it)."""
    out: list[Flag] = []
    years = result.years
    diag = {k: float(v[row, 0]) for k, v in result.diagnostics.items()}
    start, end = int(diag["policy_start_year"]), int(years[-1])
    if start > end:
        out.append(Flag("policy_after_end", start, float(start), float(end)))
    if diag.get("unit_output_clipped", 0.0) > 0:
        out.append(Flag("segments_clipped"))
    unmet = result["unmet_demand_rp_tn"][row]
    year = _first(unmet > 1e-6, years)
    if year is not None:
        i = result.index(year)
        utilisation = result["utilisation_pct"][row]
        full = _first(utilisation >= FULL_PCT, years)
        out.append(
            Flag("capacity_full", year, float(unmet[i]), float(utilisation[i]), other_year=full)
        )
    elif later is not None:
        out += _capacity_later(later, row, end)
    stretched = result.paths["market_gain_pct"][row]
    year = _first(stretched > MARKET_GAIN_LIMIT, years)
    if year is not None:
        value = float(stretched[result.index(year)])
        out.append(Flag("market_stretched", year, value, MARKET_GAIN_LIMIT))
    exports = result["exports_usd_mn"][row]
    limit = result.paths["exports_industry_usd_mn"][row] * IKM_EXPORT_SHARE_LIMIT / 100.0
    year = _first(exports > limit, years)
    if year is not None:
        i = result.index(year)
        out.append(Flag("exports_above_industry", year, float(exports[i]), float(limit[i])))
    production = result["production_rp_tn"][row]
    projected = years > result.last_observed
    last = production[min(result.index(min(result.last_observed, end)), len(years) - 1)]
    year = _first(projected & (production > PRODUCTION_MULTIPLE * last), years)
    if year is not None:
        multiple = float(production[result.index(year)] / last)
        out.append(Flag("production_multiple", year, multiple, float(result.last_observed)))
    history = history or load_history()
    largest = max(v for y, v in history.series(GROWTH).items() if y > 2016)
    growth = np.full(len(years), np.nan)
    growth[1:] = 100.0 * (production[1:] / production[:-1] - 1.0)
    year = _first(projected & (growth > largest + 1e-9), years)
    if year is not None:
        out.append(Flag("growth_jump", year, float(growth[result.index(year)]), largest))
    target = diag["online_target"]
    if target > 0:
        share = result["online_share_pct"][row]
        base = result.paths["online_share_base_pct"][row]
        target_year = int(diag["online_target_year"])
        if target_year <= end and base[result.index(target_year)] >= target - 1e-9:
            out.append(
                Flag(
                    "online_target_deadweight",
                    target_year,
                    float(target),
                    float(base[result.index(target_year)]),
                )
            )
        elif target_year <= end and share[result.index(target_year)] < target - 1e-6:
            reached = _first(share >= target - 1e-6, years)
            out.append(Flag("online_target_late", reached, float(target), float(target_year)))
    return out


def _capacity_later(later: Result, row: int, end: int) -> list[Flag]:
    """Demand above capacity after the last year shown, when it comes sooner than in the
    skenario dasar (the skenario dasar's own later limit is no news about this scenario)."""
    unmet = later["unmet_demand_rp_tn"]
    year = _first(unmet[row] > 1e-6, later.years)
    base = _first(unmet[-1] > 1e-6, later.years)
    if year is None or year <= end or (base is not None and base <= year):
        return []
    return [Flag("capacity_later", year, limit=float(end), other_year=base)]


def is_caution(found: list[Flag]) -> bool:
    """True when a flag means the scenario's gains should not be shown as good news."""
    return any(f.code in CAUTION for f in found)
