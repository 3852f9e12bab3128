// The extractor version a source was written with, and the later version of its document if there is one (no
// row if the source is not in the graph).
// params: key
// mode: read
MATCH (s:Source {key: $key})
RETURN s.extractor_version AS extractor_version, s.superseded_by AS superseded_by
