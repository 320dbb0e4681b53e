"""Results the model itself flags: capacity that binds, and numbers no history supports.

A scenario can ask for more than the market or the published record supports: small-
industry exports above the whole footwear industry's, production many times today's, a
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
from simulator.model import Result

PRODUCTION_MULTIPLE = 3.0  # production above this multiple of the last observed is flagged
FLAG_CODES = (
    "policy_after_end",
    "segments_clipped",
    "capacity_full",
    "exports_above_industry",
    "production_multiple",
    "growth_jump",
    "online_target_late",
    "online_target_deadweight",
)
# Flags that mean the scenario's change should not be read as plain good news.
CAUTION = frozenset(FLAG_CODES) - {"online_target_deadweight", "policy_after_end"}


@dataclass(frozen=True)
class Flag:
    """One flagged case: its code, the first year it applies and the numbers it quotes."""

    code: str
    year: int | None = None
    value: float = float("nan")
    limit: float = float("nan")

    def text(self, lang: str) -> str:
        """The flag as a full sentence in ``lang``."""
        key = f"flag_{self.code}"
        if self.code == "online_target_late" and self.year is None:
            key = "flag_online_target_beyond"
        return tr(key, lang, **self._fields(lang))

    def _fields(self, lang: str) -> dict[str, str]:
        year = "" if self.year is None else str(self.year)
        if self.code == "capacity_full":
            return {"year": year, "value": fmt.rp_tn(self.value, lang)}
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


def flags(result: Result, row: int = 0, history: History | None = None) -> list[Flag]:
    """Every flag of scenario ``row`` over the years ``result`` holds (``history``: the
    published series, read here when not given; a caller flagging many rows passes it)."""
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
        out.append(Flag("capacity_full", year, float(unmet[result.index(year)])))
    exports = result["exports_usd_mn"][row]
    industry = result.paths["exports_industry_usd_mn"][row]
    year = _first(exports > industry, years)
    if year is not None:
        i = result.index(year)
        out.append(Flag("exports_above_industry", year, float(exports[i]), float(industry[i])))
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


def is_caution(found: list[Flag]) -> bool:
    """True when a flag means the scenario's gains should not be shown as good news."""
    return any(f.code in CAUTION for f in found)
