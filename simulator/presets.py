"""Named policy scenarios from ``data/presets.csv``, each described in both languages.

A preset's ``settings`` cell holds space-separated ``NAME=VALUE`` pairs, parsed by the same
code as the command line, so a preset can never hold a value the model would refuse.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from pathlib import Path

from simulator.datafile import read_text, stamp
from simulator.i18n import pick
from simulator.params import (
    DATA_DIR,
    ParameterFileError,
    ParameterTable,
    load_parameters,
    path_label,
)
from simulator.scenario import Scenario, ScenarioError

PRESETS_CSV = DATA_DIR / "presets.csv"
PRESET_COLUMNS = ("name", "label_id", "label_en", "settings", "description_id", "description_en")
# Presets replaced by another of a different meaning: old name -> (new name, what differs).
# Links carry the scenario's values, not a preset's name, so an old link reopens exactly what
# it showed; the command line maps the old name and says what changed.
REPLACED = {
    "daring_tanpa_investasi": (
        "daring_90",
        "it set investment=0, which stops all investment; 'daring_90' keeps investment as in "
        "the baseline (add --set investment=0 for the old scenario)",
    ),
}


@dataclass(frozen=True, kw_only=True)
class Preset:
    """A named scenario with its label and one-line description in Indonesian and English."""

    name: str
    label_id: str
    label_en: str
    description_id: str
    description_en: str
    scenario: Scenario

    def label(self, lang: str) -> str:
        """The label in ``lang`` ('id' or 'en')."""
        return pick(lang, self.label_id, self.label_en)

    def description(self, lang: str) -> str:
        """The one-line description in ``lang`` ('id' or 'en')."""
        return pick(lang, self.description_id, self.description_en)


def load_presets(
    path: str | Path = PRESETS_CSV, table: ParameterTable | None = None
) -> dict[str, Preset]:
    """Read the presets, in file order; the first must be ``baseline`` with no settings."""
    path = Path(path)
    return _load_cached(str(path.resolve()), stamp(path), table or load_parameters())


@functools.lru_cache(maxsize=8)
def _load_cached(path: str, _mtime_ns: int, table: ParameterTable) -> dict[str, Preset]:
    source = path_label(path)
    try:
        return _parse_presets(read_text(path), source, table)
    except csv.Error as error:  # e.g. a field longer than the csv module reads
        raise ParameterFileError(f"{source}: {error}") from None


def _parse_presets(text: str, source: str, table: ParameterTable) -> dict[str, Preset]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in PRESET_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ParameterFileError(f"{source}, line 1: missing column(s) {', '.join(missing)}")
    presets: dict[str, Preset] = {}
    for record in reader:
        line = reader.line_num
        cells = {c: (record.get(c) or "").strip() for c in PRESET_COLUMNS}
        name = cells["name"]
        if not name.isidentifier() or name in presets:
            raise ParameterFileError(
                f"{source}, line {line}, column 'name': {name!r} is empty, invalid or repeated"
            )
        for column in ("label_id", "label_en", "description_id", "description_en"):
            if not cells[column]:
                raise ParameterFileError(f"{source}, line {line}, column '{column}': empty")
        try:
            scenario = Scenario.from_assignments(cells["settings"].split(), name=name, table=table)
        except ScenarioError as error:
            raise ParameterFileError(f"{source}, line {line}, column 'settings': {error}") from None
        presets[name] = Preset(
            name=name,
            label_id=cells["label_id"],
            label_en=cells["label_en"],
            description_id=cells["description_id"],
            description_en=cells["description_en"],
            scenario=scenario,
        )
    if next(iter(presets), None) != "baseline" or not presets["baseline"].scenario.is_baseline:
        raise ParameterFileError(f"{source}: the first preset must be 'baseline' with no settings")
    return presets
