// One page of what one source claims, each claim with what it is about, in text order.
// params: key, skip, limit
// mode: read
MATCH (s:Source {key: $key})-[:CLAIMS]->(c:Claim)-[:ABOUT]->(e)
RETURN labels(e)[0] AS about_label, e.key AS about_key, coalesce(e.name, e.description) AS about_name,
       c {.key, .field, .value, .currency, .negated, .detail, .quote, .start, .end, .confidence, .evidence_offsets,
       .evidence_texts, .evidence_roles, .rules, .basis} AS claim
ORDER BY claim.start, claim.field, claim.key
SKIP $skip
LIMIT $limit
