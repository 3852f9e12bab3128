// Keys of the agreements an export covers (host and deporting filters; null matches every agreement), by key:
// those some source's report reaches min_confidence for (its most confident claim about the agreement; an edge
// without it counts as 1.0).
// params: host, deporting, min_confidence, skip, limit
// mode: read
MATCH (a:Agreement)
WHERE ($host IS NULL OR a.host = $host)
  AND ($deporting IS NULL OR a.deporting = $deporting)
WITH a, size([(a)<-[r:REPORTS]-(:Source) WHERE coalesce(r.confidence, 1.0) >= $min_confidence | r]) AS reached
WHERE reached > 0
RETURN a.key AS key
ORDER BY key
SKIP $skip
LIMIT $limit
