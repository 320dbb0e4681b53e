"""What a chat app shows for a shared link: deploy/link_preview.py writes the title, the
language, a description and a preview image into the page file Streamlit serves. Checked on
the real page file, and on an app served from a patched copy of Streamlit, read the way a
crawler reads it (one GET, no JavaScript)."""

from __future__ import annotations

import argparse
import re
import shutil
import struct
import sys
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.i18n import tr
from tests.browser import ROOT, serving, wait_idle

sys.path.insert(0, str(ROOT / "deploy"))
import link_preview

URL = "https://ikm.example.go.id"


class Head(HTMLParser):
    """The page's language, title, meta tags and the files it loads."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.lang, self.title, self.meta, self.assets = None, "", {}, []
        self._in_title = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and "content" in attrs:
            key = attrs.get("property") or attrs.get("name")
            assert key not in self.meta, f"{key} twice"
            self.meta[key] = attrs["content"]
        elif tag in ("script", "link"):
            self.assets.append(attrs.get("src") or attrs.get("href"))

    def handle_endtag(self, tag):
        self._in_title = self._in_title and tag != "title"

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def streamlit_page() -> str:
    return (link_preview.static_folder() / "index.html").read_text(encoding="utf-8")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_page_file_says_what_it_is_in_indonesian():
    """lang="id", the app's title, the description, and an absolute preview image address
    with its size; the page's own scripts and styles are all still there."""
    before, after = Head(streamlit_page()), Head(link_preview.rewrite(streamlit_page(), URL))
    assert before.title == "Streamlit"
    assert after.lang == "id"
    assert after.title == tr("app_title", "id")
    assert after.meta["description"] == after.meta["og:description"] == tr("app_description", "id")
    assert after.meta["og:title"] == tr("app_title", "id")
    assert after.meta["og:image"] == f"{URL}/preview.png"
    assert after.meta["og:url"] == f"{URL}/"
    assert (after.meta["og:image:width"], after.meta["og:image:height"]) == ("1200", "630")
    assert after.meta["twitter:card"] == "summary_large_image"
    assert after.assets == before.assets
    assert len(after.meta["description"]) <= 200


def test_running_it_again_or_for_another_address_leaves_one_set_of_tags():
    once = link_preview.rewrite(streamlit_page(), URL)
    assert link_preview.rewrite(once, URL) == once
    moved = Head(link_preview.rewrite(once, "https://simulasi.example.org/"))  # no tag twice
    assert moved.meta["og:image"] == "https://simulasi.example.org/preview.png"
    assert moved.title == tr("app_title", "id")
    assert sorted(moved.meta) == sorted(Head(once).meta)


def test_a_page_file_it_does_not_recognise_is_refused():
    with pytest.raises(ValueError, match="Streamlit changed it"):
        link_preview.rewrite("<html><head></head></html>", URL)


def test_the_preview_image_is_the_size_chat_apps_ask_for():
    assert png_size(link_preview.PREVIEW.read_bytes()) == link_preview.PREVIEW_SIZE


@given(st.text(max_size=80))
def test_only_an_absolute_web_address_is_taken(text):
    """Any text is either refused with a message or is an http(s) address with a host and
    no query, so the tags can only point at a web page."""
    try:
        url = link_preview.checked_url(text)
    except (argparse.ArgumentTypeError, ValueError):
        return
    assert re.match(r"https?://[^/?#@\s]", url)
    for mark in "?#@\"'<> ":
        assert mark not in url


@pytest.mark.parametrize("url", [URL, "http://localhost:8501", "https://a.example.go.id/ikm/"])
def test_ordinary_addresses_are_taken(url):
    assert link_preview.checked_url(url) == url


@pytest.mark.parametrize(
    "url", ["", "ikm.example.go.id", "javascript:alert(1)", "https://x/?a=1", "https://u@x"]
)
def test_other_text_is_refused_with_a_message(url):
    with pytest.raises(argparse.ArgumentTypeError, match="not a public address"):
        link_preview.checked_url(url)


@pytest.mark.browser
def test_a_crawler_reads_the_preview_from_the_served_page(tmp_path: Path, browser):
    """The app run from a patched copy of Streamlit answers a plain GET of any link with
    the Indonesian title and tags, serves the preview image, and still draws its page."""
    import streamlit

    copy = tmp_path / "site-packages"  # the name Streamlit checks to leave development mode
    shutil.copytree(
        Path(streamlit.__file__).resolve().parent,
        copy / "streamlit",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    link_preview.install(URL, copy / "streamlit" / "static")
    with serving(env={"PYTHONPATH": str(copy)}) as (url, _process):
        with urllib.request.urlopen(f"{url}/?investment=5.6&lang=en", timeout=20) as answer:
            head = Head(answer.read().decode("utf-8"))
        with urllib.request.urlopen(f"{url}/preview.png", timeout=20) as answer:
            assert answer.headers["Content-Type"] == "image/png"
            assert png_size(answer.read()) == (1200, 630)
        page = browser.new_page()
        page.goto(f"{url}/?investment=5.6")
        wait_idle(page)
        assert page.locator(".ikm-card-value").count() == 8
        assert page.title() == tr("app_title", "id")
        page.close()
    assert head.lang == "id"
    assert head.title == tr("app_title", "id")
    assert head.meta["og:image"] == f"{URL}/preview.png"
