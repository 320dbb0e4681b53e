# The app in a container: a pinned slim Python, packages installed from a hash-checked lock,
# code owned by root and read-only to the unprivileged user that runs it, and a health check
# that runs the page itself.
#   Build: docker build -t registry.example.org/ikm-alas-kaki:0.1.0 .
#   Run:   docker run --rm -p 8501:8501 --read-only --tmpfs /tmp \
#            -e STREAMLIT_SERVER_COOKIE_SECRET="$(openssl rand -hex 32)" \
#            registry.example.org/ikm-alas-kaki:0.1.0

# python:3.11-slim pinned by digest: Python 3.11.16 on Debian trixie, the multi-arch image
# index pushed on 2026-08-16. A tag moves; a digest names one build. To take a newer build:
#   docker buildx imagetools inspect python:3.11-slim    (the "Digest:" line)
# put that digest here, rebuild and run the tests. Do it at least monthly (and on every
# Python or Debian security notice): a pinned base gets no fixes by itself.
FROM python:3.11-slim@sha256:9c900dea9e8fb7e16277c179b555cc72d29a352dbc33cff48ad5a0412fd5bfc7

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HOME=/tmp

# DejaVu fonts: chart images (vl-convert) and the PDF briefing draw their text with them.
# Pinned to trixie's version, so a rebuild draws the same letters; when Debian replaces it
# the build fails here: take the new version from `apt-cache policy fonts-dejavu-core` in
# the base image, put it here and run the tests (chart and PDF text sizes).
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core=2.37-8 \
    && rm -rf /var/lib/apt/lists/*

# The user the app runs as: no home, no shell, no files of its own.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin app

WORKDIR /app
# requirements.lock: every package, dependencies included, pinned with its sha256 hashes
# (pip-compile --generate-hashes from requirements.txt; see README). pip refuses any file
# whose hash differs, and wheels only: nothing is built from source here.
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps --only-binary=:all: -r requirements.lock

# Owned by root (COPY's default) and not writable by the app user: a compromised process
# cannot change the code it runs. The app writes nothing; /tmp is the only writable place.
COPY app.py ./
COPY simulator ./simulator
COPY ui ./ui
COPY static ./static
COPY data ./data
COPY .streamlit ./.streamlit

# What a chat app shows for a shared link (title, language, description, preview image):
# written into the page file Streamlit serves. The preview image's address must be absolute,
# so the public address is fixed here:  docker build --build-arg PUBLIC_URL=https://... .
ARG PUBLIC_URL=https://ikm.example.go.id
COPY deploy/link_preview.py deploy/preview.png ./deploy/
RUN python deploy/link_preview.py "$PUBLIC_URL"

USER 10001:10001
EXPOSE 8501
# Ready only when the page script runs: /_stcore/script-health-check runs it in a session of
# its own (see .streamlit/config.toml). Python, not curl: no extra package for one probe.
HEALTHCHECK --interval=30s --timeout=15s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/script-health-check', timeout=12).status != 200)"]
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.address=0.0.0.0", "--server.port=8501"]
