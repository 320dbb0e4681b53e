"""Command line: ``python -m simulator params|run``.

Errors in what the user typed (an unknown parameter or preset, a non-number, a value outside
its range) exit with status 2 and one line on stderr naming the parameter and its allowed
range; nothing is printed on stdout then.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

import pandas as pd

from simulator.model import simulate
from simulator.params import ParameterFileError, load_parameters
from simulator.presets import load_presets
from simulator.scenario import Scenario, ScenarioError

EXIT_USAGE = 2


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

    run = commands.add_parser("run", help="run a scenario (the baseline by default)")
    add_scenario_arguments(run)
    run.add_argument("--table", choices=("years", "regions"), default="years")
    run.add_argument("--format", choices=("csv", "json"), default="csv")
    return parser


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
    if args.preset not in presets:
        raise KeyError(args.preset)
    base = presets[args.preset].scenario
    return Scenario.from_assignments(args.assignments, name=args.preset, base=base.as_dict())


def emit(frame: pd.DataFrame, fmt: str) -> None:
    """Write ``frame`` to stdout as CSV or JSON records."""
    if fmt == "json":
        json.dump(frame.to_dict(orient="records"), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "params":
            emit(load_parameters().frame(), args.format)
            return 0
        scenario = scenario_from_args(args)
    except ScenarioError as error:
        sys.stderr.write(f"error: {error}\n")
        return EXIT_USAGE
    except KeyError as error:
        names = ", ".join(load_presets())
        sys.stderr.write(f"error: unknown preset {error.args[0]!r}; choose one of {names}\n")
        return EXIT_USAGE
    except ParameterFileError as error:
        sys.stderr.write(f"error: {error}\n")
        return 1
    result = simulate(scenario)
    frame = result.table() if args.table == "years" else result.region_table()
    emit(frame.drop(columns="scenario"), args.format)
    return 0
