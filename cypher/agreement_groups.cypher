// Migrant groups an agreement covers, with the source that describes each (a source whose report on the agreement
// reaches min_confidence: its most confident claim about it; an edge without it counts as 1.0).
// params: key, min_confidence
// mode: read
MATCH (a:Agreement {key: $key})-[:COVERS]->(g:MigrantGroup)
MATCH (s:Source {key: g.source})-[r:REPORTS]->(a)
WHERE coalesce(r.confidence, 1.0) >= $min_confidence
RETURN g {.key, .description, .nationalities, .size} AS group,
       s {.key, .title, .outlet, .url, .published, .superseded_by, .reprint_group} AS source
ORDER BY coalesce(source.published, '') DESC, group.key
