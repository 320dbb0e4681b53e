"""The page's small browser parts: each is ``<name>.js`` here, with ``<name>.html`` and
``<name>.css`` where it has them, read once at import (no build step)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

HERE = Path(__file__).resolve().parent


def component(key: str, name: str, *, before: tuple[str, ...] = (), isolate_styles: bool = True):
    """The Streamlit v2 component ``key`` built from this folder's ``name`` files; the
    scripts named in ``before`` (``<part>.js``, e.g. shared functions) go ahead of its own
    in the one module Streamlit loads. ``isolate_styles=False`` draws it in the page itself
    (no shadow root), where the page's scripts and styles reach it."""
    files = {kind: HERE / f"{name}.{kind}" for kind in ("html", "css", "js")}
    code = {kind: path.read_text(encoding="utf-8") for kind, path in files.items() if path.exists()}
    if before:
        parts = [(HERE / f"{part}.js").read_text(encoding="utf-8") for part in before]
        code["js"] = "\n".join([*parts, code.get("js", "")])
    return st.components.v2.component(key, **code, isolate_styles=isolate_styles)
