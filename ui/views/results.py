"""The results tab: four line charts (the change against the baseline, or the levels) and
sales against capacity, drawn in the browser by the scenario view (ui/view.py)."""

from __future__ import annotations

from simulator import figures
from simulator import view as vm
from simulator.model import Result
from ui import state, view
from ui.views import contributions

CHARTS = tuple(vm.chart_ids(figures.RESULT_LINES, sales=True))


def view_results(page: state.Page, result: Result, values: dict[str, float]) -> None:
    """The charts, two a row (sales against capacity across), with the change/level switch;
    then, for a package, what each instrument contributes."""
    view.draw(page, view.RESULTS, result, values, chart_ids=CHARTS)
    contributions.results_part(page, values)
