// A page of the claims about the given subjects (agreements, officials, migrant groups), in the order of the
// subjects, then by the sources' dates (undated last), source and position in the text; with the source and
// what the claim is about. published_from / published_to bound the sources' dates (null: no bound).
// params: subjects, published_from, published_to, skip, limit
// mode: read
UNWIND range(0, size($subjects) - 1) AS i
WITH i, $subjects[i] AS k
MATCH (c:Claim {subject: k})
MATCH (s:Source)-[:CLAIMS]->(c)-[:ABOUT]->(e)
WHERE ($published_from IS NULL OR s.published >= $published_from)
  AND ($published_to IS NULL OR s.published <= $published_to)
WITH i, s, c, e
ORDER BY i, coalesce(s.published, '9999'), s.key, c.start, c.field, c.key
SKIP $skip
LIMIT $limit
RETURN labels(e)[0] AS about_label, e {.key, .name, .description, .size, .deporting, .host} AS about,
       s {.key, .title, .outlet, .url, .published, .extractor_version, .ingested_at, .reprint_group} AS source,
       c {.key, .field, .value, .currency, .negated, .detail, .quote, .start, .end, .confidence, .evidence_offsets,
       .evidence_texts, .evidence_roles, .rules, .extractor_version} AS claim
