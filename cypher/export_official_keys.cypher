// Keys of the officials an export covers: every official, or (agreements given) those named in connection with
// one of those agreements.
// params: agreements, skip, limit
// mode: read
MATCH (o:Official)
OPTIONAL MATCH (o)-[:INVOLVED_IN]->(a:Agreement)
WITH o, collect(a.key) AS involved
WHERE $agreements IS NULL OR any(k IN involved WHERE k IN $agreements)
RETURN o.key AS key
ORDER BY key
SKIP $skip
LIMIT $limit
