// A page of sources, newest first (undated last), with the agreements each reports on and how many claims it
// makes (about agreements, officials and migrant groups). agreements (null: every source) keeps the sources that report on one of them; published_from /
// published_to bound the dates.
// params: agreements, published_from, published_to, skip, limit
// mode: read
MATCH (s:Source)
WHERE ($published_from IS NULL OR s.published >= $published_from)
  AND ($published_to IS NULL OR s.published <= $published_to)
OPTIONAL MATCH (s)-[:REPORTS]->(a:Agreement)
WITH s, collect(a.key) AS agreements
WHERE $agreements IS NULL OR any(k IN agreements WHERE k IN $agreements)
OPTIONAL MATCH (s)-[:CLAIMS]->(c:Claim)
WITH s, agreements, count(c) AS claims
RETURN s {.key, .title, .outlet, .url, .published, .words, .extractor_version, .ingested_at, .reprint_group,
       .reprint_of} AS source, agreements, claims
ORDER BY coalesce(source.published, '') DESC, source.key
SKIP $skip
LIMIT $limit
