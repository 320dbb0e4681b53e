"""The page's small browser parts: each is ``<name>.js`` here, with ``<name>.html`` and
``<name>.css`` where it has them, read once at import (no build step)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

HERE = Path(__file__).resolve().parent


def component(key: str, name: str):
    """The Streamlit v2 component ``key`` built from this folder's ``name`` files."""
    files = {kind: HERE / f"{name}.{kind}" for kind in ("html", "css", "js")}
    return st.components.v2.component(
        key,
        **{kind: path.read_text(encoding="utf-8") for kind, path in files.items() if path.exists()},
    )
