// An agreement's claims in the order of their sources' publication dates (undated sources last), then as
// they stand in each text.
// params: key, fields, skip, limit
// mode: read
MATCH (a:Agreement {key: $key})<-[:ABOUT]-(c:Claim)<-[:CLAIMS]-(s:Source)
WHERE $fields IS NULL OR c.field IN $fields
RETURN s {.key, .title, .outlet, .url, .published, .superseded_by} AS source,
       c {.key, .field, .value, .currency, .negated, .detail, .quote, .start, .end, .confidence, .evidence_offsets,
       .evidence_texts, .evidence_roles, .rules} AS claim
ORDER BY coalesce(source.published, '9999'), source.key, claim.start, claim.field, claim.key
SKIP $skip
LIMIT $limit
