// Officials named in connection with an agreement, the states sources say they act for, and the sources that
// name them there (those whose report on the agreement reaches min_confidence: its most confident claim about it;
// an edge without it counts as 1.0). An official only such weak reports name is left out.
// params: key, min_confidence
// mode: read
MATCH (o:Official)-[r:INVOLVED_IN]->(a:Agreement {key: $key})
UNWIND r.sources AS named
MATCH (s:Source {key: named})-[report:REPORTS]->(a)
WHERE coalesce(report.confidence, 1.0) >= $min_confidence
WITH o, collect(DISTINCT s.key) AS sources
OPTIONAL MATCH (o)-[:ACTS_FOR]->(c:Country)
WITH o, sources, collect(c.key) AS countries
RETURN o {.key, .name} AS official, countries, sources
ORDER BY official.key
