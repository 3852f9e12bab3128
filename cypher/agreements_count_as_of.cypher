// How many agreements match the filters as the record stood on a day (see agreements_page_as_of).
// params: host, deporting, status, as_of, min_confidence
// mode: read
MATCH (a:Agreement)<-[r:REPORTS]-(s:Source)
WHERE ($host IS NULL OR a.host = $host)
  AND ($deporting IS NULL OR a.deporting = $deporting)
  AND s.superseded_by IS NULL AND coalesce(r.confidence, 1.0) >= $min_confidence
  AND substring(s.published + '-99-99', 0, 10) <= $as_of
  AND ($status IS NULL OR (s)-[:CLAIMS]->(:Claim {field: 'status', value: $status, negated: false})-[:ABOUT]->(a))
RETURN count(DISTINCT a) AS total
