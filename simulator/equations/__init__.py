"""The model's equations, one small pure function each (pvlib's habit).

Arrays have shape (n scenarios, years) or broadcast to it: parameters enter as (n, 1)
columns, calendar years as a (1, years) row. Units are in brackets; "Rp tn" is Rp trillion
a year in constant 2016 prices. Each function cites where its form or numbers come from;
``tests/test_equations.py`` checks each against numbers worked by hand.

:func:`simulator.model.simulate` composes them, in the order of the modules here:

* :mod:`~simulator.equations.units`: unit conversions (Rp million a month to Rp trillion a
  year, Rp million to trillion, rupiah to dollars), per-unit figures and totals, the policy's
  timing, lags and stocks;
* :mod:`~simulator.equations.calibration`: the ministry's count split into segments and
  replayed on the sector's growth, the investment share and capacity per rupiah;
* :mod:`~simulator.equations.capacity`: capacity with investment and programme units;
* :mod:`~simulator.equations.online`: the diffusion curve and a programme's path;
* :mod:`~simulator.equations.demand`: the trend, gains net of displacement, sales;
* :mod:`~simulator.equations.jobs`: value added, jobs, exports, wider jobs;
* :mod:`~simulator.equations.regions`: the regional split;
* :mod:`~simulator.equations.appraisal`: public cost and present values.

Every function is available here by name (``from simulator import equations as eq;
eq.lagged(...)``).
"""

from simulator.equations.appraisal import discount_weights, present_value, public_cost
from simulator.equations.calibration import (
    Count,
    Segments,
    annual_growth_pct,
    backcast,
    calibrate_capacity_cost,
    count_split,
    growth_index,
    medium_and_other,
    on_index,
    segments,
    small_investment_share,
)
from simulator.equations.capacity import (
    Capacity,
    capacity,
    capacity_for,
    covers_observed,
    floored_change,
    output_at,
    programme_survivors,
    split_investment,
)
from simulator.equations.demand import (
    Additional,
    Gains,
    Sales,
    additional,
    gains,
    market_gain_pct,
    market_share_kept,
    net_of_displacement,
    sales,
    trend_demand,
    uplifted_sales,
)
from simulator.equations.jobs import (
    Jobs,
    direct_jobs,
    exports_usd_mn,
    hoarded_sales,
    jobs,
    productivity_factor,
    supplier_jobs_per_rp,
    unit_output_path,
    units_on_capacity,
    value_added,
    value_added_ratio,
    value_added_rest,
    wider_jobs,
    workers_per_rp,
)
from simulator.equations.online import (
    Adoption,
    diffusion,
    logistic_fit,
    online_adoption,
    online_sales,
    policy_share,
    programme_target,
)
from simulator.equations.regions import (
    hoarded_by_region,
    regions,
    share_sold,
    shares,
    small_sales_by_region,
)
from simulator.equations.units import (
    MONTHS_PER_YEAR,
    RP_MN_PER_TN,
    accumulate,
    fraction,
    from_start,
    kept_share,
    lagged,
    lagged_stock,
    one_off,
    pct,
    per_unit,
    percent_of,
    powers,
    replay,
    restarted,
    rp_tn,
    steady_lagged_stock,
    total,
    units_for,
    usd_mn,
    yearly_rp_tn,
)

__all__ = [
    "MONTHS_PER_YEAR",
    "RP_MN_PER_TN",
    "Additional",
    "Adoption",
    "Capacity",
    "Count",
    "Gains",
    "Jobs",
    "Sales",
    "Segments",
    "accumulate",
    "additional",
    "annual_growth_pct",
    "backcast",
    "calibrate_capacity_cost",
    "capacity",
    "capacity_for",
    "count_split",
    "covers_observed",
    "diffusion",
    "direct_jobs",
    "discount_weights",
    "exports_usd_mn",
    "floored_change",
    "fraction",
    "from_start",
    "gains",
    "growth_index",
    "hoarded_by_region",
    "hoarded_sales",
    "jobs",
    "kept_share",
    "lagged",
    "lagged_stock",
    "logistic_fit",
    "market_gain_pct",
    "market_share_kept",
    "medium_and_other",
    "net_of_displacement",
    "on_index",
    "one_off",
    "online_adoption",
    "online_sales",
    "output_at",
    "pct",
    "per_unit",
    "percent_of",
    "policy_share",
    "powers",
    "present_value",
    "productivity_factor",
    "programme_survivors",
    "programme_target",
    "public_cost",
    "regions",
    "replay",
    "restarted",
    "rp_tn",
    "sales",
    "segments",
    "share_sold",
    "shares",
    "small_investment_share",
    "small_sales_by_region",
    "split_investment",
    "steady_lagged_stock",
    "supplier_jobs_per_rp",
    "total",
    "trend_demand",
    "unit_output_path",
    "units_for",
    "units_on_capacity",
    "uplifted_sales",
    "usd_mn",
    "value_added",
    "value_added_ratio",
    "value_added_rest",
    "wider_jobs",
    "workers_per_rp",
    "yearly_rp_tn",
]
