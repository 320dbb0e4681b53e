"""The Vega the browser view draws with: pinned, unchanged, licensed, served by the app."""

from __future__ import annotations

import hashlib
import tomllib
import urllib.request

import pytest
import vl_convert

from simulator import view
from tests.browser import ROOT

FILE = ROOT / "static" / "vendor" / f"vega-{view.VEGA_VERSION}" / "vega.min.js"


def test_the_vendored_vega_is_the_pinned_file_with_its_licence():
    """The file's SHA-256 is the one pinned, the package's BSD licence sits beside it, and it
    is the Vega that draws the chart images (vl-convert), so browser and exports agree."""
    assert hashlib.sha256(FILE.read_bytes()).hexdigest() == view.VEGA_SHA256
    licence = (FILE.parent / "LICENSE").read_text(encoding="utf-8")
    assert "University of Washington Interactive Data Lab" in licence
    assert "Redistribution and use in source and binary forms" in licence
    assert vl_convert.get_vega_version() == view.VEGA_VERSION


INTERPRETER = (
    ROOT
    / "static"
    / "vendor"
    / f"vega-interpreter-{view.INTERPRETER_VERSION}"
    / "vega-interpreter.js"
)


def test_the_vendored_expression_interpreter_is_the_pinned_file_with_its_licence():
    """Vega's expression interpreter (the page's script policy forbids compiled expressions):
    the pinned file, its BSD licence beside it, and the one vega-util import the view points
    at the Vega bundle."""
    code = INTERPRETER.read_text(encoding="utf-8")
    assert hashlib.sha256(code.encode("utf-8")).hexdigest() == view.INTERPRETER_SHA256
    licence = (INTERPRETER.parent / "LICENSE").read_text(encoding="utf-8")
    assert "University of Washington Interactive Data Lab" in licence
    imports = [line for line in code.splitlines() if line.startswith("import ")]
    assert imports == [
        "import { ascending, isString, DisallowedObjectProperties } from 'vega-util';"
    ]


def test_the_app_serves_its_static_files_and_the_image_has_them():
    """Static serving is on (the view loads Vega from the app, not a CDN) and the container
    image copies the folder."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableStaticServing"] is True
    assert "COPY static ./static" in (ROOT / "Dockerfile").read_text(encoding="utf-8")


@pytest.mark.browser
def test_the_running_app_serves_vega_as_javascript(app_url):
    """The page's address for Vega answers with the pinned file, as JavaScript."""
    with urllib.request.urlopen(f"{app_url}/{view.VEGA_PATH}", timeout=20) as response:
        body = response.read()
        kind = response.headers["Content-Type"]
    assert hashlib.sha256(body).hexdigest() == view.VEGA_SHA256
    assert "javascript" in kind
