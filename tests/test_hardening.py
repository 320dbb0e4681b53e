"""Hosting safety: the config, no raw HTML but the page's own style, link markup shown as text."""

from __future__ import annotations

import os
import time
import tomllib
from pathlib import Path

import pytest

from simulator.links import VIEWS
from tests.browser import wait_idle
from tests.levers import app_test
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
    # Behind a proxy on the same host every visitor's connection comes from loopback, and
    # headless mode is then the only thing that refuses Streamlit's "install skills"
    # operation (files written into the app's folder): see the test below.
    assert config["server"]["headless"] is True


@pytest.mark.slow
def test_a_visitor_cannot_make_the_server_install_anything():
    """Started with the project's configuration alone (no command-line flag), an instance
    refuses the "install skills" request any connection can send, because it is headless;
    and it writes nothing into the app's folder."""
    import subprocess
    import sys
    import urllib.request

    from streamlit.proto.BackMsg_pb2 import BackMsg

    from tests.browser import ARTIFACTS, free_port
    from tests.wsclient import Client, run_sync

    async def ask(url: str) -> str:
        async with Client(url) as client:
            await client.run()
            message = BackMsg()
            request = message.backend_operation_request
            request.request_id, request.session_id = "install", client.session_id
            request.install_skills.SetInParent()
            await client.ws.send(message.SerializeToString())
            answer = (await client.answers_to(["install"]))["install"]
            return client.answers["install"].backend_operation_response.error_reason, answer

    ARTIFACTS.mkdir(exist_ok=True)
    before = sorted(p.name for p in ROOT.iterdir())
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}
    with open(ARTIFACTS / f"streamlit-{port}.log", "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(
                        f"http://127.0.0.1:{port}/_stcore/health", timeout=2
                    ):
                        break
                except OSError:
                    assert server.poll() is None, "the app stopped; see its log"
                    assert time.monotonic() < deadline, "the app did not start"
                    time.sleep(0.3)
            reason, (url, error) = run_sync(ask(f"ws://127.0.0.1:{port}/_stcore/stream"))
        finally:
            server.terminate()
            server.wait(timeout=20)
    assert reason == "refused:headless"
    assert error
    assert not url
    assert sorted(p.name for p in ROOT.iterdir()) == before


HOSTILE_NAME = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


def hostile_link(view: str) -> list[tuple[str, str]]:
    """A link opening ``view`` with markup in a saved scenario's name and in a value."""
    return [("view", view), ("s", f"{HOSTILE_NAME}|investment=5"), ("investment", HOSTILE_NAME)]


@pytest.mark.parametrize("view", VIEWS)
def test_raw_html_is_only_the_pages_own_style_and_link_markup_stays_text(view):
    """On every view, opened from a link carrying markup, with the share and download popovers
    and the advanced assumptions open: the only raw HTML on the page is the page's own static
    style, and every text that shows the link's markup shows it escaped."""
    at = app_test()
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


@pytest.mark.browser
def test_hostile_link_shows_no_live_link_and_at_most_a_handful_of_notices(app_url, browser):
    """The issue's hostile link, plus 200 junk keys: the notices hold no <a> element, there
    are at most five plus one "and N more", and the saved names listed are no links either."""
    from urllib.parse import urlencode

    from simulator.safety import MAX_NOTICES
    from tests.test_safety import ISSUE_LINK

    junk = [(f"x{i:03d}", "www.evil.example") for i in range(200)]
    page = browser.new_page(viewport={"width": 1400, "height": 1400})
    page.goto(f"{app_url}/?{urlencode([*ISSUE_LINK, *junk])}")
    wait_idle(page)
    notices = page.locator("[data-testid='stAlert']")
    page.wait_for_function(
        "() => document.querySelectorAll(\"[data-testid='stAlert']\").length > 0"
    )
    assert 1 < notices.count() <= MAX_NOTICES + 1
    assert "pemberitahuan lain" in notices.last.inner_text()
    assert page.locator("[data-testid='stAlert'] a").count() == 0
    main = page.locator("[data-testid='stMain']")
    assert "www[.]evil[.]example" in main.inner_text()
    assert main.locator("a[href*='evil'], a[href^='mailto']").count() == 0
    page.close()


def toolbar_click(element, name: str, download=None) -> None:
    """Click the button of an element's toolbar whose label begins with ``name``; the toolbar
    shows while the pointer is over the element, so hover again until the click lands."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    button = element.locator(f"[data-testid='stElementToolbar'] button[aria-label^='{name}']")
    for _ in range(10):
        element.hover()
        try:
            button.click(timeout=2_000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"no {name!r} button appeared")


def download_csv(page, element) -> str:
    """The text of the file an element's toolbar "Download as CSV" gives."""
    with page.expect_download(timeout=20_000) as info:
        toolbar_click(element, "Download as CSV")
    return info.value.path().read_text(encoding="utf-8-sig")


@pytest.mark.browser
def test_compare_downloads_start_no_formula(app_url, browser):
    """Saved names that begin a formula: the comparison table's and the comparison chart's
    own "Download as CSV" (hidden on the page) and the page's comparison download give files
    in which no cell starts a formula."""
    import csv
    import io
    from urllib.parse import urlencode

    from simulator.safety import is_formula_risky
    from tests.test_safety import FORMULA_NAMES

    query = urlencode([("view", "compare"), *(("s", f"{n}|investment=5") for n in FORMULA_NAMES)])
    page = browser.new_page(viewport={"width": 1400, "height": 1400}, accept_downloads=True)
    # Without the File System Access API the download arrives as a file, as in most browsers.
    page.add_init_script("delete window.showSaveFilePicker;")
    page.goto(f"{app_url}/?{query}")
    wait_idle(page)
    # The page hides Streamlit's element toolbars (their words are English only); what they
    # would download must still be formula-safe should a Streamlit upgrade or a style change
    # show them again, so the test shows them.
    page.add_style_tag(
        content="html body [data-testid='stElementToolbar'] {display: flex !important;}"
    )
    # Each element sits in a frame that also holds its toolbar (shown on hover).
    frames = page.locator("[data-testid='stFullScreenFrame']")
    kinds = frames.evaluate_all(
        "els => els.map(e => e.querySelector(\"[data-testid='stDataFrame']\") ? 'table'"
        " : e.querySelector(\"[data-testid='stVegaLiteChart']\") ? 'chart' : '')"
    )
    table = download_csv(page, frames.nth(kinds.index("table")))
    chart = frames.nth(kinds.index("chart"))
    toolbar_click(chart, "Show data")
    chart.locator("[data-testid='stDataFrame']").wait_for()  # the data, in the chart's place
    data = download_csv(page, chart)
    assert data != table  # the chart's yearly series, not the table again
    assert "2030" in data
    # The page's own download of the comparison (the one a user sees).
    with page.expect_download(timeout=20_000) as info:
        page.get_by_role("button", name="Unduh perbandingan (CSV)").click()
    own = info.value.path().read_text(encoding="utf-8-sig")
    assert "2030" in own
    for text in (table, data, own):
        # Streamlit's downloads use commas; the page's own, the reader's separator.
        delimiter = ";" if ";" in text.splitlines()[0] else ","
        cells = [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]
        assert "'" + FORMULA_NAMES[0] in cells
        assert [cell for cell in cells if is_formula_risky(cell)] == []
    page.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_error_in_the_page_is_shown_in_the_page_language(monkeypatch, lang):
    """When a part of the page fails (here the model's warnings above the headline), the
    reader sees a short message in the page's language instead of Streamlit's fixed English
    "This app has encountered an error" text, and no error details."""

    import ui.widgets
    from simulator.i18n import tr

    def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    # Where the page looks it up (the module may be loaded already by an earlier test).
    monkeypatch.setattr(ui.widgets, "flags", broken)
    at = app_test()
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    shown = [e.value for e in at.error]
    assert tr("err_page", lang) in shown
    assert not any("secret internal detail" in text for text in shown)
