"""The regions results are split into, declared once in ``data/regions.csv``.

One row per region, in the order results, tables and charts give them, read by the one CSV
reader:

* ``code``: the region's name in results, exports and limits (``jobs_share_<code>``);
* ``share_suffix``: how the parameter table names the region's shares: a row
  ``<group>_share_<share_suffix>`` of ``data/parameters.csv`` is that region's percentage of
  the share group ``<group>`` (``base``: existing units, ``new_units``: programme units,
  ``sales_place``: sales places), whose words are ``shares_<group>`` in the translation table;
* ``label_id``, ``label_en``: the region's name on the page.

The last row is the rest of Indonesia: it has no share rows (empty ``share_suffix``) and takes
what the others leave, so each group's named shares may not exceed 100 % together. Adding a
region is one row here (above the rest) and one ``<group>_share_<suffix>`` row of each share
group in the parameter table; the parameter table refuses a group that misses a region.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from simulator.datafile import (
    DATA_DIR,
    DataFileError,
    cached_loader,
    parse_rows,
    path_label,
    read_text,
)
from simulator.formatting import word_list
from simulator.i18n import pick

REGIONS_CSV = DATA_DIR / "regions.csv"
COLUMNS = ("code", "share_suffix", "label_id", "label_en")


@dataclass(frozen=True)
class Region:
    """One region of the split."""

    code: str
    share_suffix: str  # "" for the rest of Indonesia (the last row)
    label_id: str
    label_en: str

    def label(self, lang: str) -> str:
        """The region's name in ``lang``."""
        return pick(lang, self.label_id, self.label_en)

    def share_name(self, group: str) -> str:
        """The parameter row holding this region's percentage of share group ``group``."""
        return f"{group}_share_{self.share_suffix}"


def parse_regions(text: str, source: str = "regions.csv") -> tuple[Region, ...]:
    """Parse and check the regions' CSV ``text``; ``source`` names the file in messages."""
    regions: list[Region] = []
    seen: dict[str, int] = {}
    rows = list(parse_rows(text, COLUMNS, source))
    for i, row in enumerate(rows):
        code = row.text("code")
        if not code.isidentifier():
            raise row.fail(f"{code!r} is not a valid name", "code")
        suffix = row.text("share_suffix", required=False)
        last = i == len(rows) - 1
        if last and suffix:
            raise row.fail(
                "the last region is the rest of Indonesia and has no share rows (leave it empty)",
                "share_suffix",
            )
        if not last and not suffix:
            raise row.fail(
                "only the last region (the rest of Indonesia) goes without share rows",
                "share_suffix",
            )
        if suffix and not suffix.isidentifier():
            raise row.fail(f"{suffix!r} is not a valid name", "share_suffix")
        for column, value in (("code", code), ("share_suffix", suffix)):
            key = f"{column}:{value}"
            if value and key in seen:
                raise row.fail(f"duplicate {value!r} (first on line {seen[key]})", column)
            seen[key] = row.line
        regions.append(Region(code, suffix, row.text("label_id"), row.text("label_en")))
    if len(regions) < 2:
        raise DataFileError(f"{source}: at least one named region and the rest are needed")
    return tuple(regions)


@cached_loader
def _load(path: Path) -> tuple[Region, ...]:
    return parse_regions(read_text(path), path_label(path))


def load_regions(path: str | Path | None = None) -> tuple[Region, ...]:
    """The regions of a file (the project's own, ``REGIONS_CSV``, by default)."""
    return _load(path or REGIONS_CSV)


def region_label(code: str, lang: str) -> str:
    """The name in ``lang`` of the project's region ``code``."""
    return next(r for r in load_regions() if r.code == code).label(lang)


def region_list(codes: tuple[str, ...] | list[str], lang: str) -> str:
    """Regions named as a list in ``lang`` ("Jawa Barat dan Jawa Timur")."""
    return word_list([region_label(code, lang) for code in codes], lang)
