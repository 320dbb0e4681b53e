"""deploy/nginx.conf for real: `nginx -t`, then nginx on loopback in front of the app with a
self-signed certificate: the headers it sends, what it hides, and a browser opening the
longest legitimate link through it while another site cannot frame the page."""

from __future__ import annotations

import http.client
import json
import socket
import ssl
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, require_chromium, serving, wait_idle
from tests.limits import longest_query
from tests.proxy import HOST, Proxy, check, configure, nginx_binary, running

SECURITY_HEADERS = {
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


@pytest.fixture(scope="module")
def proxied(tmp_path_factory) -> Proxy:
    """The app (allowed host: the proxy's server name) behind nginx on loopback."""
    nginx_binary()
    ARTIFACTS.mkdir(exist_ok=True)
    with serving(env={"STREAMLIT_SERVER_ALLOWED_HOSTS": HOST}) as (url, _process):
        proxy = configure(tmp_path_factory.mktemp("nginx"), int(url.rsplit(":", 1)[1]))
        with running(proxy):
            yield proxy


def connect(proxy: Proxy, host: str = HOST) -> http.client.HTTPSConnection:
    """A TLS connection to the proxy naming ``host`` (SNI and Host header)."""
    context = ssl.create_default_context(cafile=str(proxy.folder / "cert.pem"))
    connection = http.client.HTTPSConnection(host, proxy.https_port, timeout=10)
    raw = socket.create_connection(("127.0.0.1", proxy.https_port), timeout=10)
    connection.sock = context.wrap_socket(raw, server_hostname=host)
    return connection


def fetch(proxy: Proxy, path: str, host: str = HOST) -> http.client.HTTPResponse:
    """GET ``path`` over a new TLS connection to the proxy, naming ``host``."""
    connection = connect(proxy, host)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return response


def test_nginx_accepts_the_example(tmp_path: Path):
    """`nginx -t` passes on deploy/nginx.conf (pointed at a test certificate and ports)."""
    result = check(configure(tmp_path, 8501))
    assert result.returncode == 0, result.stderr


def test_every_response_carries_the_security_headers_and_no_versions(proxied):
    """Page, static file and error responses all carry HSTS, no-framing (CSP and
    X-Frame-Options), nosniff and no-referrer; the server is "nginx" with no version and
    the instances' "uvicorn" never shows."""
    for path, status in (("/", 200), ("/_stcore/health", 200), ("/_stcore/metrics", 404)):
        response = fetch(proxied, path)
        assert response.status == status, path
        headers = {k.lower(): v for k, v in response.getheaders()}
        for name, value in SECURITY_HEADERS.items():
            assert headers.get(name) == value, (path, name)
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["server"] == "nginx"
        assert "uvicorn" not in json.dumps(headers).lower()


def test_internals_are_not_public(proxied):
    """Metrics, the script health check and the agent API answer 404 from outside; the host
    configuration the browser needs names no embedding origins."""
    for path in (
        "/_stcore/metrics",
        "/_stcore/metrics/",
        "/_stcore/%6detrics",
        "/_stcore/script-health-check",
        "/_stcore/agent/interact",
    ):
        assert fetch(proxied, path).status == 404, path
    response = fetch(proxied, "/_stcore/host-config")
    assert response.status == 200


def test_plain_http_redirects_and_other_host_names_get_no_page(proxied):
    """HTTP answers with a redirect to HTTPS; a TLS client naming another host is refused
    during the handshake (no certificate, no page)."""
    connection = http.client.HTTPConnection("127.0.0.1", proxied.http_port, timeout=10)
    connection.request("GET", "/?investment=5.6", headers={"Host": HOST})
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == f"https://{HOST}/?investment=5.6"
    connection = http.client.HTTPConnection("127.0.0.1", proxied.http_port, timeout=10)
    connection.request("GET", f"/?{longest_query()}", headers={"Host": HOST})
    response = connection.getresponse()
    assert response.status == 301  # not 414: the longest link survives the redirect
    assert response.getheader("Location") == f"https://{HOST}/?{longest_query()}"
    with pytest.raises(ssl.SSLError):
        fetch(proxied, "/", host="rebind.example")


def open_through_proxy(proxy: Proxy) -> dict:
    """In a Chromium of its own (the proxy's host name mapped to loopback): open the longest
    legitimate link, then frame the app from another page; return what each showed."""
    from playwright.sync_api import sync_playwright

    args = [*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {HOST} 127.0.0.1"]
    seen: dict = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        context = browser.new_context(
            ignore_https_errors=True, viewport={"width": 1400, "height": 1200}
        )
        page = context.new_page()
        response = page.goto(f"{proxy.url}/?{longest_query()}")
        seen["status"] = response.status if response else None
        seen["x-frame-options"] = response.headers.get("x-frame-options") if response else None
        wait_idle(page)
        seen["metrics"] = page.locator(".ikm-card-value").count()
        seen["exceptions"] = page.locator("[data-testid='stException']").count()
        seen["main"] = page.locator("[data-testid='stMain']").inner_text()

        framing = context.new_page()
        framing.set_content(
            f'<iframe id="app" src="{proxy.url}/" onload="this.dataset.loaded=1"></iframe>'
        )
        framing.wait_for_function("() => document.getElementById('app').dataset.loaded")
        frame = framing.frames[1]
        seen["framed_url"] = frame.url
        seen["framed_apps"] = frame.locator("[data-testid='stApp']").count()
        browser.close()
    return seen


@pytest.mark.browser
def test_longest_link_opens_through_the_proxy_and_no_site_can_frame_it(proxied):
    """In Chromium, through nginx: the longest legitimate link (eight saved scenarios, 16 KB)
    opens with its numbers, and a page on another origin that frames the app gets nothing."""
    require_chromium()
    # A thread of its own: the session's shared browser already runs Playwright's sync API
    # (an event loop) in this one, and this test needs a Chromium with a host mapping.
    with ThreadPoolExecutor(1) as pool:
        seen = pool.submit(open_through_proxy, proxied).result()
    assert seen["status"] == 200
    assert seen["x-frame-options"] == "DENY"
    assert seen["metrics"] == 8
    assert seen["exceptions"] == 0
    assert seen["main"].count("\U0001f45e" * 60) >= 8
    assert seen["framed_url"].startswith("chrome-error://"), seen["framed_url"]
    assert seen["framed_apps"] == 0


def test_request_bursts_from_one_address_are_limited(proxied):
    """Well past the burst allowance, requests from one address get 429, still with the
    security headers. Runs last in this file: it spends the address's allowance."""
    connection = connect(proxied)
    responses = []
    for _ in range(80):
        connection.request("GET", "/_stcore/health")
        response = connection.getresponse()
        response.read()
        responses.append(response)
    statuses = [r.status for r in responses]
    assert statuses[0] == 200
    limited = [r for r in responses if r.status == 429]
    assert limited, statuses
    assert limited[0].getheader("X-Frame-Options") == "DENY"
