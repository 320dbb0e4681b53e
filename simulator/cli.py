"""Command line: ``python -m simulator params|history|run|uncertainty|sensitivity|goal-seek|
contributions|allocate|briefing``.

Errors in what the user typed (an unknown parameter or preset, a non-number, a value outside
its range) exit with status 2 and one line on stderr naming the parameter and its allowed
range; nothing is printed on stdout then. A result the model itself flags (capacity that
binds, exports above the whole industry's, growth no history supports) prints one
``warning: ...`` line per case on stderr and still exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd

from simulator.allocate import GOALS, AllocationError, allocate, parse_limits
from simulator.analysis import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    MAX_DRAWS,
    goal_seek,
    sensitivity,
    uncertainty,
)
from simulator.contributions import CONTRIBUTION_OUTPUTS, contributions
from simulator.datafile import DataFileError
from simulator.history import load_history
from simulator.i18n import DEFAULT_LANG, LANGS, tr
from simulator.links import to_query
from simulator.model import simulate, simulate_pair
from simulator.outputs import OUTPUTS
from simulator.params import load_parameters
from simulator.plausibility import Flag, flags
from simulator.presets import REPLACED, load_presets
from simulator.report import efficiency, later_values
from simulator.scenario import Scenario, ScenarioError, format_value, parse_number

EXIT_USAGE = 2
APP_URL = "http://localhost:8501/"  # where `python run.py app` serves the app
EXIT_OUT_OF_REACH = 3


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line, like our own errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with its subcommands."""
    parser = _Parser(prog="python -m simulator", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    params = commands.add_parser("params", help="print the parameter table")
    params.add_argument("--format", choices=("csv", "json"), default="csv")

    history = commands.add_parser(
        "history", help="print the published figures since 2016, with their sources"
    )
    history.add_argument("--format", choices=("csv", "json"), default="csv")

    run = commands.add_parser("run", help="run a scenario (the baseline by default)")
    add_scenario_arguments(run)
    run.add_argument(
        "--table",
        choices=("years", "regions", "appraisal"),
        default="years",
        help="yearly results, the regional split, or the appraisal: present values over the "
        "ten years from the policy start and the cost per net additional job-year",
    )
    run.add_argument("--format", choices=("csv", "json"), default="csv")

    unc = commands.add_parser("uncertainty", help="Monte Carlo percentiles per year and output")
    add_scenario_arguments(unc)
    unc.add_argument(
        "--draws",
        type=_draws,
        default=DEFAULT_DRAWS,
        help=f"Monte Carlo draws, 1 to {MAX_DRAWS:,} (default {DEFAULT_DRAWS:,}); "
        "about 1 GB of memory at the maximum with end_year=2050",
    )
    unc.add_argument(
        "--seed", type=_seed, default=DEFAULT_SEED, help="random seed, a whole number >= 0"
    )
    unc.add_argument("--format", choices=("csv", "json"), default="csv")

    sens = commands.add_parser("sensitivity", help="each assumption at its low and high")
    add_scenario_arguments(sens)
    sens.add_argument("--output", required=True, choices=tuple(OUTPUTS))
    sens.add_argument("--year", type=int, default=None)
    sens.add_argument("--format", choices=("csv", "json"), default="csv")

    goal = commands.add_parser("goal-seek", help="the lever value that reaches a target")
    add_scenario_arguments(goal)
    goal.add_argument("--target", required=True, metavar="OUTPUT=VALUE")
    goal.add_argument("--year", type=int, required=True)
    goal.add_argument("--lever", required=True, choices=load_parameters().policy)

    split = commands.add_parser(
        "contributions", help="each instrument's share of the effects (Shapley values)"
    )
    add_scenario_arguments(split)
    split.add_argument("--output", choices=CONTRIBUTION_OUTPUTS, default=None)
    split.add_argument("--format", choices=("csv", "json"), default="csv")

    alloc = commands.add_parser(
        "allocate", help="the mix of instruments that does most for a goal within a budget"
    )
    add_scenario_arguments(alloc)
    alloc.add_argument(
        "--budget",
        required=True,
        metavar="RP_TN",
        help="public budget: present value over the 10-year appraisal period [Rp trillion]",
    )
    alloc.add_argument("--goal", required=True, metavar="NAME", help=", ".join(GOALS))
    for bound in ("min", "max"):
        alloc.add_argument(
            f"--{bound}",
            dest=f"limit_{bound}",
            action="append",
            default=[],
            metavar="NAME=VALUE",
            help=f"an instrument's {bound}imum, or jobs_share_<region>=PCT (repeatable)",
        )
    alloc.add_argument(
        "--draws",
        type=_chance_draws,
        default=1000,
        help="Monte Carlo draws for the chance (0: none)",
    )
    alloc.add_argument("--format", choices=("csv", "json"), default="csv")

    brief = commands.add_parser(
        "briefing",
        help="the scenario's briefing as a file: an interactive HTML page that moves offline "
        "(default), or the two-page PDF",
    )
    add_scenario_arguments(brief)
    brief.add_argument("--format", choices=("html", "pdf"), default="html")
    brief.add_argument(
        "--lang", choices=LANGS, default=DEFAULT_LANG, help="the file's language (HTML: the first)"
    )
    brief.add_argument(
        "--title", default=None, help="the scenario's name (default: the preset's, or none)"
    )
    brief.add_argument("--prepared-by", default="", metavar="NAME", help="who prepared it")
    brief.add_argument("--note", default="", help="a note printed under the title")
    brief.add_argument(
        "--app-url",
        default=APP_URL,
        metavar="URL",
        help=f"the app's address, for the link that reopens the scenario (default {APP_URL})",
    )
    brief.add_argument(
        "-o",
        "--out",
        metavar="FILE",
        default=None,
        help="where to write it (default: the file's own name, in the current folder)",
    )
    return parser


def _draws(text: str) -> int:
    value = _whole(text)
    if not 1 <= value <= MAX_DRAWS:
        raise argparse.ArgumentTypeError(
            f"must be between 1 and {MAX_DRAWS:,} (more does not fit one instance's memory)"
        )
    return value


def _chance_draws(text: str) -> int:
    """Draws for the allocation's chance: as --draws, or 0 for none."""
    return 0 if text.strip() == "0" else _draws(text)


def _seed(text: str) -> int:
    value = _whole(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 0, got {text}")
    return value


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None


def warnings_for(scenario: Scenario) -> list[str]:
    """The warning the page gives before any run: a policy that starts after the last
    year shown (``run`` reports it with the model's other flags)."""
    start, end = int(scenario.value("policy_start_year")), int(scenario.value("end_year"))
    if start > end:
        return [Flag("policy_after_end", start, float(start), float(end)).text("en")]
    return []


def add_scenario_arguments(parser: argparse.ArgumentParser) -> None:
    """--preset and --set, shared by every command that runs a scenario."""
    parser.add_argument("--preset", default="baseline", help="a preset from data/presets.csv")
    parser.add_argument(
        "--set",
        dest="assignments",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override one parameter (repeatable); applied on top of the preset",
    )


def scenario_from_args(args: argparse.Namespace) -> Scenario:
    """The scenario named by --preset and --set; raises ScenarioError or KeyError."""
    presets = load_presets()
    name = args.preset
    if name in REPLACED and name not in presets:
        name, why = REPLACED[name]
        sys.stderr.write(f"note: preset {args.preset!r} was replaced by {name!r}: {why}\n")
    if name not in presets:
        raise KeyError(args.preset)
    base = presets[name].scenario
    return Scenario.from_assignments(args.assignments, name=name, base=base.as_dict())


def emit(frame: pd.DataFrame, fmt: str) -> None:
    """Write ``frame`` to stdout as CSV or JSON records."""
    if fmt == "json":
        json.dump(frame.to_dict(orient="records"), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status. A broken data file (unreadable, not UTF-8,
    malformed: a :class:`DataFileError` naming the file and line) exits with status 1 and
    one line on stderr, wherever it is first read (the parser itself reads the parameter
    file for the levers it offers)."""
    try:
        return _main(argv)
    except DataFileError as error:
        sys.stderr.write(f"error: {error}\n")
        return 1


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "params":
            emit(load_parameters().frame(), args.format)
            return 0
        if args.command == "history":
            emit(load_history().table(), args.format)
            return 0
        scenario = scenario_from_args(args)
    except ScenarioError as error:
        sys.stderr.write(f"error: {error}\n")
        return EXIT_USAGE
    except KeyError as error:
        names = ", ".join(load_presets())
        sys.stderr.write(f"error: unknown preset {error.args[0]!r}; choose one of {names}\n")
        return EXIT_USAGE
    if args.command != "run":
        for line in warnings_for(scenario):
            sys.stderr.write(f"warning: {line}\n")
    values = scenario.as_dict()
    if args.command == "uncertainty":
        emit(uncertainty(values, draws=args.draws, seed=args.seed).table(), args.format)
        return 0
    if args.command == "sensitivity":
        end_year = int(scenario.value("end_year"))
        if args.year is not None and not 2016 <= args.year <= end_year:
            sys.stderr.write(f"error: --year must be within 2016-{end_year}\n")
            return EXIT_USAGE
        emit(sensitivity(values, args.output, args.year), args.format)
        return 0
    if args.command == "goal-seek":
        return _goal_seek(args, scenario)
    if args.command == "allocate":
        return _allocate(args, scenario)
    if args.command == "briefing":
        return _briefing(args, scenario)
    if args.command == "contributions":
        outputs = (args.output,) if args.output else CONTRIBUTION_OUTPUTS
        frame = contributions(values, outputs=outputs).table()
        # Blank cells where a row has no such figure (JSON has null, not NaN).
        emit(frame.astype(object).where(frame.notna(), None), args.format)
        return 0
    result = simulate(scenario)
    if args.table == "appraisal":
        emit(appraisal_frame(result), args.format)
    else:
        frame = result.table() if args.table == "years" else result.region_table()
        emit(frame.drop(columns="scenario"), args.format)
    for flag in flags(result):
        sys.stderr.write(f"warning: {flag.text('en')}\n")
    return 0


def appraisal_frame(result) -> pd.DataFrame:
    """One row: the appraisal period, present values, and the two ratios (empty where they
    would mislead: no public money, no net job-years, value added that does not rise)."""
    found = efficiency(result)
    return pd.DataFrame(
        [
            {
                "first_year": found.first_year,
                "last_year": found.last_year,
                "discount_rate_pct": found.rate_pct,
                "pv_cost_rp_tn": found.cost_rp_tn,
                "pv_job_years": found.job_years,
                "pv_value_added_rp_tn": found.value_added_rp_tn,
                "cost_per_job_year_rp_mn": found.cost_per_job_year_rp_mn,
                "value_added_per_rupiah": found.value_added_per_rupiah,
            }
        ]
    )


def _goal_seek(args: argparse.Namespace, scenario: Scenario) -> int:
    """Print the lever value that reaches the target; exit 3 when it is out of reach."""
    output, sep, text = args.target.partition("=")
    if not sep or output not in OUTPUTS:
        sys.stderr.write(
            f"error: --target must be OUTPUT=VALUE with OUTPUT one of {', '.join(OUTPUTS)}\n"
        )
        return EXIT_USAGE
    try:
        target = parse_number(text)
    except ValueError:
        sys.stderr.write(f"error: --target value {text!r} is not a number\n")
        return EXIT_USAGE
    end_year = int(scenario.value("end_year"))
    if not 2016 <= args.year <= end_year:
        sys.stderr.write(f"error: --year must be within 2016-{end_year}\n")
        return EXIT_USAGE
    found = goal_seek(
        scenario.as_dict(), output=output, year=args.year, target=target, lever=args.lever
    )
    if not found.reachable:
        sys.stderr.write(
            f"out of reach: {output} in {args.year} spans {found.range_low:.6g} to "
            f"{found.range_high:.6g} over the range of {args.lever}; the closest is "
            f"{found.reached:.6g} at {args.lever}={found.closest_value:.6g}\n"
        )
        return EXIT_OUT_OF_REACH
    sys.stdout.write(f"{format_value(found.value)}\n")
    return 0


def _allocate(args: argparse.Namespace, scenario: Scenario) -> int:
    """Print the best mix and each instrument alone; exit 3 when no mix fits the budget."""
    try:
        budget = parse_number(args.budget)
    except ValueError:
        budget = args.budget  # worded by the allocation's own message
    try:
        limits = parse_limits(args.limit_min, args.limit_max)
        found = allocate(scenario.as_dict(), budget, args.goal, limits, draws=args.draws)
    except AllocationError as error:
        sys.stderr.write(f"{'no fit' if error.code.startswith('no_fit') else 'error'}: ")
        sys.stderr.write(f"{error.text('en')}\n")
        return EXIT_OUT_OF_REACH if error.code.startswith("no_fit") else EXIT_USAGE
    if args.format == "json":
        json.dump(found.record(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        frame = found.table()
        emit(frame.astype(object).where(frame.notna(), None), args.format)
    return 0


def _briefing(args: argparse.Namespace, scenario: Scenario) -> int:
    """Write the scenario's briefing (HTML or PDF) to a file; print its path and size."""
    # Imported here, not at the top: the file builders bring Altair, fpdf and vl-convert,
    # which every other command (and each `python -m simulator` start) would otherwise load.
    from simulator import session
    from simulator.files import briefing, builders, tables

    if not re.fullmatch(r"https?://[^\s]+", args.app_url):
        sys.stderr.write(f"error: --app-url must be an http(s) address, got {args.app_url!r}\n")
        return EXIT_USAGE
    table = load_parameters()
    values, repairs = session.validated(scenario.full_values(table), table, "en")
    for line in repairs:
        sys.stderr.write(f"note: {line}\n")
    scenario = Scenario.from_mapping(values, name=scenario.name, table=table)
    result = simulate_pair(values, table)
    presets = load_presets()
    titles = {lg: args.title or session.scenario_name(values, presets, table, lg) for lg in LANGS}
    query = to_query(scenario, lang=args.lang, author=args.prepared_by, note=args.note)
    link = args.app_url + ("?" + urlencode(query) if query else "")
    if args.format == "html":
        data = builders.briefing_html(
            result, values, args.lang, titles, link, table, args.prepared_by, args.note
        )
        kind = tr("file_interactive", args.lang)
    else:
        data = builders.briefing_pdf(
            result, values, args.lang, titles[args.lang], link, table, args.prepared_by, args.note
        )
        kind = tr("file_briefing", args.lang)
    title = briefing.scenario_title(titles[args.lang], args.lang)
    path = Path(args.out or tables.file_name(title, kind, args.format))
    try:
        path.write_bytes(data)
    except OSError as error:
        sys.stderr.write(f"error: cannot write {path}: {error.strerror or error}\n")
        return 1
    sys.stdout.write(f"{path} ({len(data):,} bytes)\n")
    later = simulate_pair(later_values(values), table)
    for flag in flags(result, later=later):
        if flag.code != "policy_after_end":  # said before the run
            sys.stderr.write(f"warning: {flag.text('en')}\n")
    return 0
