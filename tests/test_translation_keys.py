"""Every key of the translation table (data/text.csv) is used by the code (no dead words to
translate), and every key the code asks for exists."""

from __future__ import annotations

import ast
from pathlib import Path

from simulator.i18n import NUMBER_FORMATS, TEXT

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "app.py",
    *(ROOT / "simulator").rglob("*.py"),  # with its packages (charts/, files/, ...)
    *(ROOT / "ui").rglob("*.py"),
    *(ROOT / "deploy").glob("*.py"),  # the link preview
]


def _code_strings() -> tuple[set[str], set[str], set[str]]:
    """String literals, f-string prefixes and f-string suffixes found in the code."""
    literals: set[str] = set()
    prefixes: set[str] = set()
    suffixes: set[str] = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr):
                parts = node.values
                if parts and isinstance(parts[0], ast.Constant):
                    prefixes.add(parts[0].value)
                if parts and isinstance(parts[-1], ast.Constant):
                    suffixes.add(parts[-1].value)
    return literals, prefixes, suffixes


def test_no_translation_key_is_dead():
    """A key is used as a literal, or matches an f-string's fixed start (tr(f"tab_{code}"))
    or fixed end (tr(f"{key}_title")) somewhere in the code."""
    literals, prefixes, suffixes = _code_strings()
    dead = [
        key
        for key in TEXT
        if key not in literals
        and not any(p and key.startswith(p) for p in prefixes)
        and not any(s and key.endswith(s) and key[: -len(s)] in literals for s in suffixes)
    ]
    assert dead == []


def test_every_literal_key_asked_for_exists():
    """Each tr("...") call with a literal key names a key of the table."""
    missing = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) in ("tr", "form")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                key = node.args[0].value
                table = (
                    NUMBER_FORMATS
                    if getattr(node.func, "id", getattr(node.func, "attr", "")) == "form"
                    else TEXT
                )
                if key not in table:
                    missing.append(f"{path.name}: {key}")
    assert missing == []
