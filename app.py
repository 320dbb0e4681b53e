"""The what-if page: levers -> Scenario -> cached run -> headline, sentence, charts, table.

Everything that is not layout lives in ``simulator/`` (model, validation, texts, number
formats, chart specs); this file reads top to bottom as the page does.
"""

from __future__ import annotations

import streamlit as st

from simulator import charts, controls, load_parameters, load_presets
from simulator import formatting as fmt
from simulator.i18n import DEFAULT_LANG, LANGS, tr
from simulator.params import DATA_DIR, Parameter
from simulator.report import (
    ceiling_year,
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
NOTICES = "_notices"


# --- state and callbacks ----------------------------------------------------------------


def lang() -> str:
    """The page language, Indonesian unless chosen otherwise."""
    chosen = st.session_state.get("lang")
    return chosen if chosen in LANGS else DEFAULT_LANG


def init_state() -> None:
    """Give every parameter its baseline value on a session's first run."""
    state = st.session_state
    state.setdefault("lang", DEFAULT_LANG)
    state.setdefault(NOTICES, {})
    if state.get("preset") not in PRESETS:
        state["preset"] = "baseline"
    for param in TABLE.values():
        state.setdefault(param.name, param.value)
    for name in TYPED_LEVERS:
        state.setdefault(f"{name}__exact", controls.number_text(TABLE[name], state[name], lang()))


def current_values() -> dict[str, float]:
    """Every parameter's value as the widgets hold it."""
    return {name: float(st.session_state.get(name, TABLE[name].value)) for name in TABLE}


TAB_KEYS = ("tab_results", "tab_regions", "tab_table", "tab_method")


def on_language() -> None:
    """Re-word what the session holds in the old language: typed values and the open tab."""
    # Slider labels change with the language; re-setting each value through Session State
    # makes Streamlit send it to the browser again, which would otherwise keep a stale thumb.
    for name in TABLE:
        if name in st.session_state:
            st.session_state[name] = st.session_state[name]
    sync_exact_fields()
    open_tab = st.session_state.get("view")
    for key in TAB_KEYS:
        if open_tab in (tr(key, code) for code in LANGS):
            st.session_state["view"] = tr(key, lang())


def sync_exact_fields() -> None:
    """Show each lever's current value, in the page language, in its exact-value box."""
    for name in TYPED_LEVERS:
        st.session_state[f"{name}__exact"] = controls.number_text(
            TABLE[name], st.session_state[name], lang()
        )


def apply_values(values: dict[str, float]) -> None:
    """Set every parameter (baseline where ``values`` is silent)."""
    for param in TABLE.values():
        st.session_state[param.name] = values.get(param.name, param.value)
    st.session_state[NOTICES] = {}
    sync_exact_fields()


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


def matching_preset(values: dict[str, float]) -> str | None:
    """The preset whose settings equal the current values, or None."""
    for name, preset in PRESETS.items():
        if {**TABLE.defaults, **preset.scenario.as_dict()} == values:
            return name
    return None


# --- cached model run -------------------------------------------------------------------


@st.cache_data(max_entries=512, show_spinner=False)
def run_cached(values: tuple[tuple[str, float], ...]):
    """The scenario and its baseline, computed once per distinct scenario."""
    return run_pair(dict(values), TABLE)


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
    st.select_slider(
        f"{param.label(lg)}",
        options=controls.slider_options(param, current),
        format_func=lambda v, p=param, lg=lg: controls.value_label(p, v, lg),
        key=param.name,
        help=help_text(param),
        on_change=on_slider if param.name in TYPED_LEVERS else None,
        args=(param.name,) if param.name in TYPED_LEVERS else None,
        persist_state="session" if persist else None,
    )
    # Always an element here (empty at the baseline), so the sidebar keeps its shape and
    # the browser does not remount the widgets below when a lever leaves the baseline.
    st.caption(
        tr("changed_mark", lg, value=controls.value_label(param, param.value, lg))
        if current != param.value
        else ""
    )


def sidebar() -> None:
    """Language, presets, reset, the levers and the advanced assumptions."""
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
    chosen = PRESETS[st.session_state["preset"]]
    caption = chosen.description(lg)
    if matching_preset(current_values()) != chosen.name:
        caption = f"{tr('preset_changed', lg)} {caption}"
    st.caption(caption)
    st.button(tr("reset", lg), on_click=on_reset, icon=":material/restart_alt:")

    st.subheader(tr("levers", lg))
    for name in MAIN_LEVERS:
        slider(TABLE[name])
    # Typed values go through a form: its fields reach the server only on submit, so they
    # never race the sliders (a field echoing an old value would undo a slider move).
    with (
        st.popover(tr("exact_values", lg), icon=":material/keyboard:", width="stretch"),
        st.form("exact", border=False),
    ):
        st.caption(tr("exact_intro", lg))
        for name in TYPED_LEVERS:
            param = TABLE[name]
            st.text_input(
                tr("exact_value", lg, label=param.label(lg), unit=unit_hint(param, lg)),
                key=f"{name}__exact",
                placeholder=tr(
                    "exact_placeholder",
                    lg,
                    example=controls.number_text(param, param.value, lg),
                ),
            )
        st.form_submit_button(tr("apply", lg), on_click=on_exact_submit, type="primary")

    advanced = st.expander(tr("advanced", lg), key="advanced", on_change="rerun")
    with advanced:
        # Drawn only while open: two dozen sliders cost time on every rerun otherwise.
        if advanced.open:
            st.caption(tr("advanced_intro", lg))
            for group in ADVANCED_GROUPS:
                st.markdown(f"**{tr(f'group_{group}', lg)}**")
                for param in TABLE.in_group(group):
                    slider(param, persist=True)


# --- views --------------------------------------------------------------------------------


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


def headline_view(result, values: dict[str, float]) -> None:
    """End-year metrics against the baseline and the sentence."""
    lg = lang()
    year = int(result.years[-1])
    st.subheader(tr("headline", lg, year=year))
    items = headlines(result, lg)
    for row in (items[:4], items[4:]):
        for column, item in zip(st.columns(len(row)), row, strict=True):
            column.metric(
                item.label,
                item.value,
                delta=item.delta if item.changed else None,
                delta_color=item.delta_color,
                help=item.help,
                border=True,
            )
    st.markdown(f"> {escape_md(sentence(values, result, lg, TABLE))}")


def escape_md(text: str) -> str:
    """Text shown as Markdown with no character taking a Markdown meaning."""
    for char in "\\`*_[]<>#|$~":
        text = text.replace(char, "\\" + char)
    return text


def results_view(result, values: dict[str, float]) -> None:
    """Four scenario-against-baseline charts and the online/offline split."""
    lg = lang()
    start = int(values["policy_start_year"])
    left, right = st.columns(2)
    for column, output in zip(
        (left, right, left, right),
        ("production_rp_tn", "value_added_rp_tn", "jobs", "exports_usd_mn"),
        strict=True,
    ):
        with column:
            st.vega_lite_chart(
                spec=charts.line_chart(result, output, lg, start),
                width="stretch",
                theme=None,
                alt=charts.chart_alt_text(result, output, lg),
            )
    st.vega_lite_chart(spec=charts.sales_split_chart(result, lg), width="stretch", theme=None)
    hit = ceiling_year(result)
    if hit is not None:
        unmet = fmt.rp_tn(float(result.at("unmet_demand_rp_tn", hit)[0]), lg)
        st.warning(tr("m_ceiling", lg, unmet=unmet, year=hit), icon=":material/factory:")


def regions_view(result) -> None:
    """Units, production and jobs by region in the end year."""
    lg = lang()
    columns = st.columns(3)
    for column, measure in zip(columns, ("units", "production_rp_tn", "jobs"), strict=True):
        with column:
            st.vega_lite_chart(
                spec=charts.region_chart(result, measure, lg), width="stretch", theme=None
            )
    st.dataframe(region_table(result, lg), hide_index=True, width="stretch")


def table_view(result) -> None:
    """The full results table, years by outputs."""
    lg = lang()
    st.subheader(tr("table_title", lg))
    st.caption(tr("table_caption", lg))
    st.dataframe(results_table(result, lg), hide_index=True, width="stretch")


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


# --- the page -----------------------------------------------------------------------------

st.set_page_config(page_title="Simulator IKM Alas Kaki", page_icon="👞", layout="wide")
# Static style only (nothing a user or a link supplies): headline values wrap instead of
# being cut off with an ellipsis in four narrow columns.
st.html(
    "<style>[data-testid='stMetricValue'] {font-size: 1.75rem;}"
    "[data-testid='stMetricValue'] * {white-space: normal !important; overflow: visible "
    "!important; text-overflow: clip !important;}</style>"
)
init_state()
with st.sidebar:
    sidebar()

LANG = lang()
VALUES, NOTICE_LIST = validated(current_values())
RESULT = run_cached(Scenario.from_mapping(VALUES, table=TABLE).values)

st.title(tr("app_title", LANG))
st.caption(tr("app_subtitle", LANG))
for notice in NOTICE_LIST:
    st.warning(notice, icon=":material/warning:")
headline_view(RESULT, VALUES)
st.caption(tr("data_note", LANG))

tabs = st.tabs(
    [
        tr("tab_results", LANG),
        tr("tab_regions", LANG),
        tr("tab_table", LANG),
        tr("tab_method", LANG),
    ],
    key="view",
    on_change="rerun",
)
# Only the open tab is drawn: the others cost nothing until chosen.
with tabs[0]:
    if tabs[0].open is not False:
        results_view(RESULT, VALUES)
with tabs[1]:
    if tabs[1].open:
        regions_view(RESULT)
with tabs[2]:
    if tabs[2].open:
        table_view(RESULT)
with tabs[3]:
    if tabs[3].open:
        methodology_view(VALUES)
st.caption(tr("footer", LANG))
