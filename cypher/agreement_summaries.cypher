// For each agreement: every source that reports on it, newest first (undated last), with that source's
// position in brief (its REPORTS edge: own status, denials, caps and payments with their kinds).
// Read for agreements whose sources disagree, to list who takes which side, and for answers as of a day
// (dakg.dates), whose sources are chosen by date here rather than in aggregate.
// params: keys, min_confidence
// mode: read
UNWIND $keys AS k
MATCH (a:Agreement {key: k})<-[r:REPORTS]-(s:Source)
WHERE s.superseded_by IS NULL  // current versions only: an earlier text of a document does not count
  AND coalesce(r.confidence, 1.0) >= $min_confidence  // reports whose most confident claim reaches it
WITH a, r, s
ORDER BY coalesce(s.published, '') DESC, s.key
WITH a, collect({source: s.key, published: s.published, status: r.status, denied: r.denied,
                 status_confidence: r.status_confidence, claims: r.count,
                 caps: [i IN range(0, size(coalesce(r.caps, [])) - 1) | {value: r.caps[i], kind: r.cap_details[i]}],
                 payments: [i IN range(0, size(coalesce(r.payment_amounts, [])) - 1) |
                            {amount: r.payment_amounts[i], currency: r.payment_currencies[i],
                             kind: r.payment_kinds[i]}]}) AS sources
RETURN a.key AS key, sources
