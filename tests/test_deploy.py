"""Deployment files: the container runs as non-root with a health check; Cloud gets fonts."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_dockerfile_is_slim_non_root_and_health_checked():
    """Slim Python 3.11 base, a non-root user, HEALTHCHECK on /_stcore/health, 0.0.0.0:8501."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim", text, flags=re.M)
    assert re.search(r"^USER (?!root)\w+", text, flags=re.M)
    assert "HEALTHCHECK" in text
    assert "/_stcore/health" in text
    assert "--server.address=0.0.0.0" in text
    assert "--server.port=8501" in text
    for source in re.findall(r"^COPY (?:--chown=\S+ )?(\S+) ", text, flags=re.M):
        assert (ROOT / source).exists(), source


def test_cloud_and_cluster_files_agree_with_the_app():
    """packages.txt brings the fonts; the manifests probe the health endpoint with affinity."""
    assert "fonts-dejavu-core" in (ROOT / "packages.txt").read_text(encoding="utf-8").split()
    manifest = (ROOT / "deploy" / "kubernetes.yaml").read_text(encoding="utf-8")
    assert manifest.count("/_stcore/health") == 2
    assert 'affinity: "cookie"' in manifest
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in manifest
