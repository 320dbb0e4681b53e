"""The script Content-Security-Policy (issue 26, item 4): computed from the installed
Streamlit by deploy/csp.py, and stated as computed in the nginx and Kubernetes examples, so
a Streamlit upgrade that changes its page's inline script fails here until the policy is
written again (the browser test in tests/test_proxy.py checks the policy on every view)."""

from __future__ import annotations

import base64
import hashlib
import shutil

import pytest

from deploy import csp


def test_the_deployment_files_state_the_policy_of_the_installed_streamlit():
    """nginx and the Ingress's header ConfigMap send exactly the policy deploy/csp.py
    computes from the page file of the Streamlit installed here."""
    wanted = csp.policy()
    assert csp.stated(csp.NGINX) == wanted
    assert csp.stated(csp.KUBERNETES) == wanted


def test_the_policy_names_each_inline_script_by_its_hash_and_no_script_file():
    """Every inline script of a page is allowed by the sha256 a browser computes over its
    text; a script loaded from a file is not hashed (it is allowed as 'self')."""
    scripts = ["\n  window.prerenderReady = false\n", "console.log('é')"]
    page = (
        "<html><head>"
        + "".join(f"<script>{s}</script>" for s in scripts)
        + '<script type="module" src="./static/js/index.js"></script></head></html>'
    )
    digests = [base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts]
    assert csp.inline_hashes(page) == [f"'sha256-{d}'" for d in digests]
    script_src = next(p for p in csp.policy(page).split("; ") if p.startswith("script-src"))
    hashes = f"'sha256-{digests[0]}' 'sha256-{digests[1]}'"
    assert script_src == f"script-src 'self' blob: 'wasm-unsafe-eval' {hashes}"
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in csp.policy(page)


def test_check_fails_on_a_stale_policy_and_write_mends_it(tmp_path, monkeypatch, capsys):
    """``--check`` exits 1 naming the file whose policy differs from the installed
    Streamlit's; ``--write`` puts the right one in, and the check passes again."""
    places = {}
    for path, marks in csp.PLACES.items():
        copy = tmp_path / path.name
        shutil.copyfile(path, copy)
        places[copy] = marks
    monkeypatch.setattr(csp, "PLACES", places)
    stale = tmp_path / "nginx.conf"
    stale.write_text(stale.read_text().replace("'sha256-", "'sha256-X"), encoding="utf-8")
    assert csp.main(["--check"]) == 1
    assert "nginx.conf" in capsys.readouterr().err
    assert csp.main(["--write"]) == 0
    assert csp.main(["--check"]) == 0
    assert csp.stated(stale) == csp.policy()


@pytest.mark.parametrize("path", [csp.NGINX, csp.KUBERNETES])
def test_the_policy_keeps_the_page_unframeable(path):
    """The script policy still forbids framing, plugins, other base addresses and forms."""
    stated = csp.stated(path)
    for part in ("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"):
        assert part in stated
