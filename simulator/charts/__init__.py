"""Altair chart specifications for the page (and, later, for image exports).

Each function takes a paired result (row 0 scenario, row 1 baseline) and a language and
returns an Altair chart whose data holds only the rows it draws. Axis numbers follow the
language through Vega's ``config.locale``; tooltips carry Babel-formatted text. Scenario
and baseline differ by colour (Okabe-Ito blue against grey, safe for colour-blind readers)
and by line style (solid against dashed).

A spec depends only on what it shows and the language, never on the scenario: every number
a lever changes (the years drawn, end-year titles, the policy-start mark, the tornado's
bars, the text alternative's figures) is in a named dataset, and everything that depends on
the drawn width (title lines, year ticks, legend columns) is a Vega expression on it. So a
lever move sends the same spec with new datasets, and Streamlit updates the drawn Vega view
in place instead of embedding the chart afresh (see ``described`` and ``label``).

One module per trade: :mod:`~simulator.charts.theme` (colours, text expressions, the
summary layer, finishing a spec), :mod:`~simulator.charts.lines` (line and sales-split
charts), :mod:`~simulator.charts.regions`, :mod:`~simulator.charts.compare`,
:mod:`~simulator.charts.uncertainty` (fan, tornado), :mod:`~simulator.charts.jobs` (wider
jobs) and :mod:`~simulator.charts.alt_text` (text alternatives). ``charts.X`` keeps naming
what callers use.
"""

from simulator.charts.alt_text import (
    alt_fan,
    alt_list,
    alt_region,
    alt_sales,
    chart_alt_text,
)
from simulator.charts.compare import (
    COMPARE_COLOURS,
    COMPARE_OUTPUTS,
    PICKED,
    compare_chart,
)
from simulator.charts.jobs import (
    wider_jobs_chart,
)
from simulator.charts.lines import (
    LINE_OUTPUTS,
    MONEY_KINDS,
    change_text,
    line_chart,
    line_frame,
    line_key,
    merged_keys,
    published_points,
    sales_split_chart,
)
from simulator.charts.regions import (
    REGION_MEASURES,
    region_chart,
)
from simulator.charts.theme import (
    BASELINE_COLOUR,
    CHART_WIDTH,
    DECORATION_PX,
    DEFAULT_MODE,
    FONT_SIZES,
    LABEL_CHAR_PX,
    LEGEND_INDENT_PX,
    MODE,
    MODES,
    NAME_LINES,
    OBSERVED_COLOUR,
    OFFLINE_COLOUR,
    ONLINE_COLOUR,
    PUBLISHED_COLOUR,
    SCENARIO_COLOUR,
    SHOWN,
    STANDALONE_WIDTH_PX,
    SUMMARY,
    TITLE_CHAR_PX,
    UNMET_COLOUR,
    YEAR_LABEL_PX,
    YEAR_TICKS,
    _finish,
    _literal,
    _summary,
    _summary_field,
    _table,
    compact_label,
    described,
    label,
    legend_columns,
    lines_expr,
    mode_of,
    name_axis,
    name_chars,
    title_texts,
    with_mode,
    wrap_expr,
    wrapped,
)
from simulator.charts.uncertainty import (
    TORNADO_STEP_PX,
    fan_chart,
    fan_shows_change,
    tornado_chart,
    tornado_columns,
)

__all__ = [
    "BASELINE_COLOUR",
    "CHART_WIDTH",
    "COMPARE_COLOURS",
    "COMPARE_OUTPUTS",
    "DECORATION_PX",
    "DEFAULT_MODE",
    "FONT_SIZES",
    "LABEL_CHAR_PX",
    "LEGEND_INDENT_PX",
    "LINE_OUTPUTS",
    "MODE",
    "MODES",
    "MONEY_KINDS",
    "NAME_LINES",
    "OBSERVED_COLOUR",
    "OFFLINE_COLOUR",
    "ONLINE_COLOUR",
    "PICKED",
    "PUBLISHED_COLOUR",
    "REGION_MEASURES",
    "SCENARIO_COLOUR",
    "SHOWN",
    "STANDALONE_WIDTH_PX",
    "SUMMARY",
    "TITLE_CHAR_PX",
    "TORNADO_STEP_PX",
    "UNMET_COLOUR",
    "YEAR_LABEL_PX",
    "YEAR_TICKS",
    "_finish",
    "_literal",
    "_summary",
    "_summary_field",
    "_table",
    "alt_fan",
    "alt_list",
    "alt_region",
    "alt_sales",
    "change_text",
    "chart_alt_text",
    "compact_label",
    "compare_chart",
    "described",
    "fan_chart",
    "fan_shows_change",
    "label",
    "legend_columns",
    "line_chart",
    "line_frame",
    "line_key",
    "lines_expr",
    "merged_keys",
    "mode_of",
    "name_axis",
    "name_chars",
    "published_points",
    "region_chart",
    "sales_split_chart",
    "title_texts",
    "tornado_chart",
    "tornado_columns",
    "wider_jobs_chart",
    "with_mode",
    "wrap_expr",
    "wrapped",
]
