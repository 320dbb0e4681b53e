"""Per-instance limits (issue 26, item 3): past the session cap a new visitor gets a clear page
in the link's language and gets in once a place is free; no visitor can empty the cache that
every session shares."""

from __future__ import annotations

import contextlib
import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.browser import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    HEADLINE,
    require_chromium,
    serving,
    wait_idle,
)
from tests.wsclient import Client, run_sync

METRIC = HEADLINE  # a headline card's number (the scenario view)


def stream(url: str) -> str:
    return url.replace("http", "ws", 1) + "/_stcore/stream"


def pair_misses(url: str) -> int:
    """How often the scenario-and-baseline run was computed (not found in the cache), from
    the instance's metrics (Prometheus text, as an operator's scraper reads it)."""
    with urllib.request.urlopen(f"{url}/_stcore/metrics", timeout=10) as response:
        text = response.read().decode()
    found = re.search(
        r'cache_lookups_total\{cache="ui\.runs\.pair"[^}]*result="miss"\} (\d+)', text
    )
    assert found, "no miss counter for ui.runs.pair in /_stcore/metrics"
    return int(found.group(1))


async def open_page(url: str) -> None:
    async with Client(stream(url)) as client:
        run = await client.run()
        assert run.lever is not None
        assert not run.exception


async def clear_cache(url: str) -> None:
    """What any connection can send: Streamlit's "clear cache" message."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    async with Client(stream(url)) as client:
        await client.run()
        message = BackMsg()
        message.clear_cache = True
        await client.ws.send(message.SerializeToString())
        await client.run()  # the message was handled before this run was


@pytest.mark.slow
def test_a_visitor_cannot_clear_the_shared_cache():
    """A session opens the page (the baseline is computed once); another connection sends
    "clear cache"; a third session opening the page finds the baseline still cached."""
    ARTIFACTS.mkdir(exist_ok=True)
    with serving() as (url, _process):
        run_sync(open_page(url))
        computed = pair_misses(url)
        run_sync(clear_cache(url))
        run_sync(open_page(url))
        assert pair_misses(url) == computed


@pytest.fixture(scope="module")
def one_place():
    """The app with room for one session."""
    ARTIFACTS.mkdir(exist_ok=True)
    with serving(env={"IKM_MAX_SESSIONS": "1"}) as (url, _process):
        yield url


def visit_a_full_instance(url: str) -> dict:
    """In a Chromium of its own (the suite's shared browser runs Playwright's sync API in the
    main thread): a first visitor, three more while it stays, then the first leaves and the
    second tries again. What each saw."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    seen: dict = {"full": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        first = browser.new_page(viewport={"width": 1280, "height": 800})
        first.goto(f"{url}/?investment=5.6")
        wait_idle(first, timeout=120_000)
        seen["first_metrics"] = first.locator(METRIC).count()
        waiting = None
        for lang, size in (("id", (1280, 800)), ("en", (390, 844)), ("id", (1024, 768))):
            page = browser.new_page(viewport={"width": size[0], "height": size[1]})
            query = "investment=7" + ("&lang=en" if lang == "en" else "")
            page.goto(f"{url}/?{query}")
            wait_idle(page, timeout=120_000)
            seen["full"][f"{lang}-{size[0]}"] = {
                "text": page.locator("[data-testid='stMain']").inner_text(),
                "metrics": page.locator(METRIC).count(),
                "exceptions": page.locator("[data-testid='stException']").count(),
            }
            page.screenshot(path=str(ARTIFACTS / f"capacity-full-{lang}-{size[0]}.png"))
            waiting = waiting or page
        first.close()
        retry = waiting.get_by_role("button", name="Coba lagi")
        for _ in range(10):  # until the server has seen the first visitor leave
            if not retry.count():
                break
            retry.click()
            with contextlib.suppress(PlaywrightTimeout):
                waiting.locator(METRIC).first.wait_for(timeout=5_000)
        wait_idle(waiting, timeout=120_000)
        seen["admitted_metrics"] = waiting.locator(METRIC).count()
        seen["admitted_url"] = waiting.url
        browser.close()
    return seen


@pytest.mark.browser
def test_a_full_instance_says_so_in_the_links_language_and_lets_in_when_free(one_place):
    """With room for one: the first visitor gets the page; the second gets the full page
    in Indonesian (the third, whose link says lang=en, in English) with no number and no
    error; once the first leaves, "Coba lagi" opens the second's scenario."""
    require_chromium()
    with ThreadPoolExecutor(1) as pool:
        seen = pool.submit(visit_a_full_instance, one_place).result()
    assert seen["first_metrics"] == 8
    for shown in seen["full"].values():
        assert shown["metrics"] == 0
        assert shown["exceptions"] == 0
    id_text, en_text = seen["full"]["id-1280"]["text"], seen["full"]["en-390"]["text"]
    assert "Simulator sedang penuh" in id_text
    assert "Tautan Anda tetap berlaku" in id_text
    assert "The simulator is full right now" in en_text
    assert "Your link stays valid" in en_text
    assert "penuh" not in en_text
    assert seen["admitted_metrics"] == 8
    assert "investment=7" in seen["admitted_url"]
