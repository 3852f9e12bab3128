// For each agreement: every source that reports on it, newest first (undated last), with that source's
// position in brief (its REPORTS edge: own status, denials, caps and payments with their kinds).
// Read only for agreements whose sources disagree, to list who takes which side.
// params: keys
// mode: read
UNWIND $keys AS k
MATCH (a:Agreement {key: k})<-[r:REPORTS]-(s:Source)
WITH a, r, s
ORDER BY coalesce(s.published, '') DESC, s.key
WITH a, collect([s.key, s.published, r.status, r.denied,
                 [i IN range(0, size(coalesce(r.caps, [])) - 1) | [r.caps[i], r.cap_details[i]]],
                 [i IN range(0, size(coalesce(r.payment_amounts, [])) - 1) |
                  [r.payment_amounts[i], r.payment_currencies[i], r.payment_kinds[i]]]]) AS sources
RETURN a.key AS key, sources
