"""Deployment files: the container runs as non-root with a health check; Cloud gets fonts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
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


def test_the_files_the_image_copies_run_the_page(tmp_path):
    """The page runs from only what the Dockerfile copies (every package the app imports is
    in the image), in a fresh interpreter that cannot see this checkout."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    for source, target in re.findall(r"^COPY (?:--chown=\S+ )?(\S+) (\S+)", text, flags=re.M):
        origin = ROOT / source
        if origin.is_dir():
            shutil.copytree(origin, tmp_path / target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(origin, tmp_path / Path(target) / origin.name)
    script = (
        "from streamlit.testing.v1 import AppTest\n"
        "at = AppTest.from_file('app.py', default_timeout=60)\n"
        "at.run()\n"
        "assert not at.exception, [e.value for e in at.exception]\n"
        "assert len(at.metric) == 8\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_cloud_and_cluster_files_agree_with_the_app():
    """packages.txt brings the fonts; the manifests probe the health endpoint with affinity."""
    assert "fonts-dejavu-core" in (ROOT / "packages.txt").read_text(encoding="utf-8").split()
    manifest = (ROOT / "deploy" / "kubernetes.yaml").read_text(encoding="utf-8")
    assert manifest.count("/_stcore/health") == 2
    assert 'affinity: "cookie"' in manifest
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in manifest
    nginx = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert "ip_hash;" in nginx
    assert "Upgrade $http_upgrade" in nginx
