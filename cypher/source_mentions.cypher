// The countries a source names, with the offsets of each mention (start, end pairs flattened).
// params: key
// mode: read
MATCH (s:Source {key: $key})-[m:MENTIONS]->(c:Country)
RETURN c {.key, .name} AS country, m.offsets AS offsets
ORDER BY country.key
