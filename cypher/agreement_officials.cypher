// Officials named in connection with an agreement, the states sources say they act for, and the sources that
// name them there.
// params: key
// mode: read
MATCH (o:Official)-[r:INVOLVED_IN]->(a:Agreement {key: $key})
OPTIONAL MATCH (o)-[:ACTS_FOR]->(c:Country)
WITH o, r, collect(c.key) AS countries
RETURN o {.key, .name} AS official, countries, r.sources AS sources
ORDER BY official.key
