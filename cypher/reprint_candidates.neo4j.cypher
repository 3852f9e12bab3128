// Sources that share a MinHash band with a text about to be written (dakg.reprints): their keys, reprint groups
// and signatures, to compare with it. Sources written before reprint groups existed have no band. At most
// $limit of them, the first found (no sort: a story reprinted many times must not make every copy read them all).
// Neo4j's text; reprint_candidates.falkordb.cypher is the same for FalkorDB (the same parameters and columns).
// The bands are found by their key's index, always: on a small graph's statistics Neo4j may otherwise plan a
// scan of every source and keep that plan as the graph grows.
// params: bands, key, limit
// mode: read
UNWIND $bands AS b
MATCH (n:MinHashBand {key: b})
USING INDEX SEEK n:MinHashBand(key)
WITH n
MATCH (n)<-[:IN_BAND]-(s:Source)
WHERE s.key <> $key
WITH DISTINCT s
LIMIT $limit
RETURN s.key AS key, coalesce(s.reprint_group, s.key) AS group, s.minhash AS minhash
