"""deploy/nginx.conf for real: `nginx -t`, then nginx on loopback in front of the app with a
self-signed certificate: the headers it sends, what it hides, and a browser opening the
longest legitimate link through it while another site cannot frame the page."""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, require_chromium, serving, wait_idle
from tests.limits import longest_query
from tests.proxy import HOST, Proxy, check, configure, nginx_binary, running
from tests.wsclient import Client, run_sync

# Every test here starts nginx, and behind it a Streamlit server of its own.
pytestmark = pytest.mark.slow

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


# The review's hostile link (issue 26): English page, a saved scenario whose name would be
# a live formula in cell B1 of the results CSV, and the levers on that scenario.
HOSTILE_CSV_LINK = (
    "lang=en&investment=5"
    "&s=x%2C%3DHYPERLINK%28%22https%3A%2F%2Fevil.example%2Fx%22%29%7Cinvestment%3D5"
)
# Notes every Content-Security-Policy violation the page (or a component in it) reports.
WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
}, true);
"""


def every_view_under_the_policy(proxy: Proxy) -> dict:
    """In a Chromium of its own, through nginx and its Content-Security-Policy: open the
    hostile link, every tab, the presentation view, and download every file the page
    offers; return what the page reported and what arrived."""
    from playwright.sync_api import sync_playwright

    from simulator.i18n import tr
    from tests.browser import wait_charts

    args = [*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {HOST} 127.0.0.1"]
    seen: dict = {"console": [], "views": {}, "files": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        context = browser.new_context(
            ignore_https_errors=True,
            viewport={"width": 1400, "height": 1100},
            accept_downloads=True,
        )
        context.add_init_script(WATCH_CSP)
        page = context.new_page()
        page.on("console", lambda m: seen["console"].append(f"{m.type}: {m.text}"))
        response = page.goto(f"{proxy.url}/?{HOSTILE_CSV_LINK}")
        seen["policy"] = response.headers.get("content-security-policy") if response else None
        slow = 120_000  # a fresh instance's first page, on a busy machine
        wait_idle(page, timeout=slow)
        main = page.locator("[data-testid='stMain']")
        for code in ("results", "regions", "table", "compare", "analysis", "method"):
            page.get_by_role("tab", name=tr(f"tab_{code}", "en"), exact=True).click()
            page.wait_for_function(
                "(code) => code === 'results' ? !location.search.includes('view=')"
                " : location.search.includes('view=' + code)",
                arg=code,
                timeout=slow,
            )
            wait_idle(page, timeout=slow)
            wait_charts(page, timeout=slow)
            seen["views"][code] = {
                "charts": page.locator(DRAWN_CHARTS).count(),
                "exceptions": page.locator("[data-testid='stException']").count(),
            }
            if code == "compare":
                with page.expect_download(timeout=60_000) as info:
                    main.get_by_role("button", name=tr("dl_compare_csv", "en")).click()
                seen["files"]["compare"] = info.value.path().read_bytes()
        page.get_by_role("button", name=tr("downloads", "en")).click()
        popover = page.get_by_test_id("stPopoverBody")
        for key in ("dl_csv", "dl_xlsx", "dl_pdf", "dl_png", "dl_svg"):
            with page.expect_download(timeout=120_000) as info:
                popover.get_by_role("button", name=tr(key, "en"), exact=True).click()
            seen["files"][key] = info.value.path().read_bytes()
        page.keyboard.press("Escape")
        page.get_by_role("button", name=tr("present", "en")).click()
        page.wait_for_function("() => location.search.includes('view=present')", timeout=slow)
        wait_idle(page, timeout=slow)
        wait_charts(page, 2, timeout=slow)
        seen["views"]["present"] = {
            "charts": page.locator(DRAWN_CHARTS).count(),
            "exceptions": page.locator("[data-testid='stException']").count(),
        }
        page.screenshot(path=str(ARTIFACTS / "csp-present.png"))
        seen["violations"] = page.evaluate("() => window.__csp")
        browser.close()
    return seen


# Charts Streamlit draws, and the scenario view's charts once Vega has drawn them (canvas).
DRAWN_CHARTS = "[data-testid='stVegaLiteChart'], .ikm-chart canvas"


@pytest.mark.browser
def test_every_view_and_download_works_under_the_script_policy(proxied):
    """Through nginx, whose Content-Security-Policy allows only the page's own scripts: the
    hostile link of the review opens, every tab and the presentation view draw their charts,
    every download arrives, and the page reports no policy violation. The English results
    CSV, parsed whole with its comma, holds no cell that runs as a formula."""
    import csv
    import io

    from deploy.csp import policy
    from simulator.safety import is_formula_risky

    require_chromium()
    with ThreadPoolExecutor(1) as pool:
        seen = pool.submit(every_view_under_the_policy, proxied).result()
    assert seen["policy"] == policy()
    assert seen["violations"] == []
    assert [m for m in seen["console"] if "Content Security Policy" in m or "Refused" in m] == []
    for view, found in seen["views"].items():
        assert found["exceptions"] == 0, view
    for view in ("results", "regions", "compare", "analysis", "present"):
        assert seen["views"][view]["charts"] >= 1, view
    files = seen["files"]
    assert files["dl_pdf"][:5] == b"%PDF-"
    assert files["dl_png"][:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in files["dl_svg"][:400]
    assert files["dl_xlsx"][:2] == b"PK"
    for name in ("dl_csv", "compare"):
        text = files[name].decode("utf-8-sig")
        cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
        assert [cell for cell in cells if is_formula_risky(cell)] == [], name
    assert "HYPERLINK" in files["dl_csv"].decode("utf-8-sig").split("\n")[0]


def test_a_link_too_long_to_read_gets_a_page_saying_so_in_both_languages(proxied):
    """A link longer than the 64 KB nginx reads (simulator.links.MAX_LINK_BYTES; the page
    writes at most 22 KB) gets a 414 page in Indonesian and English pointing back to the
    simulator, with the security headers; the longest legitimate link still opens."""
    from simulator.links import MAX_LINK_BYTES

    assert fetch(proxied, f"/?{longest_query()}").status == 200
    connection = connect(proxied)
    connection.request("GET", "/?investment=5&x=" + "a" * MAX_LINK_BYTES)
    response = connection.getresponse()
    body = response.read().decode("utf-8")
    assert response.status == 414
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert "Tautan terlalu panjang" in body
    assert "Link too long" in body
    assert '<a href="/">' in body
    assert response.getheader("X-Frame-Options") == "DENY"


def handshake(proxy: Proxy, version: ssl.TLSVersion) -> str:
    """The TLS version a handshake offering only ``version`` ends with (or the error)."""
    context = ssl.create_default_context(cafile=str(proxy.folder / "cert.pem"))
    context.set_ciphers("DEFAULT:@SECLEVEL=0")  # let the client offer old versions at all
    with warnings.catch_warnings():  # TLS 1.0 and 1.1 are deprecated: that is the point
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = context.maximum_version = version
    try:
        with (
            socket.create_connection(("127.0.0.1", proxy.https_port), timeout=10) as raw,
            context.wrap_socket(raw, server_hostname=HOST) as tls,
        ):
            return tls.version()
    except ssl.SSLError as error:
        return f"refused: {error.reason}"


def test_tls_1_3_is_offered_and_versions_before_1_2_are_refused(proxied):
    """TLS 1.3 and 1.2 complete a handshake (nginx 1.22 offers 1.3 only when the default
    server allows it); 1.1 and 1.0 are refused."""
    assert handshake(proxied, ssl.TLSVersion.TLSv1_3) == "TLSv1.3"
    assert handshake(proxied, ssl.TLSVersion.TLSv1_2) == "TLSv1.2"
    for old in (ssl.TLSVersion.TLSv1_1, ssl.TLSVersion.TLSv1):
        assert handshake(proxied, old).startswith("refused"), old


def cookies(response: http.client.HTTPResponse) -> dict[str, list[str]]:
    """Set-Cookie headers: name -> its attributes (lower case)."""
    found = {}
    for name, value in response.getheaders():
        if name.lower() == "set-cookie":
            first, *attributes = (part.strip() for part in value.split(";"))
            found[first.split("=", 1)[0]] = [a.lower() for a in attributes]
    return found


def test_cookies_are_sent_back_over_https_only(proxied):
    """Streamlit's XSRF cookie (set with the health answer the page asks for first) comes
    through nginx marked Secure; a browser's first response also gives it the route cookie
    (Secure, HttpOnly), and only the first."""
    response = fetch(proxied, "/_stcore/health")
    first = cookies(response)
    assert "secure" in first["_streamlit_xsrf"]
    assert {"secure", "httponly", "samesite=lax"} <= set(first["ikm_route"])
    connection = connect(proxied)
    route = next(v for k, v in response.getheaders() if v.startswith("ikm_route="))
    connection.request("GET", "/_stcore/health", headers={"Cookie": route.split(";", 1)[0]})
    again = connection.getresponse()
    again.read()
    assert "ikm_route" not in cookies(again)


@pytest.fixture(scope="module")
def two_instances(tmp_path_factory) -> Proxy:
    """Two instances of the app behind nginx, as deploy/nginx.conf balances them."""
    nginx_binary()
    ARTIFACTS.mkdir(exist_ok=True)
    env = {"STREAMLIT_SERVER_ALLOWED_HOSTS": HOST}
    with serving(env=env) as (first, _), serving(env=env) as (second, _):
        ports = [int(url.rsplit(":", 1)[1]) for url in (first, second)]
        proxy = configure(tmp_path_factory.mktemp("nginx2"), ports)
        with running(proxy):
            yield proxy


def get_from(proxy: Proxy, source: str, path: str, cookie: str = "") -> http.client.HTTPResponse:
    """GET ``path`` through the proxy from the loopback address ``source`` (the whole of
    127.0.0.0/8 is this machine: a client whose address changed), with ``cookie``."""
    context = ssl.create_default_context(cafile=str(proxy.folder / "cert.pem"))
    raw = socket.create_connection(
        ("127.0.0.1", proxy.https_port), timeout=10, source_address=(source, 0)
    )
    connection = http.client.HTTPSConnection(HOST, proxy.https_port, timeout=10)
    connection.sock = context.wrap_socket(raw, server_hostname=HOST)
    connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    response = connection.getresponse()
    response.read()
    return response


async def results_csv_address(proxy: Proxy, source: str, cookie: str) -> str:
    """From ``source``, with ``cookie``: open the page's websocket, the download menu, and
    ask for the results CSV (built in that instance's memory); the address to fetch it."""
    context = ssl.create_default_context(cafile=str(proxy.folder / "cert.pem"))
    async with Client(
        f"wss://{HOST}:{proxy.https_port}/_stcore/stream",
        ssl=context,
        host="127.0.0.1",
        port=proxy.https_port,
        local_addr=(source, 0),
        server_hostname=HOST,
        additional_headers={"Cookie": cookie},
        proxy=None,
    ) as client:
        menu = await client.open_popover("Unduh", await client.run())
        ids = await client.request_files(menu.downloads["Hasil (CSV)"], 1)
        address, error = (await client.answers_to(ids))[ids[0]]
        assert address, error
        return address


def test_a_download_survives_a_client_address_change(two_instances):
    """A browser opens the page from one address and, by the time it clicks a download,
    has another: the file, kept in the memory of the instance that built it, still
    arrives, because the route cookie (not the address) picks the instance. Without the
    cookie, some addresses reach the other instance, which has no such file."""
    proxy = two_instances
    first = get_from(proxy, "127.0.0.2", "/")
    route = next(v for k, v in first.getheaders() if v.startswith("ikm_route=")).split(";")[0]
    address = run_sync(results_csv_address(proxy, "127.0.0.2", route))
    others = [f"127.0.0.{n}" for n in range(3, 40)]
    by_address = {source: get_from(proxy, source, address).status for source in others}
    assert 404 in by_address.values(), by_address  # the other instance has no such file
    for source in others:
        response = get_from(proxy, source, address, cookie=route)
        assert response.status == 200, source
        assert response.getheader("Content-Type", "").startswith("text/csv")


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
