// What each of the given sources reports of each of the given agreements, in brief (its REPORTS edge), with the
// confidence of its most confident claim about it (an edge without one counts as 1.0).
// pairs: [{source: source key, subject: agreement key}, ...]
// params: pairs
// mode: read
// Each source's few reports, then the one about the agreement (see agreement_source_claims.cypher: one pattern
// with both keys made the stores read all the agreement's reports for each pair).
UNWIND $pairs AS p
MATCH (s:Source {key: p.source})
WITH p, s, [(s)-[r:REPORTS]->(a:Agreement) | {report: r, agreement: a.key}] AS found
UNWIND found AS each
WITH p, s, each
WHERE each.agreement = p.subject
WITH p, s, each.report AS r
RETURN s.key AS source, p.subject AS agreement, r.status AS status, r.count AS claims,
       coalesce(r.confidence, 1.0) AS confidence
