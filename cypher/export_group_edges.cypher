// The fact edges that start at the given migrant groups (their nationalities), with how many claims and sources
// back each, and the end's label, key and name.
// params: keys, skip, limit
// mode: read
UNWIND $keys AS k
MATCH (g:MigrantGroup {key: k})-[r]->(b)
WHERE type(r) = 'NATIONALITY'
RETURN type(r) AS type, g.key AS from, labels(b)[0] AS to_label, b.key AS to, b.name AS to_name,
       size(r.claims) AS claims, size(r.sources) AS sources
ORDER BY from, type, to
SKIP $skip
LIMIT $limit
