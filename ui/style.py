"""The page's own style: static CSS only (nothing a user or a link supplies ever goes in).

Headline numbers, their labels and their changes wrap instead of being cut with an
ellipsis; headline rows share their width, two cards a row on a narrow screen; long preset
names wrap in the dropdown (and a chosen one too long for its box ends in an ellipsis);
Streamlit's own English menus that the page does not need (the main menu, chart and table
toolbars, a field's "Press Enter to submit form") are hidden, and so is the place of the
scenario view's data (numbers for the browser, nothing to see).
"""

from __future__ import annotations

PAGE_CSS = """<style>
[data-testid='stMetricValue'] {font-size: clamp(1.2rem, 1.7vw, 1.75rem);}
[data-testid='stMetricValue'] *, [data-testid='stMetricLabel'] *,
[data-testid='stMetricDelta'] * {
  white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; overflow-wrap: anywhere;
}
[data-testid='stMetricLabel'] {height: auto !important;}
[data-testid='stMetricDelta'] {border-radius: 0.5rem !important; height: auto !important;}
[class*='st-key-headline_row'] > div {flex: 1 1 0 !important; min-width: 11rem;}
@media (max-width: 640px) {
  [class*='st-key-headline_row'] {flex-wrap: wrap !important;}
  [class*='st-key-headline_row'] > div {
    flex: 1 1 calc(50% - 0.5rem) !important; min-width: calc(50% - 0.5rem) !important;
  }
  [data-testid='stMetricValue'] {font-size: 1.25rem;}
  [data-testid='stMetric'] {padding: 0.5rem !important;}
  h1 {font-size: 1.7rem !important;}
  h2 {font-size: 1.35rem !important;}
  [data-testid='stMainBlockContainer'] {padding-left: 0.75rem; padding-right: 0.75rem;}
  /* Every tab's name in view: the bar wraps to a second row instead of scrolling. */
  [data-testid='stTabs'] [role='tablist'] {flex-wrap: wrap; row-gap: 0.25rem;}
  [data-testid='stTabs'] [data-baseweb='tab-highlight'],
  [data-testid='stTabs'] [data-baseweb='tab-border'] {display: none;}
  [data-testid='stTabs'] [role='tab'][aria-selected='true'] {
    box-shadow: inset 0 -3px 0 currentColor;}
}
[data-baseweb='popover'] li, [data-baseweb='select'] div {white-space: normal !important;}
[data-testid='stSelectbox'] input {text-overflow: ellipsis;}
[data-testid='stMainMenu'], [data-testid='stElementToolbar'] {display: none !important;}
[data-testid='InputInstructions'] {display: none !important;}
.st-key-view_data {display: none !important;}
</style>"""
