// The extractor version a source was written with (no row if the source is not in the graph).
// params: key
// mode: read
MATCH (s:Source {key: $key})
RETURN s.extractor_version AS extractor_version
