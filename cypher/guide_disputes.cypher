// Agreements whose sources give different statuses, with the sources behind each status.
// (Neo4j Browser guide. GET /disputes applies dakg.status's rules on top: progress over time is no dispute.)
// params:
// mode: read
MATCH (s:Source)-[r:REPORTS]->(a:Agreement)
WHERE r.status IS NOT NULL
WITH a, r.status AS status, s
ORDER BY s.published, s.title
WITH a, status, collect(coalesce(s.title, s.key)) AS sources
ORDER BY status
WITH a, collect({status: status, sources: sources}) AS sides
WHERE size(sides) > 1
RETURN a.key AS agreement, a.name AS name, sides
ORDER BY agreement
