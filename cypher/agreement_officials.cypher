// Officials named in connection with an agreement, with the sources that name them there.
// params: key
// mode: read
MATCH (o:Official)-[r:INVOLVED_IN]->(a:Agreement {key: $key})
RETURN o {.key, .name, .country} AS official, r.sources AS sources
ORDER BY official.key
