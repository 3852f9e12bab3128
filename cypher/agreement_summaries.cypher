// For each agreement: every source that speaks of it, newest first, with the compact facts the status rule
// and the dispute check need (status, cap and payment claims without their quotes).
// params: keys
// mode: read
UNWIND $keys AS k
MATCH (a:Agreement {key: k})<-[:ABOUT]-(c:Claim)<-[:CLAIMS]-(s:Source)
WITH a, s, collect(CASE WHEN c.field IN ['status', 'cap', 'payment'] THEN [c.field, c.value, c.currency, coalesce(c.negated, false), c.confidence, c.start, c.detail] END) AS facts, count(c) AS claims
ORDER BY coalesce(s.published, '') DESC, s.key
WITH a, collect([s.key, s.published, claims, facts]) AS sources
RETURN a.key AS key, sources
