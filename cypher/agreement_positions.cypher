// For each agreement, the sources' positions in aggregate: per status value, how many sources give it, how
// many of those are undated, the first and last publication dates; the statuses reported denied; the
// distinct caps, and the distinct payments, each with its kind and the date of the source that gives it (the
// running-total rule reads it); how many sources and claims in all. Enough to tell whether the sources
// disagree (dakg.answers.dispute_rules) without reading every source. (sum() gives a float on FalkorDB and an integer on
// Neo4j: toInteger keeps the totals whole numbers on both.)
// params: keys, min_confidence
// mode: read
UNWIND $keys AS k
MATCH (a:Agreement {key: k})<-[r:REPORTS]-(s:Source)
WHERE s.superseded_by IS NULL  // current versions only: an earlier text of a document does not count
  AND coalesce(r.confidence, 1.0) >= $min_confidence  // reports whose most confident claim reaches it
WITH a, r.status AS status, count(r) AS sources, toInteger(sum(r.count)) AS claims,
     toInteger(sum(CASE WHEN s.published IS NULL THEN 1 ELSE 0 END)) AS undated,
     min(s.published) AS first, max(s.published) AS last,
     collect(r.denied) AS denied,
     collect([i IN range(0, size(coalesce(r.caps, [])) - 1) | {value: r.caps[i], kind: r.cap_details[i]}]) AS caps,
     collect([i IN range(0, size(coalesce(r.payment_amounts, [])) - 1) |
              {amount: r.payment_amounts[i], currency: r.payment_currencies[i], kind: r.payment_kinds[i],
               published: s.published}]) AS payments
WITH a, status, sources, claims, undated, first, last,
     reduce(acc = [], x IN denied | acc + [d IN x WHERE NOT d IN acc]) AS denied,
     reduce(acc = [], x IN caps | acc + [c IN x WHERE NOT c IN acc]) AS caps,
     reduce(acc = [], x IN payments | acc + [p IN x WHERE NOT p IN acc]) AS payments
RETURN a.key AS key,
       collect({status: status, sources: sources, claims: claims, undated: undated, first: first, last: last,
                denied: denied, caps: caps, payments: payments}) AS positions
