// A page of the claims about the given subjects (agreements, officials, migrant groups), in the order of the
// subjects, then by the sources' dates (undated last), source and position in the text; with the source and
// what the claim is about. published_from / published_to bound the sources' dates (null: no bound). A claim about
// an agreement is kept only when its source's report on it reaches min_confidence (its most confident claim about
// the agreement; an edge without it counts as 1.0).
// params: subjects, published_from, published_to, min_confidence, skip, limit
// mode: read
UNWIND range(0, size($subjects) - 1) AS i
WITH i, $subjects[i] AS k
MATCH (c:Claim {subject: k})
MATCH (s:Source)-[:CLAIMS]->(c)-[:ABOUT]->(e)
WHERE ($published_from IS NULL OR s.published >= $published_from)
  AND ($published_to IS NULL OR s.published <= $published_to)
WITH i, s, c, e,
     CASE WHEN 'Agreement' IN labels(e)
          THEN size([(s)-[r:REPORTS]->(e) WHERE coalesce(r.confidence, 1.0) >= $min_confidence | r])
          ELSE 1 END AS reached
WHERE reached > 0
WITH i, s, c, e
ORDER BY i, coalesce(s.published, '9999'), s.key, c.start, c.field, c.key
SKIP $skip
LIMIT $limit
RETURN labels(e)[0] AS about_label, e {.key, .name, .description, .size, .deporting, .host} AS about,
       s {.key, .title, .outlet, .url, .published, language: coalesce(s.language, 'en'), .extractor_version, .ingested_at,
          .reprint_group} AS source,
       c {.key, .field, .value, .currency, .negated, .detail, .quote, .start, .end, .confidence, .evidence_offsets,
       .evidence_texts, .evidence_roles, .rules, .basis, .extractor_version} AS claim
