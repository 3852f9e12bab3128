// One page of agreements matching the filters, ordered by key, with their parties' names.
// params: host, deporting, status, min_confidence, skip, limit
// mode: read
MATCH (a:Agreement)
WHERE ($host IS NULL OR a.host = $host)
  AND ($deporting IS NULL OR a.deporting = $deporting)
// Agreements the current version of some document reports on (an earlier text of a document does not count) with
// a report that reaches $min_confidence (its most confident claim about the agreement; an edge without it counts as
// 1.0); with a status, one such source gives it in a claim that is not a denial.
// (Counted in a projection, each comprehension with names of its own: FalkorDB 4.16 cannot run a pattern
// comprehension inside WHERE, and two in one projection that share a variable name see each other's matches.)
WITH a, size([(a)<-[r:REPORTS]-(reporting:Source)
              WHERE reporting.superseded_by IS NULL AND coalesce(r.confidence, 1.0) >= $min_confidence
              | reporting.key]) AS current,
     CASE WHEN $status IS NULL THEN 1
          ELSE size([(a)<-[:ABOUT]-(c:Claim)<-[:CLAIMS]-(claiming:Source)-[stating:REPORTS]->(a)
                     WHERE c.field = 'status' AND c.value = $status AND c.negated = false
                       AND claiming.superseded_by IS NULL AND coalesce(stating.confidence, 1.0) >= $min_confidence
                     | claiming.key]) END AS stated
WHERE current > 0 AND stated > 0
WITH a
ORDER BY a.key
SKIP $skip
LIMIT $limit
OPTIONAL MATCH (a)-[:DEPORTING_PARTY]->(d:Country)
OPTIONAL MATCH (a)-[:HOST_PARTY]->(h:Country)
RETURN a {.key, .name} AS agreement, d {.key, .name} AS deporting, h {.key, .name} AS host
ORDER BY agreement.key
