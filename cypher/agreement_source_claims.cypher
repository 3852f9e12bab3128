// The claims chosen sources make about chosen agreements, with quotes and offsets, and each source's metadata:
// only the fields asked for (all when $fields is null), at most $claims_limit per source in text order, with
// how many there are.
// pairs: [{source: source key, subject: agreement key}, ...]
// params: pairs, fields, claims_limit
// mode: read
// Each source's few claims, then those about the agreement: written as one pattern with both keys, FalkorDB
// started from the agreement and read every claim about it for each pair (15 s for a page of the busiest host at
// 10,000 sources; 17 ms so), and Neo4j joined the source's claims with all of the agreement's.
UNWIND $pairs AS p
MATCH (s:Source {key: p.source})
WITH p, s, [(s)-[:CLAIMS]->(c:Claim)-[:ABOUT]->(a:Agreement) | {claim: c, agreement: a.key}] AS found
UNWIND found AS each
WITH p, s, each
WHERE each.agreement = p.subject
WITH p, s, each.claim AS c
WHERE $fields IS NULL OR c.field IN $fields
WITH p.subject AS agreement, s, c
ORDER BY c.start, c.field, c.key
WITH agreement, s, collect(c {.key, .field, .value, .currency, .negated, .detail, .quote, .start, .end, .confidence, .evidence_offsets,
       .evidence_texts, .evidence_roles, .rules, .basis}) AS claims
RETURN agreement, s {.key, .title, .outlet, .url, .published, .superseded_by, .reprint_group} AS source,
       size(claims) AS claims_total, claims[0..$claims_limit] AS claims
