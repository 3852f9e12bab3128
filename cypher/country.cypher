// One country with the agreements it hosts or sends under and the officials said to act for it.
// params: key
// mode: read
MATCH (c:Country {key: $key})
OPTIONAL MATCH (hosted:Agreement)-[:HOST_PARTY]->(c)
WITH c, collect(hosted.key) AS hosting
OPTIONAL MATCH (sent:Agreement)-[:DEPORTING_PARTY]->(c)
WITH c, hosting, collect(sent.key) AS deporting
OPTIONAL MATCH (o:Official)-[:ACTS_FOR]->(c)
WITH c, hosting, deporting, collect(CASE WHEN o IS NULL THEN NULL ELSE o {.key, .name} END) AS officials
OPTIONAL MATCH (s:Source)-[:MENTIONS]->(c)
WITH c, hosting, deporting, officials, count(s) AS sources
RETURN c {.key, .name, .aliases} AS country, hosting, deporting, officials, sources
