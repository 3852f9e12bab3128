// One page of officials by key, with how many claims are about each.
// params: country, skip, limit
// mode: read
MATCH (o:Official)
WHERE $country IS NULL OR o.country = $country
WITH o
ORDER BY o.key
SKIP $skip
LIMIT $limit
OPTIONAL MATCH (o)-[:INVOLVED_IN]->(a:Agreement)
WITH o, collect(a.key) AS agreements
RETURN o {.key, .name, .aliases, .country} AS official, agreements
ORDER BY official.key
