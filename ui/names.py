"""The names a screen reader hears for Streamlit's and Vega's own parts, in the page language.

Streamlit names some of its controls in fixed English ("Help for <label>", "Open", "Collapse
sidebar", ...) and Vega describes a chart's parts as "visualization" and "text mark
container". A small script (ui/components/names.js, drawn once per page) swaps each such name
for the page's word on the Indonesian page, or drops a role description that says nothing,
and gives the original back on the English page. Names the page sets itself are left alone.
"""

from __future__ import annotations

from simulator.i18n import tr
from ui.components import component

_NAMES = component("ikm_names", "names")

# The English name Streamlit or Vega gives -> the key of the page's word ("" drops it).
EXACT = {
    "Open": "name_open",
    "Close": "name_close",
    "Sidebar": "name_sidebar",
    "Collapse sidebar": "name_collapse_sidebar",
    "Expand sidebar": "name_expand_sidebar",
    "Scroll tabs right": "name_tabs_right",
    "Scroll tabs left": "name_tabs_left",
    "Main menu": "name_main_menu",
    "Clear value": "name_clear_value",
    "Clear all": "name_clear_all",
    "Link to heading": "name_heading_link",
    "visualization": "name_chart",
    "group mark container": "",
    "text mark container": "",
}
# Names that start in English and end with the page's own words ("Help for <label>").
PREFIXES = {"Help for ": "lever_help"}


def words(lang: str) -> dict[str, dict[str, str]]:
    """What the script swaps on a page in ``lang`` (nothing on the English page)."""
    if lang == "en":
        return {"exact": {}, "prefixes": {}}
    return {
        "exact": {name: tr(key, lang) if key else "" for name, key in EXACT.items()},
        "prefixes": {start: tr(key, lang, label="") for start, key in PREFIXES.items()},
    }


def page_names(lg: str) -> None:
    """The script, with the words of the page language ``lg`` (drawn once per page run)."""
    _NAMES(key="page_names", data=words(lg), height=0)
