"""Shared fixtures and the hypothesis profile for the whole suite."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

# Three sizes of search. "ci" (the default, and what `python run.py test` runs): the same 150
# examples every run. "fast" (`python run.py check`, the loop while editing): 20 fresh random
# examples a property, so the loop stays under two minutes and still explores anew each run
# (a failure is kept in .hypothesis/ and replayed first). "dev": a wider search on request.
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev", deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fast", deadline=None, max_examples=20, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def app_url():
    """One `streamlit run app.py` on loopback, shared by every browser test of the run."""
    from tests.browser import ARTIFACTS, require_chromium, running_app

    require_chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    with running_app() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless system Chromium through Playwright, shared by every browser test."""
    from tests.browser import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
