// Keys of the migrant groups an export covers: every group, or (agreements given) those one of those agreements
// covers.
// params: agreements, skip, limit
// mode: read
MATCH (g:MigrantGroup)
OPTIONAL MATCH (a:Agreement)-[:COVERS]->(g)
WITH g, collect(a.key) AS covered
WHERE $agreements IS NULL OR any(k IN covered WHERE k IN $agreements)
RETURN g.key AS key
ORDER BY key
SKIP $skip
LIMIT $limit
