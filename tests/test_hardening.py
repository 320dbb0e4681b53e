"""Hosting safety: the config, no raw HTML but the page's own style, link markup shown as text."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from simulator.links import VIEWS
from tests.browser import wait_idle
from ui import state

ROOT = Path(__file__).resolve().parent.parent


def test_streamlit_config_is_hardened():
    """XSRF on, error details hidden, viewer toolbar, an upload limit, a theme."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["maxUploadSize"] <= 1
    assert config["client"]["showErrorDetails"] in ("none", False)
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["theme"]["primaryColor"]


HOSTILE_NAME = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
APP = str(ROOT / "app.py")


def hostile_link(view: str) -> list[tuple[str, str]]:
    """A link opening ``view`` with markup in a saved scenario's name and in a value."""
    return [("view", view), ("s", f"{HOSTILE_NAME}|investment=5"), ("investment", HOSTILE_NAME)]


@pytest.mark.parametrize("view", VIEWS)
def test_raw_html_is_only_the_pages_own_style_and_link_markup_stays_text(view):
    """On every view, opened from a link carrying markup, with the share and download popovers
    and the advanced assumptions open: the only raw HTML on the page is the page's own static
    style, and every text that shows the link's markup shows it escaped."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in hostile_link(view):
        at.query_params[key] = value
    at.run()
    for key in (state.SHARE_OPEN, state.DOWNLOAD_OPEN, state.ADVANCED):
        at.session_state[key] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    for html in at.get("html"):
        assert html.value.startswith("<style>"), html.value[:80]
        assert html.value.rstrip().endswith("</style>"), html.value[-80:]
        assert "<img" not in html.value
    texts = [
        element.value
        for kind in ("markdown", "caption", "warning", "info", "success", "subheader", "header")
        for element in at.get(kind)
    ]
    assert any("&lt;img src=x" in text for text in texts)  # the notice, at least
    assert not any("<img" in text or "<script" in text for text in texts)


@pytest.mark.browser
@pytest.mark.parametrize("view", VIEWS)
def test_markup_in_a_link_is_shown_as_text_in_the_browser(app_url, browser, view):
    """On every view, a saved-scenario name and a parameter value carrying markup run nothing
    and show as text."""
    from urllib.parse import urlencode

    query = urlencode(hostile_link(view))
    page = browser.new_page(viewport={"width": 1400, "height": 1400})
    page.goto(f"{app_url}/?{query}")
    wait_idle(page)
    shown = '<img src=x onerror="window.__xss=1">'
    page.wait_for_function(
        "(text) => document.querySelector(\"[data-testid='stMain']\").innerText.includes(text)",
        arg=shown,
        timeout=30_000,
    )
    assert page.evaluate("() => window.__xss") is None
    assert page.locator("img[src='x']").count() == 0
    main = page.locator("[data-testid='stMain']").inner_text()
    assert "bukan angka" in main  # the bad investment value, as a notice
    assert page.locator("[data-testid='stException']").count() == 0
    page.close()
