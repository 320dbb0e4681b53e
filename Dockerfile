# The app in a container: slim Python, a non-root user, a health check on Streamlit's own
# endpoint. Build: docker build -t ikm-alas-kaki .   Run: docker run -p 8501:8501 ikm-alas-kaki
FROM python:3.11-slim

# DejaVu fonts: chart images (vl-convert) and the PDF briefing draw their text with them.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 app
WORKDIR /home/app/ikm
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY --chown=app:app app.py ./
COPY --chown=app:app simulator ./simulator
COPY --chown=app:app ui ./ui
COPY --chown=app:app data ./data
COPY --chown=app:app .streamlit ./.streamlit

USER app
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl --fail --silent http://127.0.0.1:8501/_stcore/health || exit 1
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.address=0.0.0.0", "--server.port=8501"]
