"""Indonesian as the ministry writes it: every Indonesian string a user reads keeps to the
glossary (data/glossary_id.csv) and shows no code name; the spoken sentence keeps to a few
rules of EYD V."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import example, given, settings

from simulator import analysis, load_parameters, load_presets
from simulator import formatting as fmt
from simulator.datafile import DATA_DIR, read_rows
from simulator.files import briefing
from simulator.history import load_history
from simulator.i18n import NUMBER_FORMATS, TEXT, UNITS, mid_sentence, sentence_start, tr
from simulator.model import simulate_pair
from simulator.outputs import OUTPUTS
from simulator.plausibility import FLAG_CODES, Flag
from simulator.report import goal_words, headlines, sentence, units_note
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
    out |= {f"format:{key}": pair[0] for key, pair in NUMBER_FORMATS.items()}
    for p in TABLE.values():
        out |= {f"{p.name}:label": p.label_id, f"{p.name}:note": p.note_id}
        out[f"{p.name}:source"] = p.source_id
    for name, preset in load_presets().items():
        out |= {f"preset {name}": preset.label_id, f"preset {name} text": preset.description_id}
    for r in analysis.load_ranges().values():
        out[f"range {r.name}"] = r.reason_id
    for row in read_rows(DATA_DIR / "correlations.csv", ("reason_id",)):
        out[f"correlation line {row.line}"] = row["reason_id"]
    history = load_history().table()
    pairs = zip(history["note_id"], history["citation_id"], strict=True)
    for i, (note, citation) in enumerate(pairs):
        out |= {f"history note {i}": note, f"history source {i}": citation}
    # The methodology may name the English term once, in italics, and show command-line
    # names in code spans (for analysts); emphasis marks are not words.
    page = BACKTICKS.sub("", methodology())
    assert page.count("*baseline*") == 1
    out["methodology"] = page.replace("*baseline*", "").replace("*", "")
    return out


def generated_strings(values: dict) -> dict[str, str]:
    """What the page writes for one scenario: sentence, headline texts and every flag."""
    result = simulate_pair(values)
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


# Acronyms EYD V keeps in capitals wherever they stand in a sentence.
ACRONYMS = ("IKM", "IKMA", "BPS", "KBLI", "WUB", "USD", "PDB", "IHK", "ICOR", "ADB", "IMF")


def text_rules(text: str) -> list[str]:
    """Rules every generated text keeps, in either language: a capital letter after each full
    stop, no word said twice in a row, no acronym in lower case, no negative ratio."""
    found = []
    for match in re.finditer(r"[.!?] +([^\s\d“(+−-])", text):
        if match.group(1).islower():
            found.append(
                f"no capital after a full stop: ...{text[match.start() - 20 : match.end()]}"
            )
    doubled = re.search(r"\b(\w+) \1\b", text, re.IGNORECASE)
    if doubled:
        found.append(f"a word twice in a row: {doubled.group(0)!r}")
    words = re.sub(r"https?://\S+", " ", text)  # an address is not a word
    for acronym in ACRONYMS:
        if re.search(rf"(?<![\w/-]){acronym.lower()}(?![\w-])", words):
            found.append(f"acronym in lower case: {acronym.lower()}")
    if re.search(r"[-−]\d[\d.,]* rupiah per rupiah|Rp1 anggaran menghasilkan [^;.]*[-−]\d", text):
        found.append("a negative ratio of value added to public money")
    return found


def grammar(text: str) -> list[str]:
    """The EYD V rules the spoken Indonesian sentence keeps (review of 2026-12-03)."""
    found = text_rules(text)
    for clause in re.split(r"(?<=\.) ", text):
        if clause.count("per tahun") > 1:
            found.append(f"'per tahun' twice in one sentence: {clause[:80]}")
        # "Dengan X, ..., dengan Y": two clauses opened by "dengan" ("sama dengan" is fine).
        if len(re.findall(r"(?:^|, )dengan\b", clause, re.IGNORECASE)) > 1:
            found.append(f"'dengan' twice in one sentence: {clause[:80]}")
    if re.search(r"lebih (tinggi|rendah|besar|kecil) dari\b", text):
        found.append("comparison with 'dari' (write 'daripada')")
    intro = re.match(r"Dengan (.*?), nilai produksi", text)
    if intro:
        parts = intro.group(1).split(", ")
        if len(parts) >= 3 and not parts[-1].startswith("dan "):
            found.append(f"no comma before the last 'dan': {intro.group(1)[:80]}")
        if len(parts) == 2:
            found.append(f"two items joined by a comma, not 'dan': {intro.group(1)[:80]}")
        if re.search(r"\b(di|ter)\w+kan$|\bdi\w+kan\b", parts[0].split(" dan ")[0]):
            found.append(f"'Dengan X di...kan' (an English absolute construction): {parts[0]}")
    if re.search(r"\bRp \d|\bUSD \d|\d %", text):
        found.append("space after Rp or USD, or before %")
    if re.search(r"nilai produksi[^,.]* mencapai [^.]*lebih rendah", text):
        found.append("'mencapai' for production that falls (write 'menjadi')")
    if re.search(r"\(tercapai ", text):
        found.append("telegraphic '(tercapai ...)'")
    if re.search(r"\d{4}(–\d{4})? sebesar\b", text):
        found.append("'sebesar' without a verb")
    if re.search(r"\b(biaya|dana) publik\b", text, re.IGNORECASE):
        found.append("'biaya/dana publik' (write 'anggaran pemerintah')")
    return found


def english(text: str) -> list[str]:
    """The English sentence's rules: those of every text, and a count of one is singular."""
    found = text_rules(text)
    if re.search(r"(?<![\d.,])1 [A-Za-z ]*?units\b", text):
        found.append("'1 ... units' (one unit is singular)")
    return found


@pytest.mark.parametrize("name", list(load_presets()))
def test_sentence_of_every_preset_keeps_the_grammar_rules(name):
    """No doubled 'per tahun' or 'dengan', 'daripada' in comparisons, a comma before the last
    'dan', 'menjadi' for production, no telegraphic aside; the English keeps its own rules."""
    values = load_presets()[name].scenario.as_dict()
    result = simulate_pair(values)
    assert grammar(sentence(values, result, "id")) == []
    assert english(sentence(values, result, "en")) == []


KNOWN = {"investment": 1.0, "new_units": 1.0, "end_year": 2020.0}  # once "per tahun" twice


@settings(max_examples=40, deadline=None)
@example(KNOWN)
@example({"investment": 0.0, "online_adoption": 90.0})  # cost, fewer jobs, less value added
@example({"online_adoption": 100.0, "online_target_year": 2027.0})  # a target not reached
@given(scenarios(names=(*TABLE.policy, "online_target_year", "end_year")))
def test_sentence_of_any_scenario_keeps_glossary_and_grammar(values):
    """Random settings of every instrument (rising and falling production, no cost, a cost
    with fewer jobs) give sentences that keep the glossary and the rules in both languages."""
    result = simulate_pair(values)
    text = sentence(values, result, "id")
    assert problems({"sentence": text}) == []
    assert grammar(text) == []
    assert english(sentence(values, result, "en")) == []


@settings(max_examples=25, deadline=None)
@example(KNOWN)
@given(scenarios())
def test_what_the_briefing_writes_keeps_the_rules_for_any_scenario(values):
    """Any scenario, any assumption: the cost card's caption, what the public money buys,
    the data caveat, the sources, the flags and the units note keep the rules of every
    text (capital after a full stop, acronyms in capitals, no negative ratio)."""
    result = simulate_pair(values)
    for lang in ("id", "en"):
        card = next(h for h in headlines(result, lang) if h.key == "programme_cost_rp_tn")
        texts = [
            card.caption,
            card.help,
            " ".join(briefing.money_lines(result, lang)),
            briefing.caveat(result, lang),
            briefing.sources(lang),
            units_note(values, result, lang),
            *briefing.flag_texts(result, lang),
        ]
        assert [p for text in texts for p in text_rules(text)] == []
        if lang == "id":
            assert problems(dict(enumerate(texts))) == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_briefing_assumptions_begin_their_source_with_a_capital(lang):
    """Each main assumption of the PDF reads "label: value. Source ...": a capital after the
    full stop, whatever case the parameter table's source begins with."""
    for param in TABLE.values():
        line = tr(
            "brief_assumption",
            lang,
            label=param.label(lang),
            value=fmt.param_value(param.value, param.unit, lang),
            source=sentence_start(param.source_text(lang)),
        )
        assert text_rules(line) == [], param.name


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_help_text_says_the_kind_of_a_source_once(lang):
    """Beside "Jenis: asumsi" a source does not begin with "asumsi:" again, and begins with a
    capital."""
    for param in TABLE.values():
        shown = param.source_beside_kind(lang)
        kind = tr(f"kind_{param.kind}", lang)
        assert not re.match(rf"{kind}\s*[:;]", shown, re.IGNORECASE), param.name
        assert shown[:1] == shown[:1].upper(), param.name


@pytest.mark.parametrize("lang", ["id", "en"])
def test_goal_seeking_names_instrument_and_indicator_inside_its_sentence(lang):
    """Every indicator and instrument, reached or out of reach: the instrument is a noun in
    lower case mid-sentence (acronyms kept: "unit usaha IKM"), "per tahun" at most once."""
    for output in analysis.UNCERTAIN_OUTPUTS:
        for lever in TABLE.policy:
            param = TABLE[lever]
            for reachable in (True, False):
                found = analysis.GoalSeek(
                    lever=lever,
                    output=output,
                    year=2030,
                    target=1e9,
                    value=param.max if reachable else None,
                    reached=1.0,
                    closest_value=param.max,
                    range_low=0.5,
                    range_high=1.0,
                )
                text = goal_words(found, lang, TABLE)
                assert text_rules(text) == [], text
                # Inside a sentence a word begins in lower case, unless it is an acronym
                # or a unit (Rp, USD).
                words = text.split(" ")
                inside = [w for before, w in pairwise(words) if not before.endswith(".")]
                assert all(w[:1].islower() or w[:2].isupper() or not w[:1].isalpha()
                           for w in inside if not w.startswith(("Rp", "USD"))), text  # fmt: skip
                if lang == "id":
                    assert all(c.count("per tahun") <= 1 for c in text.split(". ")), text
                    assert problems({"goal": text}) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "Dengan investasi Rp1 triliun per tahun dan 1 unit baru per tahun, nilai produksi "
            "2020 tetap Rp23 triliun.",
            "'per tahun' twice",
        ),
        (
            "Dengan investasi tambahan dihentikan, nilai produksi 2030 menjadi Rp31 triliun.",
            "absolute construction",
        ),
        (
            "Dengan X, nilai produksi 2030 mencapai Rp31 triliun, atau Rp1 triliun lebih rendah "
            "daripada skenario dasar.",
            "'mencapai'",
        ),
        (
            "Dengan target 90% (tercapai 82%), nilai produksi 2030 menjadi Rp31 triliun.",
            "telegraphic",
        ),
        ("Biaya publik 2027–2036 sebesar Rp1 triliun.", "without a verb"),
        (
            "Dengan X, nilai produksi menjadi Rp1 triliun, dengan tambahan 5 orang.",
            "'dengan' twice",
        ),
        ("Nilai produksi naik. sektor tumbuh.", "capital after a full stop"),
        ("Dengan 5 unit usaha ikm baru, nilai produksi tetap.", "lower case: ikm"),
        ("Biaya: nilai tambah -21,4 rupiah per rupiah dana publik.", "negative ratio"),
        ("Dengan unit unit baru, nilai produksi tetap.", "twice in a row"),
    ],
)
def test_each_grammar_rule_catches_its_fault(text, rule):
    """The rules themselves work: each fault the review found is reported."""
    assert any(rule in problem for problem in grammar(text)), grammar(text)


def test_the_english_rule_catches_a_plural_for_one():
    """ "1 new IKM units" is reported; "1 new IKM unit" and "11 new IKM units" are not."""
    assert english("With 1 new IKM units a year, production is Rp 1 trillion.")
    assert english("With 1 new IKM unit a year, production is Rp 1 trillion.") == []
    assert english("With 11 new IKM units a year, production is Rp 1 trillion.") == []


def test_a_label_inside_a_sentence_keeps_its_acronym():
    """Only the first letter is lowered, and not for an acronym."""
    assert mid_sentence("Unit usaha IKM") == "unit usaha IKM"
    assert mid_sentence("IKM alas kaki") == "IKM alas kaki"
    assert mid_sentence("KBLI 15") == "KBLI 15"
    assert mid_sentence("Nilai produksi") == "nilai produksi"


def test_a_term_to_avoid_is_caught():
    """The scan itself works: an avoided term and a code name are reported."""
    assert problems({"x": "Hasil dibanding baseline untuk unit_sales"}) == [
        "x: 'baseline' (write 'skenario dasar')",
        "x: code name unit_sales",
    ]
