// The claims chosen sources make about chosen agreements, with quotes and offsets, and each source's metadata:
// only the fields asked for (all when $fields is null), at most $claims_limit per source in text order, with
// how many there are.
// pairs: [{source: source key, subject: agreement key}, ...]
// params: pairs, fields, claims_limit
// mode: read
UNWIND $pairs AS p
MATCH (s:Source {key: p.source})-[:CLAIMS]->(c:Claim)-[:ABOUT]->(a:Agreement {key: p.subject})
WHERE $fields IS NULL OR c.field IN $fields
WITH a, s, c
ORDER BY c.start, c.field, c.key
WITH a, s, collect(c {.key, .field, .value, .currency, .negated, .detail, .quote, .start, .end, .confidence, .evidence_offsets,
       .evidence_texts, .evidence_roles, .rules, .basis}) AS claims
RETURN a.key AS agreement, s {.key, .title, .outlet, .url, .published, .superseded_by, .reprint_group} AS source,
       size(claims) AS claims_total, claims[0..$claims_limit] AS claims
