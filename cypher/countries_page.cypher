// One page of countries by code, with how many agreements each hosts or sends under and how many sources name it.
// params: skip, limit
// mode: read
MATCH (c:Country)
WITH c
ORDER BY c.key
SKIP $skip
LIMIT $limit
OPTIONAL MATCH (hosted:Agreement)-[:HOST_PARTY]->(c)
WITH c, count(hosted) AS hosting
OPTIONAL MATCH (sent:Agreement)-[:DEPORTING_PARTY]->(c)
WITH c, hosting, count(sent) AS deporting
OPTIONAL MATCH (s:Source)-[:MENTIONS]->(c)
WITH c, hosting, deporting, count(s) AS sources
RETURN c {.key, .name} AS country, hosting, deporting, sources
ORDER BY country.key
