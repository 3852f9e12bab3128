// One source (found by words of its title) and everything it claims: what each claim is about, its value and
// the exact quote. (Neo4j Browser guide.)
// params: title
// mode: read
MATCH (s:Source)-[:CLAIMS]->(c:Claim)-[:ABOUT]->(e)
WHERE toLower(s.title) CONTAINS toLower($title)
RETURN s.title AS source, s.outlet AS outlet, s.published AS published, labels(e)[0] AS about,
       coalesce(e.name, e.description, e.key) AS about_name, c.field AS field, c.value AS value,
       c.negated AS negated, c.quote AS quote
ORDER BY source, c.start, field
