// Metadata of the given sources.
// params: keys
// mode: read
UNWIND $keys AS k
MATCH (s:Source {key: k})
RETURN s {.key, .title, .outlet, .url, .published, .superseded_by} AS source
