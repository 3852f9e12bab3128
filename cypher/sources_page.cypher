// One page of sources, newest first (undated last), with how many claims each makes.
// params: outlet, published_from, published_to, skip, limit
// mode: read
MATCH (s:Source)
WHERE ($outlet IS NULL OR s.outlet = $outlet)
  AND ($published_from IS NULL OR s.published >= $published_from)
  AND ($published_to IS NULL OR s.published <= $published_to)
WITH s
ORDER BY coalesce(s.published, '') DESC, s.key
SKIP $skip
LIMIT $limit
OPTIONAL MATCH (s)-[:CLAIMS]->(c:Claim)
WITH s, count(c) AS claims
RETURN s {.key, .title, .outlet, .url, .published, language: coalesce(s.language, 'en'), .path, .superseded_by, .words, .extractor_version, .ingested_at,
          .reprint_group, .reprint_of} AS source, claims
ORDER BY coalesce(source.published, '') DESC, source.key
