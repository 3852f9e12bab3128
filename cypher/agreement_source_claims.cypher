// The claims chosen sources make about chosen agreements, with quotes and offsets, and each source's metadata.
// pairs: [{source: source key, subject: agreement key}, ...]
// params: pairs
// mode: read
UNWIND $pairs AS p
MATCH (s:Source {key: p.source})-[:CLAIMS]->(c:Claim)-[:ABOUT]->(a:Agreement {key: p.subject})
WITH a, s, c
ORDER BY c.start, c.field, c.key
WITH a, s, collect(c {.key, .field, .value, .currency, .negated, .detail, .quote, .start, .end, .confidence, .evidence_offsets,
       .evidence_texts, .evidence_roles, .rules}) AS claims
RETURN a.key AS agreement, s {.key, .title, .outlet, .url, .published} AS source, claims
