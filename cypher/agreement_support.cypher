// For each agreement, every value its sources claim (per field, value, currency and negation): how many sources
// claim it and how many of those are independent (distinct reprint groups: a story and its reprints count once,
// dakg.reprints). With as_of, only sources published by then (dakg.dates: a month or a year once it is over).
// params: keys, as_of, min_confidence
// mode: read
UNWIND $keys AS k
MATCH (a:Agreement {key: k})<-[:ABOUT]-(c:Claim)<-[:CLAIMS]-(s:Source)-[r:REPORTS]->(a)
WHERE c.field <> 'covers' AND s.superseded_by IS NULL  // current versions of documents only
  AND coalesce(r.confidence, 1.0) >= $min_confidence  // reports whose most confident claim reaches it
  AND ($as_of IS NULL OR substring(s.published + '-99-99', 0, 10) <= $as_of)
WITH a, c.field AS field, c.value AS value, c.currency AS currency, coalesce(c.negated, false) AS negated,
     count(DISTINCT s.key) AS sources, count(DISTINCT coalesce(s.reprint_group, s.key)) AS independent
RETURN a.key AS key,
       collect({field: field, value: value, currency: currency, negated: negated, sources: sources,
                independent: independent}) AS support
