"""What a claim's value names (dakg.answers.names): read from the store, states included."""

from __future__ import annotations

from dakg.answers.names import value_names
from dakg.store import GraphStore


def test_a_states_name_is_the_one_the_graph_holds(fresh_corpus: GraphStore) -> None:
    fresh_corpus.run("MATCH (c:Country {key: 'GBR'}) SET c.name = 'Britain, as the graph has it'", write=True)
    claims = [
        {"field": "acts_for", "value": "GBR"},
        {"field": "nationality", "value": "GBR"},
        {"field": "acts_for", "value": "RWA"},
        {"field": "nationality", "value": "ATA"},  # a state the graph does not hold
    ]
    names = value_names(fresh_corpus, claims)
    assert names[("acts_for", "GBR")] == {"key": "GBR", "name": "Britain, as the graph has it"}
    assert names[("nationality", "GBR")] == {"key": "GBR", "name": "Britain, as the graph has it"}
    assert names[("acts_for", "RWA")] == {"key": "RWA", "name": "Rwanda"}
    assert names[("nationality", "ATA")] == {"key": "ATA", "name": "ATA"}  # not in the graph: its code
