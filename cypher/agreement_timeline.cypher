// An agreement's claims in the order of their sources' publication dates (undated sources last), then as
// they stand in each text.
// With as_of, only sources published by then (dakg.dates: a month or a year once it is over).
// params: key, fields, as_of, min_confidence, skip, limit
// mode: read
MATCH (a:Agreement {key: $key})<-[:ABOUT]-(c:Claim)<-[:CLAIMS]-(s:Source)-[r:REPORTS]->(a)
WHERE ($fields IS NULL OR c.field IN $fields)
  AND coalesce(r.confidence, 1.0) >= $min_confidence  // sources whose report on it reaches min_confidence
  AND ($as_of IS NULL OR substring(s.published + '-99-99', 0, 10) <= $as_of)
RETURN s {.key, .title, .outlet, .url, .published, .superseded_by} AS source,
       c {.key, .field, .value, .currency, .negated, .detail, .quote, .start, .end, .confidence, .evidence_offsets,
       .evidence_texts, .evidence_roles, .rules, .basis} AS claim
ORDER BY coalesce(source.published, '9999'), source.key, claim.start, claim.field, claim.key
SKIP $skip
LIMIT $limit
