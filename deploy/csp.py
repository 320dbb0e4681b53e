"""The page's Content-Security-Policy, computed from the installed Streamlit, and kept in the
nginx and Kubernetes examples.

The policy lets the page run only its own scripts: the files Streamlit serves ('self'), the
page's components (Streamlit loads a component's JavaScript from a blob: address), the
WebAssembly its protobuf decoder compiles, and the one inline script in Streamlit's page
file, named by its sha256 hash. That hash changes whenever
Streamlit changes the script, so it is computed here from the installed package, never typed
by hand:

    python deploy/csp.py            # print the policy for the installed Streamlit
    python deploy/csp.py --write    # put it into deploy/nginx.conf and deploy/kubernetes.yaml
    python deploy/csp.py --check    # exit 1 when those files hold another policy

Run ``--write`` after upgrading Streamlit, then the browser test (tests/test_proxy.py opens
every view and every download through nginx with the policy and fails on any violation).
tests/test_csp.py makes ``--check``'s comparison with the Streamlit the lock installs, so
an upgrade cannot silently break the page.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
NGINX = DEPLOY / "nginx.conf"
KUBERNETES = DEPLOY / "kubernetes.yaml"
# Where each file states the policy: the line's start and end around the policy text.
PLACES = {
    NGINX: ('add_header Content-Security-Policy "', '" always;'),
    KUBERNETES: ('Content-Security-Policy: "', '"'),
}


def page_file() -> Path:
    """The page file the installed Streamlit serves."""
    import streamlit

    return Path(streamlit.__file__).resolve().parent / "static" / "index.html"


class _Scripts(HTMLParser):
    """The text of every inline script of a page (scripts with a src are files: 'self')."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.inline: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open = None if dict(attrs).get("src") else []

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.inline.append("".join(self._open))
            self._open = None


def inline_hashes(page: str) -> list[str]:
    """CSP source expressions ('sha256-...') for the inline scripts of ``page``, as a
    browser hashes them: the UTF-8 bytes between the tags."""
    parser = _Scripts()
    parser.feed(page)
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in parser.inline
    ]


def policy(page: str | None = None) -> str:
    """The policy for ``page`` (the installed Streamlit's page file by default)."""
    page = page if page is not None else page_file().read_text(encoding="utf-8")
    # 'wasm-unsafe-eval': Streamlit's protobuf decoder (long.js) compiles a small
    # WebAssembly module of its own for 64-bit arithmetic (it falls back to JavaScript, but
    # each page load would report a violation); it allows no JavaScript eval.
    scripts = " ".join(["'self'", "blob:", "'wasm-unsafe-eval'", *inline_hashes(page)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            # Streamlit's styles are set by script at run time (CSS-in-JS): inline styles.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "worker-src 'self' blob:",
            # The websocket and the page's own requests; nothing goes to another host.
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "object-src 'none'",
            "form-action 'self'",
        ]
    )


def stated(path: Path) -> str:
    """The policy a deployment file states."""
    start, end = PLACES[path]
    found = re.findall(re.escape(start) + r"([^\"]*)" + re.escape(end), path.read_text("utf-8"))
    if len(found) != 1:
        raise ValueError(f"{path.name} should state the policy once, found {len(found)}")
    return found[0]


def write(path: Path, value: str) -> None:
    """Put ``value`` in ``path`` where it states the policy."""
    start, end = PLACES[path]
    text = path.read_text("utf-8")
    pattern = re.escape(start) + r"[^\"]*" + re.escape(end)
    path.write_text(re.sub(pattern, lambda _: start + value + end, text, count=1), "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help="update the deployment files")
    action.add_argument("--check", action="store_true", help="fail if they hold another policy")
    args = parser.parse_args(argv)
    wanted = policy()
    if args.write:
        for path in PLACES:
            write(path, wanted)
    if args.check:
        stale = [path.name for path in PLACES if stated(path) != wanted]
        if stale:
            print(
                f"the Content-Security-Policy in {', '.join(stale)} does not match the "
                "installed Streamlit: run python deploy/csp.py --write",
                file=sys.stderr,
            )
            return 1
    print(wanted)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
