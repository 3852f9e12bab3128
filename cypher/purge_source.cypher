// Remove one source and everything only it backs, in a single statement: its claims, migrant groups and
// mentions, its share of fact edges (an edge left with no backing source is deleted), and agreements or
// officials no remaining claim is about, MinHash bands no other source has. Countries stay. Used before
// re-writing a source whose extractor changed ($relink false: the versions it supersedes keep pointing to its
// key, which the rewrite keeps), and by `dakg remove` ($relink true: the version it superseded takes its place,
// current again if it was current).
// params: key, relink
// mode: write
// The graph's version first, as in write_document.cypher (the lock every write takes before any other). Every
// agreement whose answer this removal changes is stamped with it: those this source reports on and, with $relink,
// those the version it superseded reports on (it becomes current again).
MERGE (v:Graph {key: 'graph'})
SET v.version = coalesce(v.version, 0) + 1
WITH v
MATCH (s:Source {key: $key})
WITH s, v
OPTIONAL MATCH (s)-->(reported:Agreement)
WITH s, v, collect(reported) AS reported
OPTIONAL MATCH (earlier:Source {superseded_by: $key})-->(regained:Agreement)
WHERE $relink
WITH s, v, reported, collect(DISTINCT regained) AS regained
FOREACH (a IN reported + regained | SET a.stamp = v.version)
WITH s
OPTIONAL MATCH (s)-[:CLAIMS]->(c:Claim)
WITH s, collect(c) AS claims
OPTIONAL MATCH (s)-[:CLAIMS]->(:Claim)-[:ABOUT]->(e)
WITH s, claims, [c IN claims | c.key] AS claim_keys, collect(DISTINCT e) AS touched
UNWIND (CASE WHEN size(touched) = 0 THEN [null] ELSE touched END) AS e
OPTIONAL MATCH (e)-[r]-()
WHERE $key IN coalesce(r.sources, [])
WITH s, claims, claim_keys, touched, collect(DISTINCT r) AS edges
FOREACH (r IN edges |
  SET r.sources = [x IN r.sources WHERE x <> $key], r.claims = [x IN r.claims WHERE NOT x IN claim_keys])
FOREACH (r IN [x IN edges WHERE size(x.sources) = 0] | DELETE r)
FOREACH (c IN claims | DETACH DELETE c)
// Deletions may only take effect at the end of the statement: count the surviving claims by key.
WITH s, touched, claim_keys
UNWIND (CASE WHEN size(touched) = 0 THEN [null] ELSE touched END) AS x
OPTIONAL MATCH (x)<-[:ABOUT]-(k:Claim)
WHERE NOT k.key IN claim_keys
WITH s, x, count(k) AS remaining
WITH s, collect(CASE WHEN remaining = 0 AND (x:Agreement OR x:Official) THEN x END) AS orphans
FOREACH (x IN orphans | DETACH DELETE x)
WITH s, size(orphans) AS orphaned
OPTIONAL MATCH (g:MigrantGroup {source: $key})
WITH s, orphaned, collect(g) AS groups
FOREACH (g IN groups | DETACH DELETE g)
WITH s, orphaned, groups
OPTIONAL MATCH (o:Source {superseded_by: $key})
WHERE $relink
WITH s, orphaned, groups, collect(o) AS older
FOREACH (o IN older | SET o.superseded_by = s.superseded_by)
// MinHash bands no other source has.
WITH s, orphaned, groups
OPTIONAL MATCH (s)-[:IN_BAND]->(b:MinHashBand)
OPTIONAL MATCH (b)<-[:IN_BAND]-(other:Source)
WHERE other.key <> $key
WITH s, orphaned, groups, b, count(other) AS others
WITH s, orphaned, groups, collect(CASE WHEN others = 0 THEN b END) AS lonely
FOREACH (b IN lonely | DETACH DELETE b)
DETACH DELETE s
RETURN orphaned, size(groups) AS groups
