# The API image, for docker-compose.yml (Neo4j 5 as the store). Build: docker build -t dakg .
# Stage 1 builds the wheel from the repository; stage 2 installs the pinned dependencies and that wheel only.
FROM python:3.12-slim AS build
WORKDIR /src
COPY . .
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

COPY requirements-runtime.lock /tmp/
RUN pip install --no-cache-dir --require-hashes --no-deps -r /tmp/requirements-runtime.lock
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --no-deps /wheels/*.whl \
    && rm -rf /wheels \
    && useradd --create-home --uid 10001 dakg
USER dakg
WORKDIR /home/dakg

EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status == 200 else 1)"
CMD ["dakg", "serve", "--host", "0.0.0.0", "--port", "8000"]
