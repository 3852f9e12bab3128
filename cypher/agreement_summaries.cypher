// For each agreement: every source that reports on it, newest first (undated last), with that source's
// position in brief (its REPORTS edge: own status, denials, caps, payments, how many claims).
// params: keys
// mode: read
UNWIND $keys AS k
MATCH (a:Agreement {key: k})<-[r:REPORTS]-(s:Source)
WITH a, r, s
ORDER BY coalesce(s.published, '') DESC, s.key
WITH a, collect([s.key, s.published, r.count, r.status, r.status_confidence, r.denied, r.caps, r.cap_details, r.payments]) AS sources
RETURN a.key AS key, sources
