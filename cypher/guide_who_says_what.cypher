// Who says what about one agreement: every claim any source makes about it, with the source and the exact quote.
// (Neo4j Browser guide, slide 1.)
// params: agreement
// mode: read
MATCH (s:Source)-[:CLAIMS]->(c:Claim)-[:ABOUT]->(a:Agreement {key: $agreement})
RETURN s.title AS source, s.outlet AS outlet, s.published AS published, c.field AS field, c.value AS value,
       c.negated AS negated, c.quote AS quote
ORDER BY published, source, c.start, field
