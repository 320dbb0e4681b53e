"""Sharing, presenting and downloading in a real browser (headless Chromium)."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from pypdf import PdfReader

from tests.browser import ARTIFACTS, SIDEBAR_LEVER, wait_charts, wait_idle

pytestmark = pytest.mark.browser


def metrics(page) -> list[str]:
    """All headline metric values on the page."""
    return page.locator(".ikm-card-value").all_inner_texts()


def move(page, slider_index: int, presses: int) -> None:
    """Move the n-th sidebar lever to the right with the keyboard, one press at a time, each
    waited for until its run has written the link (every press moves the lever away from the
    baseline, so every press changes the link)."""
    handle = page.locator(SIDEBAR_LEVER).nth(slider_index)
    handle.focus()
    for _ in range(presses):
        before = page.url
        page.keyboard.press("ArrowRight")
        page.wait_for_function("(before) => location.href !== before", arg=before, timeout=20_000)
        wait_idle(page)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_copied_link_reopens_identical_numbers_in_a_fresh_browser(app_url, browser, lang):
    """Move sliders, take the page URL, open it in a new context: the same headline."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(app_url)
    wait_idle(page)
    if lang == "en":
        page.get_by_role("radio", name="English").click()
        page.wait_for_function("() => location.search.includes('lang=en')", timeout=20_000)
        wait_idle(page)
    move(page, 0, 7)  # investment
    move(page, 2, 9)  # online adoption
    url, shown = page.url, metrics(page)
    assert "investment=" in url
    assert "online_adoption=" in url
    context.close()

    fresh = browser.new_context(viewport={"width": 1400, "height": 1000})
    again = fresh.new_page()
    again.goto(url)
    wait_idle(again)
    assert metrics(again) == shown
    assert again.locator("[data-testid='stException']").count() == 0
    fresh.close()


def test_presentation_view_fits_a_projector(app_url, browser):
    """view=present fits 1280 x 720 without scrolling, with four metrics and two charts."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/?view=present&investment=5.6&online_adoption=75")
    wait_idle(page)
    wait_charts(page, 2)
    assert page.locator(".ikm-card-value").count() == 4
    assert page.locator(".ikm-chart").count() == 2
    overflow = page.evaluate(
        "() => [...document.querySelectorAll('*')].filter(e => {"
        " const s = getComputedStyle(e);"
        " return (s.overflowY === 'auto' || s.overflowY === 'scroll')"
        " && e.scrollHeight > e.clientHeight + 1 && e.clientHeight > 300; }).length"
    )
    assert overflow == 0
    assert page.evaluate("() => document.documentElement.scrollHeight") <= 720
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    page.screenshot(path=str(ARTIFACTS / "present-id.png"))
    page.get_by_role("button", name="Kembali ke penyuntingan").click()
    page.wait_for_function("() => !location.search.includes('view=present')", timeout=20_000)
    wait_idle(page)
    assert page.locator("[data-testid='stSidebar']").is_visible()
    page.close()


def test_downloads_arrive_and_open(app_url, browser):
    """CSV, Excel, PDF and chart PNG download and read back with the page's numbers; the
    CSV names its scenario; the name typed for the briefing is printed on it and carried in
    the link."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page.goto(f"{app_url}/?investment=5.6")
    wait_idle(page)
    production = metrics(page)[0]
    page.get_by_role("button", name="Unduh").click()
    author = page.get_by_label("Disiapkan oleh (dicetak di PDF)")
    author.fill("Direktorat IKM Kimia, Sandang dan Aneka")
    author.press("Enter")
    page.wait_for_function("() => location.search.includes('by=')", timeout=20_000)
    wait_idle(page)
    if not page.get_by_test_id("stPopoverBody").is_visible():
        page.get_by_role("button", name="Unduh").click()
    files = {}
    for label in ("Hasil (CSV)", "Buku kerja (Excel)", "Ringkasan skenario (PDF)", "PNG"):
        with page.expect_download(timeout=60_000) as info:
            page.get_by_test_id("stPopoverBody").get_by_role(
                "button", name=label, exact=True
            ).click()
        download = info.value
        files[label] = (download.suggested_filename, download.path().read_bytes())
    name, data = files["Hasil (CSV)"]
    assert name.startswith("ikm-alas-kaki_")
    assert name.endswith(".csv")
    assert "Investasi tambahan dua kali lipat" in data.decode("utf-8-sig").split("\n")[0]
    frame = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig", comment="#")
    value = frame.filter(like="Nilai produksi").iloc[-1, 0]
    assert f"{value:.2f}".replace(".", ",") in production
    sheets = pd.read_excel(io.BytesIO(files["Buku kerja (Excel)"][1]), sheet_name=None)
    # The scenario's name, settings, link and warnings, then years, regions, parameters.
    assert len(sheets) == 4
    assert "Investasi tambahan dua kali lipat" in next(iter(sheets.values())).to_string()
    assert files["PNG"][1][:8] == b"\x89PNG\r\n\x1a\n"
    pdf = files["Ringkasan skenario (PDF)"][1]
    assert pdf[:5] == b"%PDF-"
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert production in text
    assert "investment=5.6" in text
    assert "Investasi tambahan dua kali lipat" in text
    assert "Disiapkan oleh Direktorat IKM Kimia, Sandang dan Aneka" in text
    page.close()


def test_save_then_open_a_saved_scenario(app_url, browser):
    """In the compare tab: save the scenario under a name (the link carries it), go back to
    the baseline, open the saved one: the levers and the headline return to it."""
    page = browser.new_page(viewport={"width": 1400, "height": 1200})
    page.goto(f"{app_url}/?view=compare&investment=5.6")
    wait_idle(page)
    moved = metrics(page)[0]
    page.get_by_label("Nama skenario").fill("Investasi tinggi")
    page.get_by_role("button", name="Simpan skenario ini").click()
    page.wait_for_function("() => location.search.includes('Investasi+tinggi')", timeout=20_000)
    wait_idle(page)
    assert "Investasi tinggi" in page.locator("[data-testid='stMain']").inner_text()

    page.get_by_role("button", name="Kembalikan ke skenario dasar").click()
    page.wait_for_function("() => !location.search.includes('investment=')", timeout=20_000)
    wait_idle(page)
    assert metrics(page)[0] != moved
    page.get_by_role("button", name="Buka").click()
    page.wait_for_function("() => location.search.includes('investment=5.6')", timeout=20_000)
    wait_idle(page)
    assert metrics(page)[0] == moved
    assert page.locator("[data-testid='stException']").count() == 0
    page.close()
