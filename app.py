"""The what-if page: link -> levers -> Scenario -> cached run -> views -> link.

Everything that is not layout lives in ``simulator/`` (model, validation, link parsing,
texts, number formats, chart specs, exports); this file reads top to bottom as the page
does. The scenario lives in the URL: it is read once when a session opens and written
back after every run, so a copied link reopens exactly what its sender saw.
"""

from __future__ import annotations

import html
import time
from typing import NamedTuple
from urllib.parse import urlencode

import numpy as np
import streamlit as st

import page_guard
from simulator import (
    analysis,
    charts,
    controls,
    exports,
    load_parameters,
    load_presets,
    safety,
    simulate,
)
from simulator import formatting as fmt
from simulator.i18n import DEFAULT_LANG, LANGS, tr
from simulator.links import (
    DEFAULT_VIEW,
    MAX_SAVED,
    LinkState,
    as_multidict,
    clean_name,
    parse_query,
    to_query,
)
from simulator.params import DATA_DIR, Parameter
from simulator.report import (
    ceiling_year,
    compare_table,
    headlines,
    region_table,
    results_table,
    run_pair,
    sentence,
)
from simulator.scenario import Scenario, ScenarioError, check_shares

TABLE = load_parameters()
PRESETS = load_presets()
MAIN_LEVERS = tuple(p.name for p in TABLE.in_group("lever"))
TYPED_LEVERS = ("investment", "new_units", "online_adoption", "sales_place_units")
ADVANCED_GROUPS = ("timing", "capacity", "demand", "units_jobs", "trade", "regions")
TAB_CODES = ("results", "regions", "table", "compare", "analysis", "method")
LINE_OUTPUTS = ("production_rp_tn", "value_added_rp_tn", "jobs", "exports_usd_mn")
HEADLINE_PAINT_PAUSE_S = 0.03  # one frame or two for the browser to paint the headline
# Keyed choice widgets whose option labels are translated (re-sent on a language switch).
TRANSLATED_CHOICES = (
    "preset",
    "target_output",
    "sens_output",
    "compare_output",
    "goal_output",
    "goal_lever",
)
NOTICES = "_notices"  # typed-value notices: parameter name -> text
LINK_NOTICES = "_link_notices"  # repairs made to the opening link (simulator.links.Notice)


# --- state --------------------------------------------------------------------------------


def lang() -> str:
    """The page language, Indonesian unless chosen otherwise."""
    chosen = st.session_state.get("lang")
    return chosen if chosen in LANGS else DEFAULT_LANG


# An error in a part of the page it wraps is logged and shown in the page's language.
guarded = page_guard.errors_in_page_language(lang)


def init_state() -> None:
    """On a session's first run: baseline everywhere, then whatever the link asks for."""
    state = st.session_state
    if "_opened" in state:
        return
    link = parse_query({k: st.query_params.get_all(k) for k in st.query_params}, TABLE)
    state["_opened"] = True
    open_link(link)


def open_link(link: LinkState) -> None:
    """Baseline everywhere, then the link's settings, language, view and saved scenarios,
    with its notices (also for a link Streamlit ignored whole: see page_guard)."""
    state = st.session_state
    state["lang"] = link.lang
    set_view(link.view)
    state["saved"] = list(link.saved)
    state[LINK_NOTICES] = list(link.notices)
    state["preset"] = "baseline"
    apply_values(link.scenario.as_dict())
    state[LINK_NOTICES] = list(link.notices)


def current_values() -> dict[str, float]:
    """Every parameter's value as the widgets hold it."""
    return {name: float(st.session_state.get(name, TABLE[name].value)) for name in TABLE}


def sync_exact_fields() -> None:
    """Show each lever's current value, in the page language, in its exact-value box."""
    for name in TYPED_LEVERS:
        st.session_state[f"{name}__exact"] = controls.number_text(
            TABLE[name], st.session_state[name], lang()
        )


def apply_values(values: dict[str, float]) -> None:
    """Set every parameter (baseline where ``values`` is silent) and clear notices."""
    for param in TABLE.values():
        st.session_state[param.name] = values.get(param.name, param.value)
    st.session_state[NOTICES] = {}
    st.session_state[LINK_NOTICES] = []
    sync_exact_fields()


def matching_preset(values: dict[str, float]) -> str | None:
    """The preset whose settings equal the current values, or None."""
    for name, preset in PRESETS.items():
        if {**TABLE.defaults, **preset.scenario.as_dict()} == values:
            return name
    return None


def tab_label(code: str) -> str:
    """The label of a tab in the page language."""
    return tr(f"tab_{code}", lang())


# --- callbacks (they run before the script, so widgets they set are drawn with it) -------


def on_language() -> None:
    """Re-word what the session holds in the old language: typed values and the open tab."""
    # Slider labels change with the language; re-setting each value through Session State
    # makes Streamlit send it to the browser again, which would otherwise keep a stale thumb.
    for name in (*TABLE, *TRANSLATED_CHOICES):
        if name in st.session_state:
            st.session_state[name] = st.session_state[name]
    sync_exact_fields()
    code = st.session_state.get("view_code", DEFAULT_VIEW)
    if code in TAB_CODES:
        st.session_state["view"] = tab_label(code)


def on_tab() -> None:
    """Remember the open tab as a language-neutral code (it goes into the link)."""
    for code in TAB_CODES:
        if st.session_state.get("view") in (tr(f"tab_{code}", lg) for lg in LANGS):
            st.session_state["view_code"] = code


def on_preset() -> None:
    """Apply the chosen preset over the baseline."""
    name = st.session_state.get("preset")
    if name in PRESETS:
        apply_values(PRESETS[name].scenario.as_dict())


def on_reset() -> None:
    """Everything back to the baseline."""
    apply_values({})
    st.session_state["preset"] = "baseline"


def on_exact_submit() -> None:
    """Take the typed values that are valid; keep the others and say why."""
    notices = dict(st.session_state[NOTICES])
    for name in TYPED_LEVERS:
        param = TABLE[name]
        parsed = controls.parse_typed(
            param, st.session_state[f"{name}__exact"], lang(), st.session_state[name]
        )
        notices.pop(name, None)
        if parsed.value is None:
            notices[name] = parsed.notice
        else:
            st.session_state[name] = parsed.value
    st.session_state[NOTICES] = notices
    sync_exact_fields()


def on_slider(name: str) -> None:
    """Keep the exact-value box in step with its slider."""
    notices = dict(st.session_state[NOTICES])
    notices.pop(name, None)
    st.session_state[NOTICES] = notices
    sync_exact_fields()


def whole_page(callback):
    """``callback`` followed by a rerun of the whole page: for widgets inside a fragment
    whose change reaches beyond it (opening a saved scenario or applying a goal-seek answer
    can move any assumption; leaving presentation mode changes the layout)."""

    def run(*args) -> None:
        callback(*args)
        st.rerun()

    run.__doc__ = callback.__doc__
    return run


def on_save() -> None:
    """Save the current scenario under the typed name (or a numbered default)."""
    saved: list[Scenario] = list(st.session_state.get("saved", []))
    if len(saved) >= MAX_SAVED:
        return
    name = clean_name(st.session_state.get("save_name", "")) or tr(
        "save_default_name", lang(), n=len(saved) + 1
    )
    values, _ = validated(current_values())
    saved.append(Scenario.from_mapping(values, name=name, table=TABLE))
    st.session_state["saved"] = saved
    st.session_state["save_name"] = ""


def on_remove(index: int) -> None:
    """Drop one saved scenario."""
    saved = list(st.session_state.get("saved", []))
    if 0 <= index < len(saved):
        saved.pop(index)
    st.session_state["saved"] = saved


def on_open(index: int) -> None:
    """Load a saved scenario into the levers."""
    saved = st.session_state.get("saved", [])
    if 0 <= index < len(saved):
        apply_values(saved[index].as_dict())


def on_goal_seek() -> None:
    """Run the goal-seek form's search and keep the answer with the scenario it holds for."""
    lg = lang()
    values, _ = validated(current_values())
    text = st.session_state.get("goal_target", "")
    target = controls.parse_amount(text, lg)
    if target is None:
        st.session_state["goal"] = ("bad", text)
        return
    found = analysis.goal_seek(
        values,
        output=st.session_state["goal_output"],
        year=int(st.session_state["goal_year"]),
        target=target,
        lever=st.session_state["goal_lever"],
        table=TABLE,
    )
    st.session_state["goal"] = (Scenario.from_mapping(values, table=TABLE).values, found)


def on_goal_apply() -> None:
    """Put the goal-seek answer into its lever."""
    _, found = st.session_state.get("goal", (None, None))
    if isinstance(found, analysis.GoalSeek) and found.value is not None:
        st.session_state[found.lever] = found.value
        st.session_state["goal"] = None
        sync_exact_fields()


def set_view(code: str) -> None:
    """Switch to a view by code (presentation mode or a tab)."""
    st.session_state["view_code"] = code
    if code in TAB_CODES:
        st.session_state["view"] = tab_label(code)


def dismiss_notices() -> None:
    """Hide the notices about the opening link and typed values."""
    st.session_state[LINK_NOTICES] = []
    st.session_state[NOTICES] = {}


# --- cached model runs --------------------------------------------------------------------


@st.cache_data(max_entries=512, show_spinner=False)
def run_cached(values: tuple[tuple[str, float], ...]):
    """The scenario and its baseline, computed once per distinct scenario."""
    return run_pair(dict(values), TABLE)


@st.cache_data(max_entries=128, show_spinner=False)
def compare_cached(scenarios: tuple[tuple[tuple[str, float], ...], ...], end_year: int):
    """Many scenarios in one batched model call, all to the same end year."""
    names = sorted({name for values in scenarios for name, _ in values} | {"end_year"})
    batch = {}
    for name in names:
        column = [dict(values).get(name, TABLE[name].value) for values in scenarios]
        batch[name] = np.array(column if name != "end_year" else [end_year] * len(scenarios))
    return simulate(batch, params=TABLE)


@st.cache_data(max_entries=64, show_spinner=False)
def uncertainty_cached(values: tuple[tuple[str, float], ...]) -> analysis.Uncertainty:
    """The seeded Monte Carlo of a scenario and its baseline."""
    return analysis.uncertainty(dict(values), table=TABLE)


@st.cache_data(max_entries=256, show_spinner=False)
def sensitivity_cached(values: tuple[tuple[str, float], ...], output: str):
    """The tornado table of one output in the end year."""
    return analysis.sensitivity(dict(values), output, table=TABLE)


# --- widgets ------------------------------------------------------------------------------


def help_text(param: Parameter) -> str:
    """Meaning, baseline, range, kind and source of a parameter, in the page language."""
    lg = lang()
    return tr(
        "help_template",
        lg,
        note=param.note_text(lg),
        value=controls.value_label(param, param.value, lg),
        low=controls.value_label(param, param.min, lg),
        high=controls.value_label(param, param.max, lg),
        kind=tr(f"kind_{param.kind}", lg),
        source=param.source_text(lg),
    )


def unit_hint(param: Parameter, lg: str) -> str:
    """The unit words around a value, e.g. "Rp … triliun per tahun"."""
    return controls.value_label(param, param.value, lg).replace(
        controls.number_text(param, param.value, lg), "…", 1
    )


def slider(param: Parameter, *, persist: bool = False) -> None:
    """A select-slider over the parameter's grid, labelled in the page language."""
    lg = lang()
    current = float(st.session_state[param.name])
    # A main lever lives in the scenario fragment (its move redraws only that); an advanced
    # assumption lives outside it and reruns the page.
    st.select_slider(
        param.label(lg),
        options=controls.slider_options(param, current),
        format_func=lambda v, p=param, lg=lg: controls.value_label(p, v, lg),
        key=param.name,
        help=help_text(param),
        on_change=None if persist else on_slider,
        args=None if persist else (param.name,),
        persist_state="session" if persist else None,
    )
    if current != param.value:
        st.caption(tr("changed_mark", lg, value=controls.value_label(param, param.value, lg)))


class LeverSlots(NamedTuple):
    """Places in the sidebar that the scenario fragment fills on every lever move."""

    preset_note: object  # the preset's description, marked when the levers differ from it
    levers: object  # the main levers and their "changed" marks


@guarded
def sidebar() -> LeverSlots:
    """Language, presets, reset, places for the levers (filled by the scenario fragment),
    typed values and the advanced assumptions. Everything drawn here directly sits outside
    the fragment, so using it reruns the whole page."""
    lg = lang()
    st.segmented_control(
        "Bahasa / Language",
        options=list(LANGS),
        format_func=lambda code: tr(f"lang_{code}", code),
        key="lang",
        required=True,
        on_change=on_language,
    )
    # The script never writes this widget's value (only callbacks do): a value written on
    # every run would race the browser, which echoes the old one back with the next slider
    # move and so re-applies the preset over the user's change.
    st.selectbox(
        tr("preset", lg),
        options=list(PRESETS),
        format_func=lambda n: PRESETS[n].label(lg),
        key="preset",
        help=tr("preset_help", lg),
        on_change=on_preset,
    )
    preset_note = st.container()
    st.button(tr("reset", lg), key="reset", on_click=on_reset, icon=":material/restart_alt:")
    st.subheader(tr("levers", lg))
    lever_slot = st.container()
    # Typed values go through a form: its fields reach the server only on submit, so they
    # never race the sliders (a field echoing an old value would undo a slider move).
    # The popover's contents are drawn only while it is open (fewer elements per rerun);
    # opening it fills the boxes with the current values.
    exact = st.popover(
        tr("exact_values", lg),
        icon=":material/keyboard:",
        width="stretch",
        key="exact_open",
        on_change=sync_exact_fields,
    )
    if exact.open:
        exact_form(lg, exact)
    advanced = st.expander(tr("advanced", lg), key="advanced", on_change="rerun")
    with advanced:
        # Drawn only while open: two dozen sliders cost time on every rerun otherwise.
        if advanced.open:
            st.caption(tr("advanced_intro", lg))
            for group in ADVANCED_GROUPS:
                st.markdown(f"**{tr(f'group_{group}', lg)}**")
                for param in TABLE.in_group(group):
                    slider(param, persist=True)
    return LeverSlots(preset_note, lever_slot)


def levers(slots: LeverSlots, values: dict[str, float]) -> None:
    """The preset's note and the main levers, in their places in the sidebar."""
    lg = lang()
    chosen = PRESETS[st.session_state["preset"]]
    caption = chosen.description(lg)
    if matching_preset(values) != chosen.name:
        caption = f"{tr('preset_changed', lg)} {caption}"
    with slots.preset_note:
        st.caption(caption)
    with slots.levers:
        for name in MAIN_LEVERS:
            slider(TABLE[name])


def exact_form(lg: str, container) -> None:
    """The typed-value form inside its popover."""
    with container, st.form("exact", border=False):
        st.caption(tr("exact_intro", lg))
        for name in TYPED_LEVERS:
            param = TABLE[name]
            st.text_input(
                tr("exact_value", lg, label=param.label(lg), unit=unit_hint(param, lg)),
                key=f"{name}__exact",
                max_chars=40,
                placeholder=tr(
                    "exact_placeholder", lg, example=controls.number_text(param, param.value, lg)
                ),
            )
        st.form_submit_button(tr("apply", lg), on_click=on_exact_submit, type="primary")


# --- helpers for views --------------------------------------------------------------------


def validated(values: dict[str, float]) -> tuple[dict[str, float], list[str]]:
    """The values the model can run, and notices for what had to fall back."""
    lg = lang()
    notices = list(st.session_state.get(NOTICES, {}).values())
    try:
        check_shares(values, TABLE)
    except ScenarioError as error:
        which = tr("shares_base", lg) if error.name.startswith("base") else tr("shares_new", lg)
        notices.append(tr("err_shares", lg, which=which, value=fmt.percent(error.value, lg)))
        for name in (error.name, error.other):
            values[name] = TABLE[name].value
    start, end = int(values["policy_start_year"]), int(values["end_year"])
    if start > end:
        notices.append(tr("policy_after_end", lg, start=start, end=end))
    return values, notices


def escape_md(text: str) -> str:
    """Text shown through Markdown with no character taking a Markdown or HTML meaning."""
    text = html.escape(text, quote=False)
    for char in "\\`*_[]#|$~":
        text = text.replace(char, "\\" + char)
    return text


def scenario_title(values: dict[str, float]) -> str:
    """The preset's label when the values are a preset, else 'current scenario'."""
    name = matching_preset(values)
    return PRESETS[name].label(lang()) if name else tr("current_scenario", lang())


def share_link(pairs: list[tuple[str, str]]) -> str:
    """The full URL that reopens this state (host as the browser sees it)."""
    base = st.context.url or "http://localhost:8501/"
    return base + ("?" + urlencode(pairs) if pairs else "")


def differences(values: dict[str, float]) -> str:
    """A one-line summary of the parameters that differ from the baseline."""
    lg = lang()
    items = [
        f"{TABLE[name].label(lg)} {controls.value_label(TABLE[name], value, lg)}"
        for name, value in values.items()
        if value != TABLE[name].value
    ]
    return tr("share_diff", lg, items="; ".join(items)) if items else tr("share_baseline", lg)


def chart_builders(result, values: dict[str, float]) -> dict[str, object]:
    """Every chart of the page by a translated name, as a function that builds its spec
    (so a download builds only the chart it needs, and only when clicked)."""
    lg = lang()
    start = int(values["policy_start_year"])
    builders: dict[str, object] = {
        tr(charts.LINE_OUTPUTS[o][0], lg): (lambda o=o: charts.line_chart(result, o, lg, start))
        for o in LINE_OUTPUTS
    }
    builders[tr("chart_sales_split", lg)] = lambda: charts.sales_split_chart(result, lg)
    builders[tr("jobs_wider_title", lg)] = lambda: charts.wider_jobs_chart(result, lg)
    for measure in charts.REGION_MEASURES:
        what = tr(charts.REGION_MEASURES[measure][0], lg)
        builders[f"{what} ({tr('tab_regions', lg).lower()})"] = lambda m=measure: (
            charts.region_chart(result, m, lg)
        )
    return builders


# --- views --------------------------------------------------------------------------------


def popover_when_open(column, label: str, icon: str, key: str, draw, *args) -> None:
    """A popover whose contents are drawn only while it is open (fewer elements per rerun;
    opening or closing it reruns the page, so the contents are current when shown)."""
    box = column.popover(label, icon=icon, width="stretch", key=key, on_change="rerun")
    with box:
        if box.open:
            draw(*args)


@guarded
def toolbar(result, values: dict[str, float], pairs: list[tuple[str, str]]) -> None:
    """Share, download and present controls under the title."""
    lg = lang()
    share, download, present = st.columns([1, 1, 1])
    popover_when_open(
        share, tr("share", lg), ":material/share:", "share_open", share_contents, values, pairs
    )
    popover_when_open(
        download,
        tr("downloads", lg),
        ":material/download:",
        "download_open",
        downloads,
        result,
        values,
        pairs,
    )
    present.button(
        tr("present", lg),
        icon=":material/present_to_all:",
        on_click=set_view,
        args=("present",),
        width="stretch",
    )


def share_contents(values: dict[str, float], pairs: list[tuple[str, str]]) -> None:
    """The link that reopens this state and what differs from the baseline."""
    lg = lang()
    st.caption(tr("share_intro", lg))
    st.code(share_link(pairs), language=None, wrap_lines=True)
    st.markdown(escape_md(differences(values)))
    saved = st.session_state.get("saved", [])
    if saved:
        st.caption(tr("share_saved", lg, n=len(saved)))


def downloads(result, values: dict[str, float], pairs: list[tuple[str, str]]) -> None:
    """Download buttons; each file is built only when its button is clicked."""
    lg = lang()
    title = scenario_title(values)
    st.caption(tr("dl_intro", lg))
    st.download_button(
        tr("dl_csv", lg),
        data=lambda: exports.csv_bytes(result, lg),
        file_name=exports.file_name(title, "hasil" if lg == "id" else "results", "csv"),
        mime="text/csv",
        on_click="ignore",
        icon=":material/table:",
    )
    st.download_button(
        tr("dl_xlsx", lg),
        data=lambda: exports.xlsx_bytes(result, values, lg, TABLE),
        file_name=exports.file_name(title, "hasil" if lg == "id" else "results", "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/grid_on:",
    )
    builders = chart_builders(result, values)
    link = share_link(pairs)
    st.download_button(
        tr("dl_pdf", lg),
        data=lambda: exports.pdf_bytes(
            result,
            values,
            lg,
            title=title,
            link=link,
            charts=[
                charts.line_chart(result, "production_rp_tn", lg, int(values["policy_start_year"])),
                charts.line_chart(result, "jobs", lg, int(values["policy_start_year"])),
            ],
            table=TABLE,
        ),
        file_name=exports.file_name(title, "ringkasan" if lg == "id" else "briefing", "pdf"),
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )
    chart_name = st.selectbox(tr("dl_chart", lg), options=list(builders), key="dl_chart_name")
    build = builders[chart_name]
    png, svg = st.columns(2)
    png.download_button(
        tr("dl_png", lg),
        data=lambda: exports.chart_png(build()),
        file_name=exports.file_name(title, chart_name, "png"),
        mime="image/png",
        on_click="ignore",
        icon=":material/image:",
    )
    svg.download_button(
        tr("dl_svg", lg),
        data=lambda: exports.chart_svg(build()),
        file_name=exports.file_name(title, chart_name, "svg"),
        mime="image/svg+xml",
        on_click="ignore",
        icon=":material/draw:",
    )


def notices_view(notices: list[str]) -> None:
    """Every notice in the page language, and a way to dismiss them."""
    lg = lang()
    texts = [n.text(lg, TABLE) for n in st.session_state.get(LINK_NOTICES, [])] + notices
    for text in safety.capped(texts, lg):
        st.warning(safety.plain_markdown(text), icon=":material/warning:")
    if st.session_state.get(LINK_NOTICES) or st.session_state.get(NOTICES):
        st.button(tr("dismiss", lg), on_click=dismiss_notices, type="tertiary")


def headline_view(result, values: dict[str, float], *, keys: tuple[str, ...] = ()) -> None:
    """End-year metrics against the baseline and the sentence."""
    lg = lang()
    items = [h for h in headlines(result, lg) if not keys or h.key in keys]
    # Rows of four in horizontal containers (equal widths by the page's style, wrapping on
    # narrow screens): a third as many elements as columns, which the browser redraws on
    # every lever move.
    for start in range(0, len(items), 4):
        with st.container(horizontal=True, gap="small", key=f"headline_row_{start // 4}"):
            for item in items[start : start + 4]:
                st.metric(
                    item.label,
                    item.value,
                    delta=item.delta if item.changed else None,
                    delta_color=item.delta_color,
                    help=item.help,
                    border=True,
                    width="stretch",
                )
    with st.container(border=True):
        st.markdown(escape_md(sentence(values, result, lg, TABLE)))


def chart(spec: dict, alt_text: str) -> None:
    """A chart as the page draws it (no Streamlit theme, so exports look the same)."""
    st.vega_lite_chart(spec=spec, width="stretch", theme=None, alt=alt_text)


def results_view(result, values: dict[str, float]) -> None:
    """Four scenario-against-baseline charts and the online/offline split."""
    lg = lang()
    start = int(values["policy_start_year"])
    left, right = st.columns(2)
    for column, output in zip((left, right, left, right), LINE_OUTPUTS, strict=True):
        with column:
            chart(
                charts.line_chart(result, output, lg, start),
                charts.chart_alt_text(result, output, lg),
            )
    chart(charts.sales_split_chart(result, lg), charts.alt_sales(result, lg))
    hit = ceiling_year(result)
    if hit is not None:
        unmet = fmt.rp_tn(float(result.at("unmet_demand_rp_tn", hit)[0]), lg)
        st.warning(tr("m_ceiling", lg, unmet=unmet, year=hit), icon=":material/factory:")


def regions_view(result) -> None:
    """Units, production and jobs by region in the end year."""
    lg = lang()
    for column, measure in zip(st.columns(3), charts.REGION_MEASURES, strict=True):
        with column:
            chart(charts.region_chart(result, measure, lg), charts.alt_region(result, measure, lg))
    st.dataframe(region_table(result, lg), hide_index=True, width="stretch")


def table_view(result) -> None:
    """The full results table, years by outputs."""
    lg = lang()
    st.subheader(tr("table_title", lg))
    st.caption(tr("table_caption", lg))
    st.dataframe(results_table(result, lg), hide_index=True, width="stretch")


def compare_view(values: dict[str, float]) -> None:
    """Save scenarios, and compare them with the baseline in one table and one chart."""
    lg = lang()
    saved: list[Scenario] = st.session_state.get("saved", [])
    st.caption(tr("compare_intro", lg))
    name_col, button_col = st.columns([3, 1], vertical_alignment="bottom")
    name_col.text_input(
        tr("save_name", lg), key="save_name", max_chars=60, placeholder=tr("save_placeholder", lg)
    )
    button_col.button(
        tr("save", lg),
        on_click=on_save,  # the list, the table and the link are all in the fragment
        disabled=len(saved) >= MAX_SAVED,
        icon=":material/bookmark_add:",
        width="stretch",
    )
    if len(saved) >= MAX_SAVED:
        st.caption(tr("save_full", lg, n=MAX_SAVED))
    if not saved:
        st.info(tr("saved_none", lg), icon=":material/info:")
    else:
        st.markdown(f"**{tr('saved_list', lg)}**")
        for index, scenario in enumerate(saved):
            label, open_col, remove_col = st.columns([4, 1, 1], vertical_alignment="center")
            label.markdown(safety.plain_markdown(scenario.name))
            open_col.button(
                tr("open_saved", lg),
                key=f"open_{index}",
                on_click=whole_page(on_open),
                args=(index,),
            )
            remove_col.button(
                tr("remove_saved", lg),
                key=f"remove_{index}",
                on_click=on_remove,
                args=(index,),
            )
    end_year = int(values["end_year"])
    current = Scenario.from_mapping(values, table=TABLE)
    # Quoted where a spreadsheet would read a formula: the table and the chart's own data
    # view both offer "Download as CSV".
    saved_names = (safety.formula_safe(s.name) for s in saved)
    names = [tr("series_baseline", lg), tr("current_scenario", lg), *saved_names]
    batch = compare_cached(
        (Scenario().values, current.values, *(s.values for s in saved)), end_year
    )
    st.subheader(tr("compare_table", lg, year=end_year))
    st.caption(tr("compare_note", lg, year=end_year))
    st.dataframe(compare_table(batch, names, lg), hide_index=True, width="stretch")
    output = st.selectbox(
        tr("compare_output", lg),
        options=list(charts.COMPARE_OUTPUTS),
        format_func=lambda o: tr(charts.COMPARE_OUTPUTS[o][0], lg),
        key="compare_output",
    )
    series = _unique([(name, batch[output][i]) for i, name in enumerate(names)])
    show = charts.COMPARE_OUTPUTS[output][3]
    chart(
        charts.compare_chart(batch.years, series, output, lg),
        charts.alt_list(
            tr(charts.COMPARE_OUTPUTS[output][0], lg),
            [f"{name} {show(float(values[-1]), lg)}" for name, values in series],
        ),
    )


def _unique(series: list[tuple[str, np.ndarray]]) -> list[tuple[str, np.ndarray]]:
    """Series with distinct names (a repeated saved name gets a number)."""
    seen: dict[str, int] = {}
    out = []
    for name, values in series:
        seen[name] = seen.get(name, 0) + 1
        out.append((name if seen[name] == 1 else f"{name} ({seen[name]})", values))
    return out


def analysis_view(result, values: dict[str, float], scenario: Scenario) -> None:
    """Uncertainty bands, the chance of beating the baseline or a target, the tornado, and
    goal-seeking."""
    lg = lang()
    year = int(result.years[-1])
    unc = uncertainty_cached(scenario.values)
    st.subheader(tr("unc_title", lg), anchor=False)
    st.caption(tr("unc_intro", lg, draws=fmt.number(unc.draws, lg), seed=unc.seed))
    if any(values[name] != TABLE[name].value for name in analysis.POLICY_LEVERS):
        p = fmt.percent(100 * unc.chance_beats_baseline(), lg, 0)
        st.markdown(f"**{escape_md(tr('chance_beats', lg, year=year, p=p))}**")
    else:
        st.markdown(escape_md(tr("chance_same", lg)))
    outputs = list(analysis.UNCERTAIN_OUTPUTS)
    pick, value_col = st.columns(2)
    output = pick.selectbox(
        tr("target_output", lg),
        outputs,
        format_func=lambda o: tr(charts.LINE_OUTPUTS[o][0], lg),
        key="target_output",
    )
    median = float(unc.bands[("scenario", output)][1, -1])
    unit = {
        "production_rp_tn": "Rp triliun",
        "value_added_rp_tn": "Rp triliun",
        "jobs": tr("axis_persons", lg),
        "exports_usd_mn": tr("axis_usd_mn", lg),
    }[output]
    if lg == "en" and output in ("production_rp_tn", "value_added_rp_tn"):
        unit = "Rp trillion"
    text = value_col.text_input(
        tr("target_value", lg, unit=unit),
        key=f"target_value_{output}",
        max_chars=30,
        placeholder=fmt.number(round(median), lg),
    )
    target = controls.parse_amount(text, lg) if text.strip() else float(round(median))
    show = charts.LINE_OUTPUTS[output][3]
    if target is None:
        st.warning(
            safety.plain_markdown(
                tr("target_bad", lg, value=text[:30], example=fmt.number(round(median), lg))
            ),
            icon=":material/warning:",
        )
    else:
        p = fmt.percent(100 * unc.chance_at_least(output, target), lg, 0)
        what = tr(charts.LINE_OUTPUTS[output][0], lg).lower()
        line = tr("chance_target", lg, what=what, year=year, value=show(target, lg), p=p)
        st.markdown(f"**{escape_md(line)}**")
    left, right = st.columns(2)
    for column, out in zip((left, right, left, right), outputs, strict=True):
        bands = {s: unc.bands[(s, out)] for s in ("scenario", "baseline")}
        with column:
            chart(
                charts.fan_chart(unc.years, bands, out, lg),
                charts.alt_fan(unc.years, bands, out, lg),
            )
    with st.expander(tr("ranges_title", lg)):
        ranges = analysis.load_ranges(table=TABLE)
        st.dataframe(
            [
                {
                    tr("p_label", lg): TABLE[r.name].label(lg),
                    tr("r_low", lg): controls.value_label(TABLE[r.name], lo, lg),
                    tr("r_mode", lg): controls.value_label(TABLE[r.name], mode, lg),
                    tr("r_high", lg): controls.value_label(TABLE[r.name], hi, lg),
                    tr("r_reason", lg): r.reason(lg),
                }
                for r in ranges.values()
                for lo, mode, hi in [r.around(values[r.name])]
            ],
            hide_index=True,
            width="stretch",
        )

    chart(
        charts.wider_jobs_chart(result, lg),
        charts.alt_list(
            tr("jobs_wider_title", lg),
            [
                f"{tr(key, lg)} {fmt.count(float(result[out][0, -1]), lg, 'jobs')}"
                for key, out in (
                    ("jobs_direct", "jobs"),
                    ("jobs_indirect", "jobs_indirect"),
                    ("jobs_induced", "jobs_induced"),
                )
            ],
        ),
    )

    st.subheader(tr("sens_title", lg), anchor=False)
    sens_output = st.selectbox(
        tr("sens_output", lg),
        list(charts.COMPARE_OUTPUTS),
        format_func=lambda o: tr(charts.COMPARE_OUTPUTS[o][0], lg),
        key="sens_output",
    )
    frame = sensitivity_cached(scenario.values, sens_output)
    labels = {name: TABLE[name].label(lg) for name in frame["parameter"]}
    settings = {
        row.parameter: (
            controls.value_label(TABLE[row.parameter], row.low, lg),
            controls.value_label(TABLE[row.parameter], row.high, lg),
        )
        for row in frame.itertuples()
    }
    chart(
        charts.tornado_chart(frame, sens_output, year, lg, labels, settings),
        charts.alt_list(
            tr("sens_title", lg),
            [
                f"{labels[r.parameter]} {charts.COMPARE_OUTPUTS[sens_output][3](r.output_low, lg)}"
                f" – {charts.COMPARE_OUTPUTS[sens_output][3](r.output_high, lg)}"
                for r in frame[frame["swing"] > 0].head(5).itertuples()
            ],
        ),
    )

    st.subheader(tr("goal_title", lg), anchor=False)
    st.caption(tr("goal_intro", lg))
    with st.form("goal_form", border=True):
        a, b, c, d = st.columns(4)
        a.selectbox(
            tr("goal_output", lg),
            outputs,
            format_func=lambda o: tr(charts.LINE_OUTPUTS[o][0], lg),
            key="goal_output",
        )
        b.selectbox(tr("goal_year", lg), list(range(year, 2016, -1)), key="goal_year")
        c.text_input(
            tr("target_value", lg, unit="…"),
            key="goal_target",
            max_chars=30,
            placeholder=fmt.number(round(median * 1.2), lg),
        )
        d.selectbox(
            tr("goal_lever", lg),
            list(analysis.GOAL_LEVERS),
            format_func=lambda n: TABLE[n].label(lg),
            key="goal_lever",
        )
        st.form_submit_button(tr("goal_run", lg), on_click=on_goal_seek, type="primary")
    goal = st.session_state.get("goal")
    if goal and goal[0] == "bad":
        st.warning(
            safety.plain_markdown(
                tr("target_bad", lg, value=str(goal[1])[:30], example=fmt.number(60, lg))
            ),
            icon=":material/warning:",
        )
    elif goal and goal[0] == scenario.values:
        found: analysis.GoalSeek = goal[1]
        param = TABLE[found.lever]
        show = charts.LINE_OUTPUTS[found.output][3]
        what = tr(charts.LINE_OUTPUTS[found.output][0], lg).lower()
        if found.reachable:
            st.success(
                escape_md(
                    tr(
                        "goal_found",
                        lg,
                        lever=param.label(lg),
                        value=controls.value_label(param, found.value, lg),
                        what=what,
                        reached=show(found.reached, lg),
                        year=found.year,
                    )
                ),
                icon=":material/check_circle:",
            )
            st.button(
                tr("goal_apply", lg), on_click=whole_page(on_goal_apply), icon=":material/done:"
            )
        else:
            above = found.target > found.range_high
            st.warning(
                escape_md(
                    tr(
                        "goal_out",
                        lg,
                        low=controls.value_label(param, param.min, lg),
                        high=controls.value_label(param, param.max, lg),
                        what=what,
                        year=found.year,
                        direction=tr("goal_most" if above else "goal_least", lg),
                        closest=show(found.reached, lg),
                        lever=param.label(lg).lower(),
                        at=controls.value_label(param, found.closest_value, lg),
                    )
                ),
                icon=":material/block:",
            )


@st.cache_data(show_spinner=False)
def methodology_text(lg: str) -> str:
    """The methodology page in ``lg``."""
    return (DATA_DIR / f"methodology_{lg}.md").read_text(encoding="utf-8")


def methodology_view(values: dict[str, float]) -> None:
    """The model in plain language and the full parameter table."""
    lg = lang()
    st.markdown(methodology_text(lg))
    st.subheader(tr("method_params", lg))
    st.caption(tr("method_params_caption", lg))
    rows = [
        {
            tr("p_label", lg): p.label(lg),
            tr("p_name", lg): p.name,
            tr("p_value", lg): controls.value_label(p, values[p.name], lg),
            tr("p_baseline", lg): controls.value_label(p, p.value, lg),
            tr("p_range", lg): f"{controls.value_label(p, p.min, lg)} – "
            f"{controls.value_label(p, p.max, lg)}",
            tr("p_kind", lg): tr(f"kind_{p.kind}", lg),
            tr("p_source", lg): p.source_text(lg),
            tr("p_note", lg): p.note_text(lg),
        }
        for p in TABLE.values()
    ]
    st.dataframe(rows, hide_index=True, width="stretch")


PRESENT_CSS = """<style>
[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'],
[data-testid='stHeader'], [data-testid='stToolbar'] {display: none;}
[data-testid='stMainBlockContainer'] {padding: 1rem 2.5rem 0.5rem 2.5rem; max-width: 100%;}
[data-testid='stMetricValue'] {font-size: 2.1rem;}
[data-testid='stMetricLabel'] p {font-size: 1.1rem;}
[data-testid='stMarkdownContainer'] p {font-size: 1.3rem; line-height: 1.45;}
h2 {padding: 0.2rem 0 0.4rem 0;}
</style>"""


def present_view(result, values: dict[str, float]) -> None:
    """Projector view: large type, the headline, the sentence and two charts, no sidebar."""
    lg = lang()
    st.html(PRESENT_CSS)
    year = int(result.years[-1])
    head, back = st.columns([3, 1], vertical_alignment="center")
    head.subheader(
        escape_md(tr("present_title", lg, name=scenario_title(values), year=year)), anchor=False
    )
    back.button(
        tr("back_to_edit", lg),
        icon=":material/edit:",
        on_click=whole_page(set_view),
        args=("results",),
        type="primary",
        width="stretch",
    )
    headline_view(
        result,
        values,
        keys=("production_rp_tn", "value_added_rp_tn", "jobs", "exports_usd_mn"),
    )
    start = int(values["policy_start_year"])
    left, right = st.columns(2)
    for column, output in zip((left, right), ("production_rp_tn", "jobs"), strict=True):
        with column:
            chart(
                charts.line_chart(result, output, lg, start, height=330),
                charts.chart_alt_text(result, output, lg),
            )


def sync_link(pairs: list[tuple[str, str]]) -> None:
    """Write the state into the URL when it differs (defaults left out)."""
    want = as_multidict(pairs)
    have = {k: st.query_params.get_all(k) for k in st.query_params}
    have = {k: v if len(v) > 1 else v[0] for k, v in have.items()}
    if have != want:
        st.query_params.from_dict(want)


# --- the page -----------------------------------------------------------------------------

st.set_page_config(page_title="Simulator IKM Alas Kaki", page_icon="👞", layout="wide")
# Static style only (nothing a user or a link supplies): headline values wrap instead of
# being cut off with an ellipsis, and the headline rows share their width equally.
st.html(
    "<style>[data-testid='stMetricValue'] {font-size: 1.75rem;}"
    "[data-testid='stMetricValue'] * {white-space: normal !important; overflow: visible "
    "!important; text-overflow: clip !important;}"
    "[class*='st-key-headline_row'] > div {flex: 1 1 0 !important; min-width: 11rem;}</style>"
)
init_state()


class Now(NamedTuple):
    """What the page shows, from the widgets' values (each fragment reads it afresh: a
    fragment rerun does not run the script body)."""

    values: dict[str, float]
    notices: list[str]
    scenario: Scenario
    result: object
    view: str


def current() -> Now:
    """The validated scenario, its cached run and the open view."""
    values, notices = validated(current_values())
    scenario = Scenario.from_mapping(values, table=TABLE)
    view = st.session_state.get("view_code", DEFAULT_VIEW)
    return Now(values, notices, scenario, run_cached(scenario.values), view)


def write_link(now: Now) -> None:
    """Put the scenario, language, view and saved scenarios into the URL."""
    saved = st.session_state.get("saved", [])
    sync_link(to_query(now.scenario, lang=lang(), view=now.view, saved=saved))


def headline_block(now: Now) -> None:
    """Notices, the end-year headline and the sentence."""
    notices_view(now.notices)
    st.header(tr("headline", lang(), year=int(now.result.years[-1])), anchor=False)
    headline_view(now.result, now.values)


def tab_view(code: str, now: Now) -> None:
    """The open tab (only the open one is drawn: the others cost nothing until chosen)."""
    views = {
        "results": lambda: results_view(now.result, now.values),
        "regions": lambda: regions_view(now.result),
        "table": lambda: table_view(now.result),
        "compare": lambda: compare_view(now.values),
        "analysis": lambda: analysis_view(now.result, now.values, now.scenario),
        "method": lambda: methodology_view(now.values),
    }
    views[code]()


@st.fragment(key="scenario")
@guarded
def scenario_fragment(headline_slot, lever_slots: LeverSlots, tab_slot, tab_code: str) -> None:
    """Everything a lever changes, drawn into its place on the page: the headline, the levers
    themselves (their "changed" marks), the open tab and the link. A lever lives in here, so
    moving it reruns only this, not the title, toolbar, tab bar or advanced assumptions.
    The headline goes first and the script pauses a frame or two so the browser paints the
    new numbers before it works through the rest."""
    now = current()
    with headline_slot:
        headline_block(now)
    time.sleep(HEADLINE_PAINT_PAUSE_S)
    levers(lever_slots, current_values())
    with tab_slot:
        tab_view(tab_code, now)
    write_link(now)


@st.fragment(key="present")
@guarded
def present_fragment(lever_slots: LeverSlots) -> None:
    """The presentation view (its levers are hidden but kept, so they keep their state)."""
    now = current()
    notices_view(now.notices)
    present_view(now.result, now.values)
    levers(lever_slots, current_values())
    write_link(now)


NOW = current()
LANG = lang()
if NOW.view in TAB_CODES and st.session_state.get("view") is None:
    st.session_state["view"] = tab_label(NOW.view)

if NOW.view == "present":
    with st.sidebar:  # hidden in this view
        lever_slots = sidebar()
    present_fragment(lever_slots)
else:
    st.title(tr("app_title", LANG), anchor=False)
    st.caption(tr("app_subtitle", LANG))
    toolbar(
        NOW.result,
        NOW.values,
        to_query(NOW.scenario, lang=LANG, view=NOW.view, saved=st.session_state.get("saved", [])),
    )
    headline_slot = st.container()
    with st.sidebar:
        lever_slots = sidebar()
    st.caption(tr("data_note", LANG))
    tabs = st.tabs([tab_label(code) for code in TAB_CODES], key="view", on_change=on_tab)
    open_code = next(
        (code for code, tab in zip(TAB_CODES, tabs, strict=True) if tab.open),
        "results",
    )
    st.caption(tr("footer", LANG))
    scenario_fragment(headline_slot, lever_slots, tabs[TAB_CODES.index(open_code)], open_code)

# Last, so its empty element sits below everything (first run only).
page_guard.check_link(TABLE, open_link)
