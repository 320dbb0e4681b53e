"""Downloads cannot be flooded (issue 26, item 1): against the running app, a client that
sends the same download request thirty times over its websocket (what one attacker's
connection can do; a browser disables the button while a file is built) costs one build,
and another session asking for the same file gets it without a build."""

from __future__ import annotations

import urllib.request

import pytest

from tests.browser import ARTIFACTS, serving
from tests.wsclient import Client, run_sync

# Every test here starts a Streamlit server of its own.
pytestmark = pytest.mark.slow

MENU, PDF = "Unduh", "Ringkasan skenario (PDF)"
BUILT = "download built: simulator.files.builders.briefing_pdf"  # the log line of one PDF build


@pytest.fixture(scope="module")
def app():
    """The app on loopback, with its log file."""
    ARTIFACTS.mkdir(exist_ok=True)
    with serving() as (url, _process):
        yield url, ARTIFACTS / f"streamlit-{url.rsplit(':', 1)[1]}.log"


def stream(url: str) -> str:
    return url.replace("http", "ws", 1) + "/_stcore/stream"


async def flood(url: str, count: int) -> list[tuple[str, str]]:
    """Open the download menu and ask for the briefing ``count`` times at once; the answers
    (file address, error)."""
    async with Client(stream(url)) as client:
        menu = await client.open_popover(MENU, await client.run())
        ids = await client.request_files(menu.downloads[PDF], count)
        return list((await client.answers_to(ids, timeout=240)).values())


def fetch(url: str, path: str) -> bytes:
    with urllib.request.urlopen(url + path, timeout=30) as response:
        return response.read()


def test_thirty_identical_download_requests_cost_one_build(app):
    """30 requests for the briefing at once over one websocket: the server logs one build;
    what it answers is the PDF or a refusal, never a second build. A second session then
    gets the same file without a build."""
    url, log = app
    answers = run_sync(flood(url, 30))
    assert log.read_text().count(BUILT) == 1
    files = [address for address, error in answers if address and not error]
    refused = [error for address, error in answers if error]
    assert files
    assert len(files) + len(refused) == 30
    pdf = {fetch(url, address) for address in files}
    assert len(pdf) == 1
    assert next(iter(pdf))[:5] == b"%PDF-"
    again = run_sync(flood(url, 1))
    assert [fetch(url, address)[:5] for address, _ in again] == [b"%PDF-"]
    assert log.read_text().count(BUILT) == 1
