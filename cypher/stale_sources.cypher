// Sources written by another extractor version than the current one, with what re-extracting them needs
// (their stored text and metadata), a page at a time in key order.
// params: version, after, limit
// mode: read
MATCH (s:Source)
WHERE s.extractor_version <> $version AND s.key > $after
RETURN s {.key, .title, .url, .outlet, .published, .language, .path, .text} AS source
ORDER BY source.key
LIMIT $limit
