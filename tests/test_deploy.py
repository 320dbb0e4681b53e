"""Deployment files, read as a builder and a cluster would read them (docker build and a
cluster cannot run here): the Dockerfile and its lock, the Kubernetes manifests, and what
the README tells an operator. deploy/nginx.conf runs for real in tests/test_proxy.py."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from tests.limits import longest_query

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"


def manifests(name: str) -> list[dict]:
    """The YAML documents of a file under deploy/."""
    return [doc for doc in yaml.safe_load_all((DEPLOY / name).read_text("utf-8")) if doc]


def one(docs: list[dict], kind: str, name: str | None = None) -> dict:
    """The single document of ``kind`` (and ``name``)."""
    found = [
        d for d in docs if d["kind"] == kind and (name is None or d["metadata"]["name"] == name)
    ]
    assert len(found) == 1, (kind, name, len(found))
    return found[0]


def dockerfile() -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (INSTRUCTION, arguments), continuations joined."""
    text = (ROOT / "Dockerfile").read_text("utf-8")
    text = re.sub(r"\\\n\s*", " ", text)
    lines = [line.strip() for line in text.splitlines()]
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1])
        for line in lines
        if line and not line.startswith("#")
    ]


def pins(path: Path) -> dict[str, str]:
    """name -> version of the ``name==version`` lines of a requirements file."""
    found = re.findall(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", path.read_text("utf-8"), flags=re.M)
    return {name.lower().replace("_", "-"): version for name, version in found}


def test_base_image_is_pinned_by_digest():
    """The one FROM names python:3.11-slim by its sha256 digest, not by a moving tag."""
    froms = [args for op, args in dockerfile() if op == "FROM"]
    assert len(froms) == 1
    assert re.fullmatch(r"python:3\.11-slim@sha256:[0-9a-f]{64}", froms[0]), froms[0]


def test_packages_install_from_a_hash_checked_lock_of_the_runtime_pins():
    """pip installs requirements.lock with --require-hashes; every locked package carries a
    sha256 hash, and the lock holds exactly the versions requirements.txt pins."""
    runs = [args for op, args in dockerfile() if op == "RUN" and "pip install" in args]
    assert len(runs) == 1
    assert "--require-hashes" in runs[0]
    assert "-r requirements.lock" in runs[0]
    lock = (ROOT / "requirements.lock").read_text("utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9_.\-]+==)", lock.split("\n", 1)[1])
    packages = [e for e in entries if re.match(r"[A-Za-z0-9_.\-]+==", e)]
    assert len(packages) > 20
    for entry in packages:
        assert re.search(r"--hash=sha256:[0-9a-f]{64}", entry), entry.splitlines()[0]
    locked = pins(ROOT / "requirements.lock")
    for name, version in pins(ROOT / "requirements.txt").items():
        assert locked.get(name) == version, name


def test_code_is_owned_by_root_and_the_app_runs_unprivileged():
    """Code is copied without --chown (root-owned, read-only to the app user), the container
    runs as a numeric non-root user, and no curl is installed."""
    instructions = dockerfile()
    copies = [args for op, args in instructions if op == "COPY"]
    assert copies
    for args in copies:
        assert "--chown" not in args
        *sources, _destination = args.split()
        for source in sources:
            assert (ROOT / source).exists(), source
    users = [args for op, args in instructions if op == "USER"]
    assert users
    assert re.fullmatch(r"[1-9][0-9]*:[1-9][0-9]*", users[-1]), users[-1]
    assert not any("curl" in args for _, args in instructions)


def test_container_health_check_runs_the_page_with_python():
    """HEALTHCHECK asks the script health check with Python; the config enables it."""
    checks = [args for op, args in dockerfile() if op == "HEALTHCHECK"]
    assert len(checks) == 1
    assert '"python"' in checks[0]
    assert "/_stcore/script-health-check" in checks[0]
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["server"]["scriptHealthCheckEnabled"] is True
    assert config["server"]["enableAgentApi"] is False


def test_manifest_commits_no_secret_and_reads_it_from_one_created_out_of_band():
    """No Secret (nor any secret value) is in the manifests; the cookie secret comes from a
    Secret the README tells the operator to create with kubectl."""
    docs = manifests("kubernetes.yaml")
    assert not [d for d in docs if d["kind"] == "Secret"]
    container = one(docs, "Deployment")["spec"]["template"]["spec"]["containers"][0]
    env = {e["name"]: e for e in container["env"]}
    ref = env["STREAMLIT_SERVER_COOKIE_SECRET"]["valueFrom"]["secretKeyRef"]
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"create secret generic {ref['name']}" in readme
    assert f"--from-literal={ref['key']}=" in readme


def test_pod_runs_locked_down():
    """Pinned image, no service-account token, non-root, no privilege escalation, read-only
    root filesystem with one emptyDir for /tmp, all capabilities dropped, RuntimeDefault
    seccomp."""
    pod = one(manifests("kubernetes.yaml"), "Deployment")["spec"]["template"]["spec"]
    assert pod["automountServiceAccountToken"] is False
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] > 0
    (container,) = pod["containers"]
    image = container["image"]
    # By digest (one build), the release tag kept beside it for people.
    assert re.fullmatch(r"[\w.\-/]+:[0-9][\w.\-]*@sha256:[0-9a-f]{64}", image), image
    context = container["securityContext"]
    assert context["allowPrivilegeEscalation"] is False
    assert context["readOnlyRootFilesystem"] is True
    assert context["runAsNonRoot"] is True
    assert context["capabilities"]["drop"] == ["ALL"]
    assert "add" not in context["capabilities"]
    assert context["seccompProfile"]["type"] == "RuntimeDefault"
    volumes = {v["name"]: v for v in pod["volumes"]}
    for mount in container["volumeMounts"]:
        assert "emptyDir" in volumes[mount["name"]]
    assert [m["mountPath"] for m in container["volumeMounts"]] == ["/tmp"]


def test_instances_spread_over_nodes_and_leave_one_at_a_time():
    """Replicas spread across nodes (a hard rule) and zones (a preference), and a drain or
    upgrade takes at most one instance at a time (a PodDisruptionBudget over the same pods),
    with more replicas than that."""
    docs = manifests("kubernetes.yaml")
    deployment = one(docs, "Deployment")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    spread = {
        c["topologyKey"]: c
        for c in deployment["spec"]["template"]["spec"]["topologySpreadConstraints"]
    }
    assert spread["kubernetes.io/hostname"]["whenUnsatisfiable"] == "DoNotSchedule"
    assert spread["kubernetes.io/hostname"]["maxSkew"] == 1
    assert "topology.kubernetes.io/zone" in spread
    for rule in spread.values():
        assert rule["labelSelector"]["matchLabels"].items() <= labels.items()
    budget = one(docs, "PodDisruptionBudget")
    assert budget["spec"]["maxUnavailable"] == 1
    assert budget["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert deployment["spec"]["replicas"] >= 2


def test_only_the_ingress_controller_reaches_the_instances_and_they_call_out_to_nothing():
    """The NetworkPolicy selects the app's pods, lets in only the ingress-nginx controller's
    pods on the app's port (so no other pod reads the metrics or runs the health check), and
    lets nothing out."""
    docs = manifests("kubernetes.yaml")
    labels = one(docs, "Deployment")["spec"]["template"]["metadata"]["labels"]
    policy = one(docs, "NetworkPolicy")["spec"]
    assert policy["podSelector"]["matchLabels"].items() <= labels.items()
    assert set(policy["policyTypes"]) == {"Ingress", "Egress"}
    assert policy["egress"] == []
    (rule,) = policy["ingress"]
    (source,) = rule["from"]
    assert source["namespaceSelector"]["matchLabels"] == {
        "kubernetes.io/metadata.name": "ingress-nginx"
    }
    assert source["podSelector"]["matchLabels"] == {"app.kubernetes.io/name": "ingress-nginx"}
    assert rule["ports"] == [{"protocol": "TCP", "port": "http"}]


def test_the_image_installs_pinned_system_packages():
    """Every package apt installs in the image names its version (the fonts the charts and
    the PDF are drawn with stay the same from one build to the next)."""
    installs = [
        args.split("apt-get install", 1)[1].split("&&")[0]
        for op, args in dockerfile()
        if op == "RUN" and "apt-get install" in args
    ]
    assert installs
    packages = [w for line in installs for w in line.split() if not w.startswith("-")]
    assert packages
    for package in packages:
        assert re.fullmatch(r"[a-z0-9.+\-]+=[0-9][\w.+~:\-]*", package), package


def test_probes_check_the_page_and_the_server():
    """Startup and readiness run the page (script health check); liveness asks the server."""
    container = one(manifests("kubernetes.yaml"), "Deployment")["spec"]["template"]["spec"][
        "containers"
    ][0]
    assert container["startupProbe"]["httpGet"]["path"] == "/_stcore/script-health-check"
    assert container["readinessProbe"]["httpGet"]["path"] == "/_stcore/script-health-check"
    assert container["livenessProbe"]["httpGet"]["path"] == "/_stcore/health"


def test_ingress_serves_one_host_with_tls_headers_limits_and_affinity():
    """The allowed host is the Ingress's host; TLS for it; the header ConfigMap forbids
    framing and sniffing; rate and connection limits and cookie affinity are set."""
    docs = manifests("kubernetes.yaml")
    ingress = one(docs, "Ingress", "ikm-alas-kaki")
    (rule,) = ingress["spec"]["rules"]
    host = rule["host"]
    assert ingress["spec"]["tls"][0]["hosts"] == [host]
    container = one(docs, "Deployment")["spec"]["template"]["spec"]["containers"][0]
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert env["STREAMLIT_SERVER_ALLOWED_HOSTS"].split() == [host]
    notes = ingress["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert notes[prefix + "affinity"] == "cookie"
    assert notes[prefix + "force-ssl-redirect"] == "true"
    assert int(notes[prefix + "limit-rps"]) > 0
    assert int(notes[prefix + "limit-connections"]) > 0
    namespace, name = notes[prefix + "custom-headers"].split("/")
    headers = one(docs, "ConfigMap", name)
    assert headers["metadata"]["namespace"] == namespace
    assert headers["data"]["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["data"]["Content-Security-Policy"]
    assert headers["data"]["X-Content-Type-Options"] == "nosniff"
    allowed = one(manifests("ingress-nginx-controller.yaml"), "ConfigMap")["data"]
    for header in headers["data"]:
        assert header in allowed["global-allowed-response-headers"].split(",")


def test_internal_paths_are_closed_to_the_public():
    """Metrics, script health check and agent API are reachable through the Ingress only
    from the controller itself."""
    internal = one(manifests("kubernetes.yaml"), "Ingress", "ikm-alas-kaki-internal")
    allowed = internal["metadata"]["annotations"][
        "nginx.ingress.kubernetes.io/whitelist-source-range"
    ]
    assert allowed == "127.0.0.1/32"
    paths = {p["path"] for p in internal["spec"]["rules"][0]["http"]["paths"]}
    assert paths == {"/_stcore/metrics", "/_stcore/script-health-check", "/_stcore/agent"}


def test_controller_keeps_long_links_and_hides_its_version():
    """The controller's header buffer holds the longest legitimate link twice over; no
    version; HSTS on."""
    data = one(manifests("ingress-nginx-controller.yaml"), "ConfigMap")["data"]
    count, size = data["large-client-header-buffers"].split()
    assert int(count) >= 2
    assert int(size.rstrip("k")) * 1024 >= 2 * len(f"GET /?{longest_query()} HTTP/1.1")
    assert data["server-tokens"] == "false"
    assert data["hsts"] == "true"


def test_the_link_limit_the_page_states_is_the_proxies():
    """simulator.links.MAX_LINK_BYTES is the request line nginx and the Ingress read (their
    64 KB header buffers), and the longest link the page writes fits it well: so
    Streamlit's own 512 Ki-character limit can never be what stops a link."""
    from simulator.links import MAX_LINK_BYTES, MAX_QUERY_CHARS

    nginx = (DEPLOY / "nginx.conf").read_text("utf-8")
    size = re.search(r"large_client_header_buffers \d+ (\d+)k;", nginx).group(1)
    assert int(size) * 1024 == MAX_LINK_BYTES
    data = one(manifests("ingress-nginx-controller.yaml"), "ConfigMap")["data"]
    assert int(data["large-client-header-buffers"].split()[1].rstrip("k")) * 1024 == MAX_LINK_BYTES
    assert 2 * len(f"GET /?{longest_query()} HTTP/1.1") <= MAX_LINK_BYTES < MAX_QUERY_CHARS


def test_no_file_tells_operators_to_pass_the_cookie_secret_on_the_command_line():
    """Streamlit 1.67 refuses --server.cookieSecret; the docs name the environment variable."""
    texts = [p for p in DEPLOY.iterdir() if p.suffix != ".png"]  # the preview image is not
    for path in (ROOT / "README.md", *texts, ROOT / "Dockerfile"):
        assert "--server.cookieSecret" not in path.read_text("utf-8"), path
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in (ROOT / "README.md").read_text("utf-8")


def test_cloud_gets_the_fonts():
    """packages.txt brings the fonts that chart images and the PDF need on Cloud."""


@pytest.mark.slow
def test_the_files_the_image_copies_run_the_page(tmp_path):
    """The page runs from only what the Dockerfile copies (every package the app imports is
    in the image), in a fresh interpreter that cannot see this checkout."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    for line in re.findall(r"^COPY (.+)$", text, flags=re.M):
        *sources, target = [part for part in line.split() if not part.startswith("--")]
        for source in sources:
            origin = ROOT / source
            if origin.is_dir():
                shutil.copytree(
                    origin, tmp_path / target, ignore=shutil.ignore_patterns("__pycache__")
                )
            else:
                (tmp_path / target).mkdir(parents=True, exist_ok=True)
                shutil.copy(origin, tmp_path / target / origin.name)
    script = (
        "from streamlit.testing.v1 import AppTest\n"
        "at = AppTest.from_file('app.py', default_timeout=60)\n"
        "at.run()\n"
        "assert not at.exception, [e.value for e in at.exception]\n"
        "views = [e for e in at.get('bidi_component') if e.proto.component_name == 'ikm_view']\n"
        "assert len(views) == 2\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]

    assert "fonts-dejavu-core" in (ROOT / "packages.txt").read_text(encoding="utf-8").split()


def test_the_image_writes_the_link_preview_into_the_page_it_serves():
    """The Dockerfile runs deploy/link_preview.py with a public address (a build argument)
    as root, before it switches to the app user, after the code it imports is copied."""
    steps = dockerfile()
    runs = [i for i, (op, args) in enumerate(steps) if op == "RUN" and "link_preview.py" in args]
    assert len(runs) == 1
    user = next(i for i, (op, _) in enumerate(steps) if op == "USER")
    copied = [i for i, (op, args) in enumerate(steps) if op == "COPY" and "simulator" in args]
    assert copied[0] < runs[0] < user
    assert '"$PUBLIC_URL"' in steps[runs[0]][1]
    assert any(op == "ARG" and args.startswith("PUBLIC_URL=https://") for op, args in steps)
