"""Indonesian as the ministry writes it: every Indonesian string a user reads keeps to the
glossary (data/glossary_id.csv) and shows no code name; the spoken sentence keeps to a few
rules of EYD V."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from simulator import analysis, load_parameters, load_presets
from simulator.datafile import DATA_DIR, read_rows
from simulator.history import load_history
from simulator.i18n import FORMATS, TEXT, UNITS
from simulator.outputs import OUTPUTS
from simulator.plausibility import FLAG_CODES, Flag
from simulator.report import headlines, run_pair, sentence
from tests.strategies import scenarios

TABLE = load_parameters()
GLOSSARY = read_rows(DATA_DIR / "glossary_id.csv", ("concept", "preferred", "avoid", "source"))
CODE_NAMES = sorted({*TABLE, *OUTPUTS}, key=len, reverse=True)
BACKTICKS = re.compile(r"`[^`]*`")
PLACEHOLDERS = re.compile(r"\{[a-z_0-9]*\}")


def methodology() -> str:
    return (DATA_DIR / "methodology_id.md").read_text(encoding="utf-8")


def static_strings() -> dict[str, str]:
    """Every Indonesian string of the translation table and the data files, by where it is."""
    out = {f"i18n:{key}": pair[0] for key, pair in TEXT.items()}
    out |= {f"unit:{key}": pair[0] for key, pair in UNITS.items()}
    out |= {f"format:{key}": pair[0] for key, pair in FORMATS.items()}
    for p in TABLE.values():
        out |= {f"{p.name}:label": p.label_id, f"{p.name}:note": p.note_id}
        out[f"{p.name}:source"] = p.source_id
    for name, preset in load_presets().items():
        out |= {f"preset {name}": preset.label_id, f"preset {name} text": preset.description_id}
    for r in analysis.load_ranges().values():
        out[f"range {r.name}"] = r.reason_id
    for row in read_rows(DATA_DIR / "correlations.csv", ("reason_id",)):
        out[f"correlation line {row.line}"] = row["reason_id"]
    for i, note in enumerate(load_history().table()["note_id"]):
        out[f"history note {i}"] = note
    # The methodology may name the English term once, in italics, and show command-line
    # names in code spans (for analysts).
    page = BACKTICKS.sub("", methodology())
    assert page.count("*baseline*") == 1
    out["methodology"] = page.replace("*baseline*", "")
    return out


def generated_strings(values: dict) -> dict[str, str]:
    """What the page writes for one scenario: sentence, headline texts and every flag."""
    result = run_pair(values)
    out = {"sentence": sentence(values, result, "id")}
    for h in headlines(result, "id"):
        out |= {f"{h.key} label": h.label, f"{h.key} help": h.help, f"{h.key} caption": h.caption}
    return out


def problems(texts: dict[str, str]) -> list[str]:
    """Avoided terms (outside the preferred phrase that contains them) and code names."""
    found = []
    for where, text in texts.items():
        lower = PLACEHOLDERS.sub(" ", text).lower()
        for row in GLOSSARY:
            cleaned = lower.replace(row["preferred"].lower(), " ")
            for term in filter(None, (t.strip().lower() for t in row["avoid"].split(";"))):
                if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", cleaned):
                    found.append(f"{where}: '{term}' (write '{row['preferred']}')")
        for name in CODE_NAMES:
            if "_" in name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                found.append(f"{where}: code name {name}")
    return found


def test_glossary_is_well_formed():
    """Each row names a concept, the preferred term and where the usage comes from."""
    assert len(GLOSSARY) >= 20
    preferred = [row["preferred"] for row in GLOSSARY]
    assert len(set(preferred)) == len(preferred)


def test_every_static_indonesian_string_keeps_to_the_glossary():
    """The translation table, the data files' Indonesian columns and the methodology."""
    assert problems(static_strings()) == []


@pytest.mark.parametrize("name", list(load_presets()))
def test_sentence_and_headline_of_every_preset_keep_to_the_glossary(name):
    """What the page writes for each preset uses the preferred terms and no code name."""
    values = load_presets()[name].scenario.as_dict()
    assert problems(generated_strings(values)) == []


def test_every_flag_keeps_to_the_glossary():
    """Each flag the model can raise, worded in Indonesian."""
    texts = {code: Flag(code, 2030, 2.0, 2023.0).text("id") for code in FLAG_CODES}
    texts["late_beyond"] = Flag("online_target_late", None, 90.0, 2030.0).text("id")
    assert problems(texts) == []


def grammar(text: str) -> list[str]:
    """A few EYD V rules the spoken sentence must keep."""
    found = []
    if text.count("per tahun per tahun") or re.search(r"per tahun[^.,]*per tahun", text):
        found.append("'per tahun' twice in one clause")
    if re.search(r"lebih (tinggi|rendah|besar|kecil) dari\b", text):
        found.append("comparison with 'dari' (write 'daripada')")
    intro = re.match(r"Dengan (.*?), nilai produksi", text)
    if intro:
        parts = intro.group(1).split(", ")
        if len(parts) >= 3 and not parts[-1].startswith("dan "):
            found.append(f"no comma before the last 'dan': {intro.group(1)[:80]}")
        if len(parts) == 2:
            found.append(f"two items joined by a comma, not 'dan': {intro.group(1)[:80]}")
    if re.search(r"\bRp \d|\bUSD \d|\d %", text):
        found.append("space after Rp or USD, or before %")
    return found


@pytest.mark.parametrize("name", list(load_presets()))
def test_sentence_of_every_preset_keeps_the_grammar_rules(name):
    """No doubled 'per tahun', 'daripada' in comparisons, a comma before the last 'dan'."""
    values = load_presets()[name].scenario.as_dict()
    assert grammar(sentence(values, run_pair(values), "id")) == []


@settings(max_examples=40, deadline=None)
@given(scenarios(names=(*TABLE.policy, "online_target_year", "end_year")))
def test_sentence_of_any_scenario_keeps_glossary_and_grammar(values):
    """Random settings of every instrument give a sentence that keeps both."""
    text = sentence(values, run_pair(values), "id")
    assert problems({"sentence": text}) == []
    assert grammar(text) == []


def test_a_term_to_avoid_is_caught():
    """The scan itself works: an avoided term and a code name are reported."""
    assert problems({"x": "Hasil dibanding baseline untuk unit_sales"}) == [
        "x: 'baseline' (write 'skenario dasar')",
        "x: code name unit_sales",
    ]
