"""Every output of the model, declared once (PolicyEngine's variables, Mesa's DataCollector).

One :class:`Output` per column of the yearly results: its unit, how many decimals a table
shows, the translation keys of its label, table column and chart axis, how a number of it
is written for a reader, whether it is a headline figure, an estimate, or split by region,
and which direction is good news. The model's column list, the headline cards, tables,
chart axes, exports and analysis pickers all read :data:`OUTPUTS`; no output name or unit
is written anywhere else.

Money is in constant 2016 prices throughout (deflated with BPS consumer prices).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from simulator import formatting as fmt
from simulator.i18n import tr

Formatter = Callable[[float, str], str]

# How a value of each kind is written, and how a change of it is written.
FORMATS: dict[str, tuple[Formatter, Formatter]] = {
    "rp_tn": (fmt.rp_tn, fmt.rp_tn_signed),
    "usd_mn": (fmt.usd_mn, fmt.usd_mn_signed),
    "jobs": (lambda x, lang: fmt.count(x, lang, "jobs"), lambda x, lang: fmt.signed(x, lang)),
    "units": (lambda x, lang: fmt.count(x, lang, "units"), lambda x, lang: fmt.signed(x, lang)),
    "percent": (fmt.percent, fmt.points_signed),
}
AXIS_FORMAT = {
    "rp_tn": ",.1~f",
    "usd_mn": ",.0f",
    "jobs": ",.0f",
    "units": ",.0f",
    "percent": ".0f",
}
AXIS_KEY = {
    "rp_tn": "axis_rp_tn",
    "usd_mn": "axis_usd_mn",
    "jobs": "axis_persons",
    "units": "axis_units",
    "percent": "axis_percent",
}


@dataclass(frozen=True, kw_only=True)
class Output:
    """One output column of the model's yearly results."""

    name: str
    unit: str  # for documentation and exports, English
    kind: str  # a key of FORMATS
    decimals: int
    headline: int | None = None  # position among the headline cards, None if not shown
    estimate: bool = False  # shown apart and labelled as an estimate
    regional: bool = False  # also computed by region
    better: int = 1  # +1 higher is good news, -1 lower is, 0 neither

    @property
    def label_key(self) -> str:
        """Translation key of the short label ("Nilai produksi")."""
        return f"out_{self.name}"

    @property
    def column_key(self) -> str:
        """Translation key of the table column with its unit ("Nilai produksi (Rp triliun)")."""
        return f"col_{self.name}"

    @property
    def axis_key(self) -> str:
        """Translation key of a chart axis title for this output."""
        return AXIS_KEY[self.kind]

    @property
    def axis_format(self) -> str:
        """d3-format of chart axis numbers."""
        return AXIS_FORMAT[self.kind]

    def label(self, lang: str) -> str:
        """The short label in ``lang``."""
        return tr(self.label_key, lang)

    def column(self, lang: str) -> str:
        """The table column heading in ``lang``."""
        return tr(self.column_key, lang)

    def show(self, value: float, lang: str) -> str:
        """A value as a reader of ``lang`` writes it, with its unit."""
        return FORMATS[self.kind][0](value, lang)

    def show_change(self, change: float, lang: str) -> str:
        """A change against the baseline, signed ("+Rp5,40 triliun", "+5,9 persen poin")."""
        return FORMATS[self.kind][1](change, lang)

    def show_change_short(self, change: float, lang: str) -> str:
        """A change for a narrow card, in Babel's compact form ("+Rp2,3 T", "+11,5 rb")."""
        return fmt.compact_signed(change, lang, self.kind)


_ALL = (
    Output(name="production_rp_tn", unit="Rp trillion", kind="rp_tn", decimals=2, headline=0,
           regional=True),
    Output(name="sales_rp_tn", unit="Rp trillion", kind="rp_tn", decimals=2),
    Output(name="online_sales_rp_tn", unit="Rp trillion", kind="rp_tn", decimals=2, headline=5),
    Output(name="value_added_rp_tn", unit="Rp trillion", kind="rp_tn", decimals=2, headline=1),
    Output(name="jobs", unit="persons", kind="jobs", decimals=0, headline=2, regional=True),
    Output(name="jobs_indirect", unit="persons", kind="jobs", decimals=0, estimate=True),
    Output(name="jobs_induced", unit="persons", kind="jobs", decimals=0, estimate=True),
    Output(name="exports_usd_mn", unit="USD million", kind="usd_mn", decimals=1, headline=3),
    Output(name="units", unit="units", kind="units", decimals=0, headline=4, regional=True),
    Output(name="online_units", unit="units", kind="units", decimals=0),
    Output(name="capacity_rp_tn", unit="Rp trillion", kind="rp_tn", decimals=2),
    Output(name="utilisation_pct", unit="%", kind="percent", decimals=1, headline=6, better=0),
    Output(name="demand_rp_tn", unit="Rp trillion", kind="rp_tn", decimals=2),
    Output(name="unmet_demand_rp_tn", unit="Rp trillion", kind="rp_tn", decimals=2, better=-1),
    Output(name="investment_rp_tn", unit="Rp trillion", kind="rp_tn", decimals=2, better=0),
    Output(name="online_share_pct", unit="%", kind="percent", decimals=1),
    Output(name="units_small", unit="units", kind="units", decimals=0),
    Output(name="units_medium", unit="units", kind="units", decimals=0),
    Output(name="production_small_rp_tn", unit="Rp trillion", kind="rp_tn", decimals=2),
    Output(name="production_medium_rp_tn", unit="Rp trillion", kind="rp_tn", decimals=2),
    Output(name="production_other_rp_tn", unit="Rp trillion", kind="rp_tn", decimals=2),
    Output(name="jobs_small", unit="persons", kind="jobs", decimals=0),
    Output(name="jobs_medium", unit="persons", kind="jobs", decimals=0),
    Output(name="programme_cost_rp_tn", unit="Rp trillion", kind="rp_tn", decimals=3,
           headline=7, better=0),
)  # fmt: skip

OUTPUTS: dict[str, Output] = {o.name: o for o in _ALL}
HEADLINES: tuple[Output, ...] = tuple(
    sorted((o for o in _ALL if o.headline is not None), key=lambda o: o.headline or 0)
)
REGIONAL: tuple[Output, ...] = tuple(o for o in _ALL if o.regional)
# The outputs a reader can pick in charts, analyses and goal-seeking (not the plumbing).
MAIN = ("production_rp_tn", "value_added_rp_tn", "jobs", "exports_usd_mn")
PICKABLE = (*MAIN, "units", "online_sales_rp_tn")
