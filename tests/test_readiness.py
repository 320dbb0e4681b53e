"""Readiness runs the page itself: a broken page script is not ready, though alive."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from tests.browser import ARTIFACTS, serving

# Every test here starts a Streamlit server of its own.
pytestmark = pytest.mark.slow

# A page whose model call fails, as a bad deploy or a broken data file would make it.
BROKEN_PAGE = """
import runpy

import simulator.model


def broken(*args, **kwargs):
    raise RuntimeError("the model cannot run")


simulator.model.simulate_pair = broken
runpy.run_path("app.py", run_name="__main__")
"""


def get(url: str) -> tuple[int, str]:
    """Status and body of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.mark.parametrize(
    ("page", "ready"), [("app.py", (200, "ok")), ("broken", (503, "error"))], ids=str
)
def test_readiness_check_runs_the_page(page, ready):
    """/_stcore/health says "ok" whenever the server is up; /_stcore/script-health-check,
    the readiness probe, runs the page and says "error" when the page cannot run."""
    ARTIFACTS.mkdir(exist_ok=True)
    if page == "broken":
        script = ARTIFACTS / "broken_page.py"
        script.write_text(BROKEN_PAGE, encoding="utf-8")
        page = str(script)
    with serving(page) as (url, _process):
        assert get(f"{url}/_stcore/health") == (200, "ok")
        assert get(f"{url}/_stcore/script-health-check") == ready
