// Full-text search over sources (title and text), countries and officials (names), best first.
// FalkorDB's full-text procedure; search.neo4j.cypher is the same for Neo4j.
// params: q, limit
// mode: read
CALL db.idx.fulltext.queryNodes('Source', $q) YIELD node, score
RETURN 'Source' AS label, node.key AS key, node.title AS name, score, node.text AS text
ORDER BY score DESC, key
LIMIT $limit
UNION ALL
CALL db.idx.fulltext.queryNodes('Country', $q) YIELD node, score
RETURN 'Country' AS label, node.key AS key, node.name AS name, score, null AS text
ORDER BY score DESC, key
LIMIT $limit
UNION ALL
CALL db.idx.fulltext.queryNodes('Official', $q) YIELD node, score
RETURN 'Official' AS label, node.key AS key, node.name AS name, score, null AS text
ORDER BY score DESC, key
LIMIT $limit
