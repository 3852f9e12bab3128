// Sources written by an extractor version other than the current ones (one per language's pipeline), with what
// re-extracting them needs (their stored text and metadata), a page at a time in key order.
// params: versions, after, limit
// mode: read
MATCH (s:Source)
WHERE NOT s.extractor_version IN $versions AND s.key > $after
RETURN s {.key, .title, .url, .outlet, .published, .language, .path, .text} AS source
ORDER BY source.key
LIMIT $limit
