// How many claims an agreement's timeline holds.
// With as_of, only sources published by then (dakg.dates: a month or a year once it is over).
// params: key, fields, as_of, min_confidence
// mode: read
MATCH (a:Agreement {key: $key})<-[:ABOUT]-(c:Claim)<-[:CLAIMS]-(s:Source)-[r:REPORTS]->(a)
WHERE ($fields IS NULL OR c.field IN $fields)
  AND coalesce(r.confidence, 1.0) >= $min_confidence  // sources whose report on it reaches min_confidence
  AND ($as_of IS NULL OR substring(s.published + '-99-99', 0, 10) <= $as_of)
RETURN count(c) AS total
