"""Schema as data: labels, relationship types, keys, indexes and vocabularies (import as ``dakg.schema``)."""

from dakg.schema.graph import CLAIM_FIELDS, FACT_RELATIONSHIPS, GRAPH, SCHEMA_VERSION, STATUSES
from dakg.schema.model import GraphSchema, NodeType, Property, RelType

__all__ = [
    "CLAIM_FIELDS",
    "FACT_RELATIONSHIPS",
    "GRAPH",
    "SCHEMA_VERSION",
    "STATUSES",
    "GraphSchema",
    "NodeType",
    "Property",
    "RelType",
]
