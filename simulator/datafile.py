"""The one reader of the project's CSV files (parameters, presets, uncertainty, history,
outputs, and the words of the translation table).

Every data file is read the same way: UTF-8, a header row naming its columns, cells
stripped of surrounding spaces, and a message naming the file (relative to the project),
the line and the column when something is wrong. Results are cached by path and
modification time; the project's own files are then answered from memory without a system
call (a process reads them once; restart it after editing them), other files are checked
for edits on every call.
"""

from __future__ import annotations

import csv
import functools
import io
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

T = TypeVar("T")


class DataFileError(ValueError):
    """A data file is malformed; the message names the file, line and column."""


# Kept under its old name too: callers and tests catch ParameterFileError.
ParameterFileError = DataFileError


def path_label(path: str | Path) -> str:
    """A short name of a data file for messages: relative to the project when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(DATA_DIR.parent))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Row:
    """One data row: its cells by column, and where it stands (for messages)."""

    cells: dict[str, str]
    source: str
    line: int

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    def where(self, column: str | None = None) -> str:
        """'file, line N' or 'file, line N, column 'c'' for a message."""
        at = f"{self.source}, line {self.line}"
        return f"{at}, column '{column}'" if column else at

    def fail(self, message: str, column: str | None = None) -> DataFileError:
        """An error about this row (raise it)."""
        return DataFileError(f"{self.where(column)}: {message}")

    def text(self, column: str, *, required: bool = True) -> str:
        """A text cell; empty is an error when ``required``."""
        value = self.cells[column]
        if required and not value:
            raise self.fail("empty", column)
        return value

    def number(self, column: str, *, required: bool = True) -> float:
        """A finite number in a cell (empty gives NaN when not ``required``)."""
        text = self.cells[column]
        if not text and not required:
            return math.nan
        try:
            value = float(text)
        except ValueError:
            raise self.fail(f"{text!r} is not a number", column) from None
        if not math.isfinite(value):
            raise self.fail(f"{text!r} is not a finite number", column)
        return value

    def choice(self, column: str, allowed: Sequence[str]) -> str:
        """A cell that must be one of ``allowed``."""
        value = self.text(column)
        if value not in allowed:
            raise self.fail(f"{value!r} is not one of {', '.join(allowed)}", column)
        return value


def parse_rows(
    text: str, columns: Sequence[str], source: str, *, strip: bool = True
) -> Iterator[Row]:
    """The rows of CSV ``text`` that must have at least ``columns``; ``source`` names it.

    A quoted cell may hold line breaks (kept as written). Cells lose their surrounding spaces
    unless ``strip`` is false (the translation table keeps a text exactly as written)."""
    # A spreadsheet saving "CSV UTF-8" starts the file with a byte-order mark: not a column.
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        header = reader.fieldnames or []
        missing = [c for c in columns if c not in header]
        if missing:
            raise DataFileError(f"{source}, line 1: missing column(s) {', '.join(missing)}")
        for record in reader:
            line = reader.line_num
            if None in record or any(record.get(c) is None for c in header):
                raise DataFileError(f"{source}, line {line}: wrong number of cells")
            cells = {c: record[c] or "" for c in header}
            yield Row({c: v.strip() for c, v in cells.items()} if strip else cells, source, line)
    except csv.Error as error:  # e.g. a field longer than the csv module reads
        raise DataFileError(f"{source}, line {reader.line_num}: {error}") from None


def read_text(path: str | Path) -> str:
    """The text of a data file; one that cannot be read (missing, a folder, no permission)
    or is not UTF-8 text is a :class:`DataFileError` naming it."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        byte = error.object[error.start]
        raise DataFileError(
            f"{path_label(path)}: not UTF-8 text (byte {error.start + 1} is {byte:#04x})"
        ) from None
    except OSError as error:
        raise DataFileError(
            f"{path_label(path)}: cannot be read ({error.strerror or error})"
        ) from None


def stamp(path: str | Path) -> int:
    """A data file's modification time [ns], a :class:`DataFileError` when it has none."""
    try:
        return Path(path).stat().st_mtime_ns
    except OSError as error:
        raise DataFileError(
            f"{path_label(path)}: cannot be read ({error.strerror or error})"
        ) from None


def read_rows(path: str | Path, columns: Sequence[str]) -> list[Row]:
    """The rows of the CSV file at ``path`` (see :func:`parse_rows`)."""
    path = Path(path)
    return list(parse_rows(read_text(path), columns, path_label(path)))


def cached_loader(parse: Callable[..., T]) -> Callable[..., T]:
    """Wrap ``parse(path, *args)`` so it runs once per (file, modification time, args).

    The wrapped function takes a path (string or Path, project default allowed by the
    caller) and any hashable extra arguments. A path already read with the same arguments is
    answered from memory without touching the disk (no resolve, no stat: a model run reads
    several files, and those system calls cost more than its arithmetic); only the project's
    own files are trusted that way, any other path is checked for edits on every call.
    """

    @functools.lru_cache(maxsize=16)
    def by_stamp(path: str, _mtime_ns: int, *args: Any) -> T:
        return parse(Path(path), *args)

    seen: dict[tuple[Any, ...], T] = {}

    @functools.wraps(parse)
    def load(path: str | Path, *args: Any) -> T:
        key = (path, *args)
        found = seen.get(key)
        if found is not None:
            return found
        resolved = Path(path).resolve()
        value = by_stamp(str(resolved), stamp(resolved), *args)
        if resolved.parent == DATA_DIR:
            seen[key] = value
        return value

    def cache_clear() -> None:
        seen.clear()
        by_stamp.cache_clear()

    load.cache_clear = cache_clear  # type: ignore[attr-defined]
    return load
