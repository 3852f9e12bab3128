// A page of sources, newest first (undated last), with the agreements each reports on and how many claims it
// makes (about agreements, officials and migrant groups). Only reports that reach min_confidence count (the
// source's most confident claim about the agreement; an edge without it counts as 1.0): a weaker one is not among
// its agreements, and its claims about that agreement are not counted. agreements (null: every source) keeps the
// sources that report on one of them; published_from / published_to bound the dates.
// params: agreements, published_from, published_to, min_confidence, skip, limit
// mode: read
MATCH (s:Source)
WHERE ($published_from IS NULL OR s.published >= $published_from)
  AND ($published_to IS NULL OR s.published <= $published_to)
OPTIONAL MATCH (s)-[r:REPORTS]->(a:Agreement)
WITH s, collect(CASE WHEN coalesce(r.confidence, 1.0) >= $min_confidence THEN a.key END) AS agreements,
     collect(CASE WHEN coalesce(r.confidence, 1.0) < $min_confidence THEN a.key END) AS weak
WHERE $agreements IS NULL OR any(k IN agreements WHERE k IN $agreements)
OPTIONAL MATCH (s)-[:CLAIMS]->(c:Claim)
WHERE NOT c.subject IN weak
WITH s, agreements, count(c) AS claims
RETURN s {.key, .title, .outlet, .url, .published, language: coalesce(s.language, 'en'), .words, .extractor_version, .ingested_at, .reprint_group,
       .reprint_of} AS source, agreements, claims
ORDER BY coalesce(source.published, '') DESC, source.key
SKIP $skip
LIMIT $limit
