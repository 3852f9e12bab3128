// One agreement with its parties' names.
// params: key
// mode: read
MATCH (a:Agreement {key: $key})
OPTIONAL MATCH (a)-[:DEPORTING_PARTY]->(d:Country)
OPTIONAL MATCH (a)-[:HOST_PARTY]->(h:Country)
RETURN a {.key, .name} AS agreement, d {.key, .name} AS deporting, h {.key, .name} AS host
