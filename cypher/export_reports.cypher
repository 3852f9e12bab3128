// What each of the given sources reports of each of the given agreements, in brief (its REPORTS edge), with the
// confidence of its most confident claim about it (an edge without one counts as 1.0).
// pairs: [{source: source key, subject: agreement key}, ...]
// params: pairs
// mode: read
UNWIND $pairs AS p
MATCH (s:Source {key: p.source})-[r:REPORTS]->(a:Agreement {key: p.subject})
RETURN s.key AS source, a.key AS agreement, r.status AS status, r.count AS claims,
       coalesce(r.confidence, 1.0) AS confidence
