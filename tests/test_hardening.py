"""Hosting safety: the config, no raw HTML from users or links, markup shown as text."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from tests.browser import wait_idle

ROOT = Path(__file__).resolve().parent.parent


def test_streamlit_config_is_hardened():
    """XSRF on, error details hidden, viewer toolbar, an upload limit, a theme."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["maxUploadSize"] <= 1
    assert config["client"]["showErrorDetails"] in ("none", False)
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["theme"]["primaryColor"]


def test_no_unsafe_html_anywhere():
    """No code passes unsafe_allow_html; raw HTML is only the app's own static <style>."""
    for path in [ROOT / "app.py", *(ROOT / "simulator").glob("*.py")]:
        text = path.read_text(encoding="utf-8")
        assert "unsafe_allow_html" not in text, path
        for call in re.findall(r"st\.html\((.*?)\)\n", text, flags=re.S):
            assert "<style>" in call or call.strip().startswith("PRESENT_CSS"), path


HOSTILE_NAME = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


@pytest.mark.browser
def test_markup_in_a_link_is_shown_as_text_in_the_browser(app_url, browser):
    """A saved-scenario name and a parameter value carrying markup run nothing, show as text."""
    from urllib.parse import urlencode

    query = urlencode(
        [("view", "compare"), ("s", f"{HOSTILE_NAME}|investment=5"), ("investment", HOSTILE_NAME)]
    )
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
