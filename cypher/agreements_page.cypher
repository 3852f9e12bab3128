// One page of agreements matching the filters, ordered by key, with their parties' names.
// params: host, deporting, status, skip, limit
// mode: read
MATCH (a:Agreement)
WHERE ($host IS NULL OR a.host = $host)
  AND ($deporting IS NULL OR a.deporting = $deporting)
  AND ($status IS NULL OR (a)<-[:ABOUT]-(:Claim {field: 'status', value: $status, negated: false}))
WITH a
ORDER BY a.key
SKIP $skip
LIMIT $limit
OPTIONAL MATCH (a)-[:DEPORTING_PARTY]->(d:Country)
OPTIONAL MATCH (a)-[:HOST_PARTY]->(h:Country)
RETURN a {.key, .name} AS agreement, d {.key, .name} AS deporting, h {.key, .name} AS host
ORDER BY agreement.key
