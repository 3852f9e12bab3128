// One page of officials by key, with the states sources say they act for and the agreements they are named in.
// params: country, skip, limit
// mode: read
MATCH (o:Official)
WHERE $country IS NULL OR (o)-[:ACTS_FOR]->(:Country {key: $country})
WITH o
ORDER BY o.key
SKIP $skip
LIMIT $limit
OPTIONAL MATCH (o)-[:ACTS_FOR]->(c:Country)
WITH o, collect(c.key) AS countries
OPTIONAL MATCH (o)-[:INVOLVED_IN]->(a:Agreement)
WITH o, countries, collect(a.key) AS agreements
RETURN o {.key, .name, .aliases} AS official, countries, agreements
ORDER BY official.key
