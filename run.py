"""The project's commands: the same words on Windows, macOS and Linux, with Python 3.11+ alone.

    python run.py app      installs the app's packages into .venv and starts it on
                           http://localhost:8501 (extra arguments go to `streamlit run`)
    python run.py test     installs everything the tests need and runs lint and every test,
                           browser tests included (CI runs exactly this; see .ci/run)
    python run.py check    the fast loop: lint and every test not marked browser or slow
                           (slow: starts a server, nginx or a fresh Python of its own), on two
                           workers (pytest-xdist) with a small hypothesis profile; about two
                           minutes here (see the README). `check -m "not browser"` adds the
                           slow ones, `check -n 0` runs in one process
    python run.py golden   rewrites tests/golden/ after an intended change (then read the diff)
    python run.py bench    the model benchmark

`python` is any Python 3.11 or newer (`python3` on most Linux and macOS machines, `py` on
Windows). Extra arguments of `test` and `check` go to pytest: `python run.py check -x -k golden`.

No make, no shell: paths through pathlib, the interpreter through sys.executable. The script
keeps an existing .venv (in a git worktree it may be a link to a shared one) and never deletes
or recreates it; it installs the pinned requirements only when an installed version differs
from a pin (checked in about a tenth of a second, with no stamp file to go stale).
"""

import os
import platform
import sys

MINIMUM = (3, 11)


def _linux_id() -> str:
    """ID and ID_LIKE of /etc/os-release ('ubuntu debian'), or '' elsewhere."""
    try:
        with open("/etc/os-release", encoding="utf-8") as release:
            fields = dict(line.rstrip("\n").split("=", 1) for line in release if "=" in line)
    except OSError:
        return ""
    return " ".join(fields.get(k, "").strip('"').lower() for k in ("ID", "ID_LIKE"))


def _python_hint(command: str) -> str:
    """How to get a Python 3.11 on this platform, as one sentence."""
    system = platform.system()
    if system == "Windows":
        return (
            "install Python 3.11 or newer from https://www.python.org/downloads/ "
            f"(or: winget install Python.Python.3.11), then run: py -3.11 run.py {command}"
        )
    if system == "Darwin":
        return f"install it with: brew install python@3.11, then run: python3.11 run.py {command}"
    if "ubuntu" in _linux_id() or "debian" in _linux_id():
        return (
            "install it with: sudo apt-get install python3.11 python3.11-venv, "
            f"then run: python3.11 run.py {command}"
        )
    return (
        "install Python 3.11 or newer with your package manager or from "
        f"https://www.python.org/downloads/, then run it on run.py {command}"
    )


# First, before anything that needs a newer Python: the file up to here parses and runs on
# any Python 3, so a wrong version gets this one line instead of a traceback.
if sys.version_info < MINIMUM:
    _command = sys.argv[1] if len(sys.argv) > 1 else "app"
    print(
        "This project needs Python 3.11 or newer, and this is Python "
        f"{platform.python_version()} ({sys.executable}): {_python_hint(_command)}",
        file=sys.stderr,
    )
    sys.exit(2)

import json  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
RUNTIME = ROOT / "requirements.txt"
DEV = ROOT / "requirements-dev.txt"
# What the browser, proxy and chart-export tests need from the system, as Debian packages:
# Chromium and DejaVu fonts (fontconfig finds them), nginx (tests/test_proxy.py runs
# deploy/nginx.conf) and openssl (its test certificate).
APT_PACKAGES = ("chromium", "fonts-dejavu-core", "fontconfig", "nginx", "openssl")
COMMANDS = ("app", "test", "check", "golden", "bench")


def say(text: str) -> None:
    """One line of this script's own output, set apart from the tools' output."""
    print(f"[run.py] {text}", flush=True)


def fail(text: str, code: int = 1) -> int:
    """Say why, and the exit status to return."""
    print(f"[run.py] {text}", file=sys.stderr, flush=True)
    return code


# ---------------------------------------------------------------- the virtual environment


def venv_python() -> Path:
    """The interpreter inside .venv (Scripts\\python.exe on Windows)."""
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def pins(path: Path, seen: set[Path] | None = None) -> dict[str, str]:
    """name -> pinned version of a requirements file and the files it includes with -r.
    A line that is not `name==version` maps to '' (it cannot be checked: always install)."""
    seen = seen if seen is not None else set()
    if path in seen:
        return {}
    seen.add(path)
    found: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith(("-r ", "--requirement ")):
            found.update(pins(path.parent / line.split(None, 1)[1], seen))
            continue
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*==\s*([^\s;]+)", line)
        if match:
            found[match.group(1)] = match.group(3)
        else:
            found[line] = ""
    return found


# Run by the venv's interpreter: its version, and the pins whose installed version differs.
PROBE = """
import importlib.metadata as md, json, sys
wanted = json.loads(sys.argv[1])
def installed(name):
    try:
        return md.version(name)
    except md.PackageNotFoundError:
        return None
print(json.dumps({"python": list(sys.version_info[:2]),
                  "stale": [n for n, v in wanted.items() if not v or installed(n) != v]}))
"""


def ensure_venv(requirements: Path) -> Path | None:
    """.venv with every pin of ``requirements`` installed; its interpreter, or None after
    saying what is wrong. An existing .venv is used as it is and never removed."""
    python = venv_python()
    if not python.exists():
        if VENV.exists() or VENV.is_symlink():
            fail(
                f"{VENV} exists but holds no interpreter at {python}: it is not a virtual "
                "environment this script can use. Move it away (or point the link at a complete "
                "one) and run the command again; run.py does not delete it for you."
            )
            return None
        say(f"creating {VENV} with Python {platform.python_version()} ({sys.executable})")
        made = subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=False)
        if made.returncode != 0 or not python.exists():
            hint = ""
            if "debian" in _linux_id() or "ubuntu" in _linux_id():
                version = f"{sys.version_info[0]}.{sys.version_info[1]}"
                hint = f" Install the venv module: sudo apt-get install python{version}-venv"
            fail(f"could not create {VENV}.{hint}")
            return None
    wanted = pins(requirements)
    probe = subprocess.run(
        [str(python), "-c", PROBE, json.dumps(wanted)],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0:
        fail(f"{python} does not run: {probe.stderr.strip()}")
        return None
    state = json.loads(probe.stdout)
    if tuple(state["python"]) < MINIMUM:
        fail(
            f"{VENV} was made with Python {'.'.join(map(str, state['python']))}; the project "
            f"needs 3.11 or newer. Move it away and run the command again with Python 3.11+: "
            f"{_python_hint(sys.argv[1] if len(sys.argv) > 1 else 'app')}"
        )
        return None
    if state["stale"]:
        shown = ", ".join(state["stale"][:6]) + (" ..." if len(state["stale"]) > 6 else "")
        say(f"installing the pinned packages of {requirements.name} into {VENV} ({shown})")
        installed = subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
                str(requirements),
            ],
            cwd=ROOT,
            check=False,
        )
        if installed.returncode != 0:
            fail(f"pip could not install {requirements.name} (its messages are above)")
            return None
    return python


# ------------------------------------------------------------------------ system packages


def strict() -> bool:
    """CI (the CI variable set) or root on Linux: a missing system package is a failure,
    not a skip. tests/browser.py and tests/proxy.py apply the same rule."""
    is_root = sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() == 0
    return bool(os.environ.get("CI")) or is_root


def chromium_path() -> Path:
    """The Chromium the browser tests drive: $IKM_CHROMIUM, else /usr/bin/chromium."""
    return Path(os.environ.get("IKM_CHROMIUM") or "/usr/bin/chromium")


def missing_system_packages() -> list[str]:
    """What the browser, proxy and chart-export tests need and this machine lacks."""
    missing = []
    if not chromium_path().exists():
        missing.append(f"Chromium (looked for {chromium_path()}; set IKM_CHROMIUM to use another)")
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        missing.append("nginx")
    if not shutil.which("openssl"):
        missing.append("openssl")
    if sys.platform.startswith("linux"):
        fonts = ""
        if shutil.which("fc-list"):
            listed = subprocess.run(["fc-list"], capture_output=True, text=True, check=False)
            fonts = listed.stdout
        if "dejavu" not in fonts.lower():
            missing.append("DejaVu fonts (fonts-dejavu-core, found through fontconfig)")
    return missing


def install_hint() -> str:
    """What to install on this platform, as commands."""
    system = platform.system()
    packages = " ".join(APT_PACKAGES)
    if system == "Linux":
        distro = _linux_id()
        if "ubuntu" in distro:
            return (
                "sudo apt-get install -y fonts-dejavu-core fontconfig nginx openssl && "
                "sudo snap install chromium, then set IKM_CHROMIUM=/snap/bin/chromium "
                "(Ubuntu packages Chromium only as a snap)"
            )
        if "debian" in distro:
            return f"sudo apt-get install -y {packages}"
        if "fedora" in distro or "rhel" in distro:
            return "sudo dnf install -y chromium dejavu-sans-fonts fontconfig nginx openssl"
        return f"install with your package manager: {packages}"
    if system == "Darwin":
        return (
            "brew install --cask chromium && brew install nginx openssl, then set "
            "IKM_CHROMIUM=/Applications/Chromium.app/Contents/MacOS/Chromium"
        )
    if system == "Windows":
        return (
            "the browser and proxy tests run nginx and Chromium as on the Linux servers: run "
            "`python3 run.py test` in WSL (Ubuntu) or let CI run them"
        )
    return f"install: {packages}"


def ensure_system_packages() -> tuple[bool, list[str]]:
    """Install what is missing where this script can (Debian or Ubuntu, as root); otherwise
    say what to install. Returns (go on, what is still missing)."""
    missing = missing_system_packages()
    if not missing:
        return True, []
    debian_like = sys.platform.startswith("linux") and (
        "debian" in _linux_id() or "ubuntu" in _linux_id()
    )
    if debian_like and os.geteuid() == 0 and shutil.which("apt-get"):
        # Ubuntu ships Chromium only as a snap (its apt package is a stub that installs the
        # snap, which fails in containers): apt-get takes the rest there, and the hint says how.
        packages = [p for p in APT_PACKAGES if p != "chromium" or "ubuntu" not in _linux_id()]
        say(f"installing with apt-get: {' '.join(packages)}")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for step in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *packages]):
            if subprocess.run(step, env=env, check=False).returncode != 0:
                break
        missing = missing_system_packages()
        if not missing:
            return True, []
    if strict():
        fail(
            "missing for the tests: " + "; ".join(missing) + ". In CI (CI set, or root on "
            f"Linux) that is a failure, not a skip. To install: {install_hint()}"
        )
        return False, missing
    say("MISSING for the browser, proxy or chart-export tests: " + "; ".join(missing))
    say(f"to install: {install_hint()}")
    say("the tests that need them will be reported as SKIPPED (with the reason) below")
    return True, missing


# ------------------------------------------------------------------------------ commands


def lint(python: Path) -> int:
    """ruff check and ruff format --check, the rules of pyproject.toml."""
    for args in (["check", "."], ["format", "--check", "."]):
        say(f"ruff {' '.join(args)}")
        status = subprocess.run([str(python), "-m", "ruff", *args], cwd=ROOT, check=False)
        if status.returncode != 0:
            return fail(
                f"ruff {args[0]} failed (fix: {python.name} -m ruff format . and see above)"
            )
    return 0


def pytest(python: Path, profile: str, args: list[str]) -> int:
    """pytest with a hypothesis profile (unless HYPOTHESIS_PROFILE is set); no test
    collected is a failure."""
    env = {**os.environ}
    env.setdefault("HYPOTHESIS_PROFILE", profile)
    say(" ".join(["pytest", *args, f"(hypothesis profile {env['HYPOTHESIS_PROFILE']})"]))
    status = subprocess.run([str(python), "-m", "pytest", *args], cwd=ROOT, env=env, check=False)
    if status.returncode == 5:
        return fail("pytest collected no tests: that is a failure")
    return status.returncode


def command_app(args: list[str]) -> int:
    python = ensure_venv(RUNTIME)
    if python is None:
        return 1
    say("starting the app on http://localhost:8501 (stop it with Ctrl+C)")
    command = [str(python), "-m", "streamlit", "run", "app.py", *args]
    if os.name == "posix":
        # Become the server, so a signal to this process (Ctrl+C, a supervisor's SIGTERM)
        # reaches it and no orphan keeps the port.
        os.chdir(ROOT)
        os.execv(command[0], command)
    try:
        return subprocess.run(command, cwd=ROOT, check=False).returncode
    except KeyboardInterrupt:
        return 130


def command_test(args: list[str]) -> int:
    python = ensure_venv(DEV)
    if python is None:
        return 1
    go_on, missing = ensure_system_packages()
    if not go_on:
        return 1
    status = lint(python) or pytest(python, "ci", args)
    if missing:
        say("NOT RUN for lack of system packages (see SKIPPED above): " + "; ".join(missing))
    return status


def command_check(args: list[str]) -> int:
    python = ensure_venv(DEV)
    if python is None:
        return 1
    # Two workers (the machine's two cores); a later -n or -m in args wins.
    loop = ["-m", "not browser and not slow", "-n", "2"]
    return lint(python) or pytest(python, "fast", [*loop, *args])


def command_golden(args: list[str]) -> int:
    python = ensure_venv(RUNTIME)
    if python is None:
        return 1
    script = ROOT / "tests" / "regenerate_golden.py"
    status = subprocess.run([str(python), str(script), *args], cwd=ROOT, check=False)
    if status.returncode == 0:
        say("now read the change: git diff tests/golden")
    return status.returncode


def command_bench(args: list[str]) -> int:
    python = ensure_venv(RUNTIME)
    if python is None:
        return 1
    script = ROOT / "bench" / "bench_model.py"
    return subprocess.run([str(python), str(script), *args], cwd=ROOT, check=False).returncode


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 0 if argv[:1] in (["-h"], ["--help"]) else 2
    handler = globals()[f"command_{argv[0]}"]
    return handler(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
