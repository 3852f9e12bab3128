// One source's metadata, and its text when asked for.
// params: key, include_text
// mode: read
MATCH (s:Source {key: $key})
RETURN s {.key, .title, .outlet, .url, .published, .path, .words, .extractor_version, .ingested_at} AS source,
       CASE WHEN $include_text THEN s.text END AS text
