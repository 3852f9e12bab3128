// Full-text search over sources (title and text), countries and officials (names), best first.
// Neo4j's full-text procedure; search.falkordb.cypher is the same for FalkorDB.
// params: q, limit
// mode: read
CALL db.index.fulltext.queryNodes('dakg_source_fulltext', $q) YIELD node, score
RETURN 'Source' AS label, node.key AS key, node.title AS name, score, node.text AS text
ORDER BY score DESC, key
LIMIT $limit
UNION ALL
CALL db.index.fulltext.queryNodes('dakg_country_fulltext', $q) YIELD node, score
RETURN 'Country' AS label, node.key AS key, node.name AS name, score, null AS text
ORDER BY score DESC, key
LIMIT $limit
UNION ALL
CALL db.index.fulltext.queryNodes('dakg_official_fulltext', $q) YIELD node, score
RETURN 'Official' AS label, node.key AS key, node.name AS name, score, null AS text
ORDER BY score DESC, key
LIMIT $limit
