// One source's metadata and how many claims it makes, and its text when asked for.
// params: key, include_text
// mode: read
MATCH (s:Source {key: $key})
OPTIONAL MATCH (s)-[:CLAIMS]->(c:Claim)
WITH s, count(c) AS claims
RETURN s {.key, .title, .outlet, .url, .published, language: coalesce(s.language, 'en'), .path, .superseded_by, .words, .extractor_version, .ingested_at,
          .reprint_group, .reprint_of} AS source,
       claims, CASE WHEN $include_text THEN s.text END AS text
