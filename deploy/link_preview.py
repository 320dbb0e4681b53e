"""What a chat app shows for a shared link: the page's title, language, description and a
preview image, written into the page file the app serves.

Streamlit serves one fixed page file (``<title>Streamlit</title>``, ``lang="en"``, no
description); the browser fills in the real page afterwards, but crawlers of chat apps and
search engines read only that file. This script rewrites it in the installed Streamlit
package, once, when the app is installed on a server (the Dockerfile runs it; on a plain host
run it after ``pip install``):

    python deploy/link_preview.py https://ikm.example.go.id

It sets ``lang="id"``, the title, a description and Open Graph and Twitter card tags in
Indonesian (the page's default language), and copies ``deploy/preview.png`` (1200 x 630) next
to the page file, where the app serves it as ``/preview.png``. Running it again gives the
same file. Reinstalling Streamlit undoes it: run it again after an upgrade.

    python deploy/link_preview.py --shoot http://localhost:8501

takes a fresh ``deploy/preview.png`` from a running app (Playwright and Chromium, installed
by ``python run.py test``).
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.i18n import tr  # noqa: E402

PREVIEW = Path(__file__).resolve().parent / "preview.png"
PREVIEW_SIZE = (1200, 630)
PUBLIC_URL = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?")
MARK = "<!-- link preview: deploy/link_preview.py -->"


def static_folder() -> Path:
    """The folder of the page file the installed Streamlit serves."""
    import streamlit

    return Path(streamlit.__file__).resolve().parent / "static"


def head_tags(public_url: str) -> str:
    """The description, Open Graph and Twitter card tags, every value escaped."""
    title, description = tr("app_title", "id"), tr("app_description", "id")
    base = public_url.rstrip("/")
    tags = [
        ("name", "description", description),
        ("property", "og:type", "website"),
        ("property", "og:site_name", title),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:locale", "id_ID"),
        ("property", "og:locale:alternate", "en_US"),
        ("property", "og:url", base + "/"),
        ("property", "og:image", base + "/preview.png"),
        ("property", "og:image:width", str(PREVIEW_SIZE[0])),
        ("property", "og:image:height", str(PREVIEW_SIZE[1])),
        ("property", "og:image:alt", title),
        ("name", "twitter:card", "summary_large_image"),
    ]
    lines = [
        f'    <meta {kind}="{html.escape(key)}" content="{html.escape(value)}" />'
        for kind, key, value in tags
    ]
    return "\n".join([f"    {MARK}", *lines, f"    {MARK}"])


def rewrite(page: str, public_url: str) -> str:
    """``page`` (Streamlit's index.html, patched before or not) with the link preview."""
    title = html.escape(tr("app_title", "id"))
    # A page patched before loses its old tags first: the result depends on the URL only.
    page = re.sub(rf"\n?[ \t]*{re.escape(MARK)}.*?{re.escape(MARK)}", "", page, flags=re.S)
    page, langs = re.subn(r'<html lang="[^"]*">', '<html lang="id">', page, count=1)
    page, titles = re.subn(r"<title>.*?</title>", f"<title>{title}</title>", page, count=1)
    if not (langs and titles):
        raise ValueError("the page file has no <html lang> or <title>: Streamlit changed it")
    return page.replace(
        f"<title>{title}</title>", f"<title>{title}</title>\n" + head_tags(public_url), 1
    )


def checked_url(value: str) -> str:
    """The public address: http(s), a host name, an optional port and path, nothing else
    (no query, fragment, user name or spaces)."""
    if not PUBLIC_URL.fullmatch(value):
        raise argparse.ArgumentTypeError(f"not a public address like https://host: {value!r}")
    return value


def install(public_url: str, folder: Path | None = None) -> Path:
    """Rewrite the page file in ``folder`` (the installed Streamlit's by default) and copy
    the preview image beside it. Returns the page file's path."""
    folder = folder or static_folder()
    page = folder / "index.html"
    page.write_text(rewrite(page.read_text(encoding="utf-8"), public_url), encoding="utf-8")
    shutil.copyfile(PREVIEW, folder / "preview.png")
    return page


def shoot(app_url: str) -> None:
    """Screenshot a running app's Indonesian page at the preview size into PREVIEW."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": PREVIEW_SIZE[0], "height": PREVIEW_SIZE[1]})
        page.goto(f"{app_url}/?view=present")
        page.locator("[data-testid='stMetricValue']").first.wait_for(timeout=60_000)
        page.locator("[data-testid='stVegaLiteChart'] svg").first.wait_for(timeout=60_000)
        page.wait_for_function(
            "() => !document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=60_000
        )
        page.screenshot(path=str(PREVIEW))
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("public_url", type=checked_url, help="e.g. https://ikm.example.go.id")
    parser.add_argument(
        "--shoot", action="store_true", help="take deploy/preview.png from this running app"
    )
    args = parser.parse_args(argv)
    if args.shoot:
        shoot(args.public_url)
        print(PREVIEW)
    else:
        print(install(args.public_url))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
