# The API image, for docker-compose.yml (Neo4j 5 as the store). Build: docker build -t dakg .
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY requirements-runtime.lock ./
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements-runtime.lock

# The package's subfolders are links into the top-level folders, as in the repository.
COPY pyproject.toml README.md ./
COPY dakg ./dakg
COPY api ./api
COPY ingest ./ingest
COPY schema ./schema
COPY store ./store
COPY cypher ./cypher
COPY corpus ./corpus
RUN pip install --no-cache-dir --no-deps --no-build-isolation . \
    && useradd --create-home --uid 10001 dakg
USER dakg

EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status == 200 else 1)"
CMD ["dakg", "serve", "--host", "0.0.0.0", "--port", "8000"]
