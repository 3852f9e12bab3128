// For each agreement, every source that reports on it, newest first (undated last; among equals the most
// confident status first), each with its own status. The first one with a status gives the current status.
// params: keys, min_confidence
// mode: read
UNWIND $keys AS k
MATCH (a:Agreement {key: k})<-[r:REPORTS]-(s:Source)
WHERE s.superseded_by IS NULL  // current versions only: an earlier text of a document does not count
  AND coalesce(r.confidence, 1.0) >= $min_confidence  // reports whose most confident claim reaches it
WITH a, r, s
ORDER BY coalesce(s.published, '') DESC, coalesce(r.status_confidence, 0.0) DESC, s.key
RETURN a.key AS key, collect({source: s.key, published: s.published, status: r.status}) AS ordered
