"""The shape of a graph schema: node types, relationship types, their properties and indexes, as frozen data.

Cypher cannot take labels, relationship types or property names as parameters, so the only ones that may
ever reach query text are the ones declared here; the validators make sure each is a plain identifier.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from dakg.dates import is_period

LABEL_RE = re.compile(r"^[A-Z][A-Za-z0-9]{0,62}$")
REL_TYPE_RE = re.compile(r"^[A-Z][A-Z0-9_]{0,62}$")
PROPERTY_RE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")

# "date" is an ISO 8601 date as text (YYYY-MM-DD, or YYYY-MM / YYYY when that is all a source gives); "scalar" is
# a string, an integer or a float (a claim's value, typed per field).
PropertyType = Literal["string", "integer", "float", "boolean", "string[]", "integer[]", "float[]", "date", "scalar"]


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_float(value: Any) -> bool:  # a whole float may come back from a store as an integer
    return isinstance(value, float) or _is_integer(value)


_CHECKS: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": _is_integer,
    "float": _is_float,
    "boolean": lambda v: isinstance(v, bool),
    "date": is_period,
    "scalar": lambda v: isinstance(v, str) or _is_float(v),
}


def _problems(where: str, declared: tuple[Property, ...], values: Mapping[str, Any]) -> list[str]:
    found = [f"{where}.{p.name}: {why}" for p in declared if (why := p.problem(values.get(p.name))) is not None]
    names = {p.name for p in declared}
    found += [f"{where}.{name}: not declared in the schema" for name in sorted(set(values) - names)]
    return found


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Property(_Frozen):
    name: str
    type: PropertyType
    description: str
    required: bool = False

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is not a value of this property (None when it is); a missing value is None."""
        if value is None:
            return "missing" if self.required else None
        kind = self.type.removesuffix("[]")
        check = _CHECKS[kind]
        if self.type.endswith("[]"):
            if isinstance(value, list) and all(check(item) for item in value):
                return None
        elif check(value):
            return None
        return f"{value!r} is not of type {self.type}"

    @field_validator("name")
    @classmethod
    def _identifier(cls, value: str) -> str:
        if not PROPERTY_RE.match(value):
            raise ValueError(f"property name {value!r} must match {PROPERTY_RE.pattern}")
        return value


class NodeType(_Frozen):
    label: str
    description: str
    key: str = "key"
    properties: tuple[Property, ...]
    indexes: tuple[str, ...] = ()
    fulltext: tuple[str, ...] = ()

    @field_validator("label")
    @classmethod
    def _label(cls, value: str) -> str:
        if not LABEL_RE.match(value):
            raise ValueError(f"label {value!r} must match {LABEL_RE.pattern}")
        return value

    @model_validator(mode="after")
    def _indexed_properties_exist(self) -> NodeType:
        names = {p.name for p in self.properties}
        for prop in (self.key, *self.indexes, *self.fulltext):
            if prop not in names:
                raise ValueError(f"{self.label}: indexed property {prop!r} is not declared")
        if self.key in self.indexes:
            raise ValueError(f"{self.label}: the key {self.key!r} is indexed by its uniqueness rule already")
        return self

    def problems(self, values: Mapping[str, Any]) -> list[str]:
        """What in a node's properties the schema does not allow: wrong types, missing required, undeclared."""
        return _problems(self.label, self.properties, values)

    @property
    def fulltext_index_name(self) -> str:
        return f"dakg_{self.label.lower()}_fulltext"


class RelType(_Frozen):
    type: str
    description: str
    start: tuple[str, ...]
    end: tuple[str, ...]
    properties: tuple[Property, ...] = ()

    @field_validator("type")
    @classmethod
    def _rel_type(cls, value: str) -> str:
        if not REL_TYPE_RE.match(value):
            raise ValueError(f"relationship type {value!r} must match {REL_TYPE_RE.pattern}")
        return value

    def problems(self, start: str, end: str, values: Mapping[str, Any]) -> list[str]:
        """What the schema does not allow in one relationship: its ends' labels, then its properties."""
        found = [f"{self.type}: from {start}, which is not one of {self.start}"] if start not in self.start else []
        found += [f"{self.type}: to {end}, which is not one of {self.end}"] if end not in self.end else []
        return found + _problems(self.type, self.properties, values)


class GraphSchema(_Frozen):
    nodes: tuple[NodeType, ...]
    relationships: tuple[RelType, ...]

    @model_validator(mode="after")
    def _consistent(self) -> GraphSchema:
        labels = [n.label for n in self.nodes]
        if len(set(labels)) != len(labels):
            raise ValueError("duplicate node label")
        types = [r.type for r in self.relationships]
        if len(set(types)) != len(types):
            raise ValueError("duplicate relationship type")
        for rel in self.relationships:
            for label in (*rel.start, *rel.end):
                if label not in labels:
                    raise ValueError(f"{rel.type} connects unknown label {label!r}")
        return self

    def relationship(self, rel_type: str) -> RelType:
        for rel in self.relationships:
            if rel.type == rel_type:
                return rel
        raise KeyError(rel_type)

    def node(self, label: str) -> NodeType:
        for node in self.nodes:
            if node.label == label:
                return node
        raise KeyError(label)

    @property
    def labels(self) -> list[str]:
        return [n.label for n in self.nodes]

    @property
    def relationship_types(self) -> list[str]:
        return [r.type for r in self.relationships]

    @property
    def property_keys(self) -> list[str]:
        keys = {p.name for n in self.nodes for p in n.properties}
        keys |= {p.name for r in self.relationships for p in r.properties}
        return sorted(keys)

    def lint_schema(self) -> dict[str, object]:
        """The schema as the Neo4j Cypher linter takes it (labels, types, property keys)."""
        return {
            "labels": self.labels,
            "relationshipTypes": self.relationship_types,
            "propertyKeys": self.property_keys,
        }
