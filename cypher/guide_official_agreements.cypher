// The agreements an official (found by part of their name) is named in, the states they act for, and the
// sources that name them. (Neo4j Browser guide.)
// params: name
// mode: read
MATCH (o:Official)-[r:INVOLVED_IN]->(a:Agreement)
WHERE toLower(o.name) CONTAINS toLower($name)
OPTIONAL MATCH (o)-[:ACTS_FOR]->(c:Country)
WITH o, a, r, collect(DISTINCT c.name) AS acts_for
UNWIND r.sources AS source_key
MATCH (s:Source {key: source_key})
WITH o, a, acts_for, s
ORDER BY s.published, s.title
RETURN o.name AS official, acts_for, a.key AS agreement, a.name AS name, collect(s.title) AS sources
ORDER BY official, agreement
