"""No English on the Indonesian page and no Indonesian glossary term on the English page
(issues 21 and 24): the methodology text, its computed tables, the sources of the published
figures and the parameter table, in the page's language; every published figure's address
is on the page, as the PDF briefing says."""

from __future__ import annotations

import re

import pytest

from simulator import load_presets, methodology
from simulator.analysis import load_ranges
from simulator.datafile import DATA_DIR, read_rows
from simulator.files import briefing
from simulator.history import load_history
from simulator.i18n import TEXT, tr
from simulator.params import load_parameters

TABLE = load_parameters()
TABLES = ("rec", "src", "d", "route", "ho", "bt")
# Common English words no Indonesian sentence needs (case-sensitive: "AS" is Amerika Serikat).
ENGLISH = re.compile(
    r"\b(the|The|of|and|from|with|by|for|to|is|are|in|on|as|at|derived|copy|press|release|"
    r"coverage|context|partial|published|carried|stated|quoted|compiled|baseline|share|growth|"
    r"units|workers|average|calibration|projection|assumption|figure|source|which|not|only|"
    r"annual|each|year|model output)\b"
)
# Proper names in English the Indonesian page cites as they are written (titles, agencies).
PROPER_NAMES = (
    "Asian Development Bank",
    "Guidelines for the Economic Analysis of Projects",
    "RAND Journal of Economics",
    "U.S. Bureau of Labor Statistics",
    "Consumer Price Index for All Urban Consumers",
    "Entrepreneurship at a Glance",
    "International Financial Statistics",
)
ADDRESS = re.compile(r"https?://\S+")
GLOSSARY = read_rows(DATA_DIR / "glossary_id.csv", ("concept", "preferred", "avoid", "source"))
# Indonesian terms an English reader must not meet: the glossary's preferred terms and the
# words they replaced (quoted Indonesian, in “…” or in italics, is allowed: a source's words
# or a BPS term explained).
INDONESIAN = sorted(
    {row["preferred"].lower() for row in GLOSSARY}
    | {t.strip().lower() for row in GLOSSARY for t in row["avoid"].split(";") if t.strip()}
    - {"baseline", "online", "offline", "e-commerce", "iterasi", "indikator"},
    key=len,
    reverse=True,
)
QUOTED = re.compile(r"“[^”]*”|\*[^*\n]+\*|`[^`]*`")


def page(lang: str) -> dict[str, str]:
    """What the methodology tab shows in ``lang``, by where: the text, each computed table
    with its title, caption, columns and cells, and each parameter's row."""
    out = {"text": (DATA_DIR / f"methodology_{lang}.md").read_text(encoding="utf-8")}
    frames = {
        "rec": methodology.reconciliation(lang, TABLE),
        "src": methodology.history_sources(lang),
        "d": methodology.derived_values(TABLE.defaults, lang, TABLE),
        "route": methodology.routes(TABLE.defaults, lang, TABLE),
        "ho": methodology.holdout_table(lang, TABLE),
        "bt": methodology.backtest_table(lang, TABLE),
    }
    for key, frame in frames.items():
        cells = frame.astype(str).to_numpy().ravel()
        out[key] = " | ".join(
            [tr(f"{key}_title", lang), tr(f"{key}_caption", lang), *frame, *cells]
        )
    for p in TABLE.values():
        out[p.name] = " | ".join(
            [
                p.label(lang),
                tr(f"kind_{p.kind}", lang),
                p.source_beside_kind(lang),
                p.note_text(lang),
            ]
        )
    return out


def english_words(texts: dict[str, str]) -> list[str]:
    """English words in Indonesian texts, outside web addresses, code and cited names."""
    found = []
    for where, text in texts.items():
        text = " ".join(ADDRESS.sub(" ", text).replace("*baseline*", " ").split())
        text = re.sub(r"`[^`]*`", " ", text)
        for name in PROPER_NAMES:
            text = text.replace(name, " ")
        found += [f"{where}: {m.group(0)!r} in ...{text[max(0, m.start() - 30) : m.end() + 30]}"
                  for m in ENGLISH.finditer(text)]  # fmt: skip
    return found


def indonesian_terms(texts: dict[str, str]) -> list[str]:
    """Indonesian glossary terms in English texts, outside quotes, italics and addresses."""
    found = []
    for where, text in texts.items():
        text = QUOTED.sub(" ", ADDRESS.sub(" ", text.replace("**", ""))).lower()
        for term in INDONESIAN:
            if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text):
                found.append(f"{where}: {term!r}")
    return found


def english_texts() -> dict[str, str]:
    """Every English string a reader meets beside the methodology page: the translation
    table and the English columns of the data files."""
    out = {f"i18n:{key}": pair[1] for key, pair in TEXT.items()}
    for name, preset in load_presets().items():
        out[f"preset {name}"] = f"{preset.label_en} {preset.description_en}"
    for r in load_ranges().values():
        out[f"range {r.name}"] = r.reason_en
    history = load_history().table()
    for i, (note, citation) in enumerate(
        zip(history["note_en"], history["citation_en"], strict=True)
    ):
        out[f"history {i}"] = f"{note} {citation}"
    return out


def test_the_indonesian_methodology_page_has_no_english_words():
    """The text, every table (sources and their use included) and the parameter table."""
    assert english_words(page("id")) == []


def test_the_english_pages_have_no_indonesian_glossary_terms():
    """The English methodology, its tables, the parameter table, the translation table and
    the data files' English columns: no "skenario dasar", "tenaga kerja", "provinsi
    lainnya"... except inside quotes or italics."""
    assert indonesian_terms({**page("en"), **english_texts()}) == []


def test_the_scans_catch_what_they_look_for():
    """An English word on the Indonesian page and an Indonesian term on the English page are
    reported; a cited English title and a quoted Indonesian phrase are not."""
    assert english_words({"x": "derived from BPS (model)"})
    assert english_words({"x": "Asian Development Bank, Guidelines for the Economic Analysis of "
                                "Projects"}) == []  # fmt: skip
    assert indonesian_terms({"x": "is reached in the skenario dasar anyway"})
    assert indonesian_terms({"x": "BPS's *tenaga kerja* counts everyone"}) == []


def test_the_reconciliation_gives_its_sources_and_their_use_in_the_pages_language():
    """Every source of the Indonesian reconciliation is a citation with the agency first and
    its use in Indonesian words; the sector's implied production is "Turunan dari ..."."""
    frame = methodology.reconciliation("id", TABLE)
    shown = frame[frame[tr("rec_source", "id")] != ""]
    assert not shown.empty
    uses = {tr(f"coverage_{c}", "id") for c in ("model", "input", "partial", "context")}
    assert set(shown[tr("rec_use", "id")]) <= uses
    sources = list(shown[tr("rec_source", "id")])
    assert any(s == tr("rec_derived", "id") for s in sources)
    agencies = ("Kemenperin", "Ditjen", "Dirjen", "BPS", "Menteri", "Turunan")
    assert all(s.startswith(agencies) for s in sources), sources


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_reconciliation_says_which_figure_is_derived(lang):
    """The derived production row is named as derived in either language."""
    frame = methodology.reconciliation(lang, TABLE)
    assert any(s == tr("rec_derived", lang) for s in frame[tr("rec_source", lang)])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_published_figure_has_its_address_on_the_methodology_page(lang):
    """The sources table lists each row of the history file (derived rows excepted: their
    address is the growth figure's) with its citation and its address, so the briefing's
    "the title and address of every data source are on the Methodology page" is true."""
    history = load_history().table()
    published = history[~history["derived"].astype(bool)]
    frame = methodology.history_sources(lang)
    assert len(frame) == len(published)
    assert list(frame[tr("src_address", lang)]) == list(published["source_url"])
    assert all(u.startswith(("https://", "http://")) for u in frame[tr("src_address", lang)])
    assert all(frame[tr("rec_source", lang)].str.len() > 0)
    said = briefing.sources(lang)
    assert tr("src_title", lang) in said
    assert tr("tab_method", lang) in said


def test_the_issuing_agency_is_cited_before_the_news_site():
    """Every citation begins with who issued the figure ("Kemenperin, siaran pers ...",
    "BPS, Indeks Harga Konsumen") and names the site that carried it only after, in
    brackets ("(dimuat Suara.com, 5 Januari 2017)"), never the site alone."""
    issuers = ("Kemenperin", "Ditjen IKM", "Dirjen IKMA", "BPS", "Menteri Perindustrian",
               "Kementerian Perdagangan", "U.S. Bureau of Labor Statistics")  # fmt: skip
    history = load_history().table()
    for citation, url in zip(history["citation_id"], history["source_url"], strict=True):
        assert citation.startswith(issuers), citation
        site = re.sub(r"^(www|m|amp|ekonomi|bisnis|money|market)\.", "", url.split("/")[2])
        name = site.split(".")[0].lower()
        where = citation.lower().find(name)
        assert where == -1 or where > citation.index("("), citation


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_table_the_methodology_names_is_on_the_page(lang):
    """A table title quoted in the methodology text ("Nilai turunan kalibrasi") is the title
    of a table the page shows."""
    text = " ".join((DATA_DIR / f"methodology_{lang}.md").read_text(encoding="utf-8").split())
    titles = {tr(f"{key}_title", lang) for key in TABLES}
    named = re.findall(r'(?:[Tt]abel|[Tt]able) "([^"]+)"', text)
    assert named
    assert set(named) <= titles, set(named) - titles
