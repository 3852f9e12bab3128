// Sources that share a MinHash band with a text about to be written (dakg.reprints): their keys, reprint groups
// and signatures, to compare with it. Sources written before reprint groups existed have no band. At most
// $limit of them, the first found (no sort: a story reprinted many times must not make every copy read them all).
// FalkorDB's text; reprint_candidates.neo4j.cypher is the same for Neo4j (the same parameters and columns).
// The bands are found first, by their key's index, and the sources through them: written as one pattern
// (band to source), FalkorDB plans a scan of every source and its bands, which reads 32 × 2,000 × 32 rows
// for a text with fewer near duplicates than $limit among 2,000 sources.
// params: bands, key, limit
// mode: read
UNWIND $bands AS b
MATCH (n:MinHashBand {key: b})
WITH n
MATCH (n)<-[:IN_BAND]-(s:Source)
WHERE s.key <> $key
WITH DISTINCT s
LIMIT $limit
RETURN s.key AS key, coalesce(s.reprint_group, s.key) AS group, s.minhash AS minhash
