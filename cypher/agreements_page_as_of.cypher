// One page of agreements matching the filters as the record stood on a day: those that a source published by
// then reports on (dakg.dates; current versions of documents only; reports that reach min_confidence), and with status, those a source published by then gives that status (not as
// a denial). Ordered by key, with their parties' names.
// params: host, deporting, status, as_of, min_confidence, skip, limit
// mode: read
MATCH (a:Agreement)<-[r:REPORTS]-(s:Source)
WHERE ($host IS NULL OR a.host = $host)
  AND ($deporting IS NULL OR a.deporting = $deporting)
  AND s.superseded_by IS NULL AND coalesce(r.confidence, 1.0) >= $min_confidence
  AND substring(s.published + '-99-99', 0, 10) <= $as_of
  AND ($status IS NULL OR (s)-[:CLAIMS]->(:Claim {field: 'status', value: $status, negated: false})-[:ABOUT]->(a))
WITH DISTINCT a
ORDER BY a.key
SKIP $skip
LIMIT $limit
OPTIONAL MATCH (a)-[:DEPORTING_PARTY]->(d:Country)
OPTIONAL MATCH (a)-[:HOST_PARTY]->(h:Country)
RETURN a {.key, .name} AS agreement, d {.key, .name} AS deporting, h {.key, .name} AS host
ORDER BY agreement.key
