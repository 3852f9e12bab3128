// The stored text of one source (every offset points into it).
// params: key
// mode: read
MATCH (s:Source {key: $key})
RETURN s.text AS text
