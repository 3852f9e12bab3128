"""Errors a user can act on. The CLI prints them in one line and exits non-zero; the API maps them to problems."""

from __future__ import annotations


class DakgError(Exception):
    """Base of every error this project raises on purpose. ``str(error)`` is the one line a user sees."""


class ConfigError(DakgError):
    """A setting is missing or wrong."""


class StoreUnavailable(DakgError):
    """The graph store cannot be reached or started."""


class QueryError(DakgError):
    """The store refused or failed a query."""


class InvalidValue(QueryError):
    """A value no store can hold faithfully (a NUL character, a number beyond 64 bits, a bad key)."""


class QueryTimeout(QueryError):
    """A query ran over its time limit."""


class ConstraintViolation(QueryError):
    """A write broke a uniqueness rule; nothing of that write was applied."""


class TooManyRows(QueryError):
    """A read returned more rows than DAKG_MAX_ROWS allows."""


class UnknownQuery(DakgError):
    """No file in cypher/ has that name."""


class DocumentError(DakgError):
    """A document cannot be read or is refused (binary, undecodable, empty, too large)."""
