// Sources that share a MinHash band with a text about to be written (dakg.reprints): their keys, reprint groups
// and signatures, to compare with it. Sources written before reprint groups existed have no band. At most
// $limit of them, the first found (no sort: a story reprinted many times must not make every copy read them all).
// params: bands, key, limit
// mode: read
UNWIND $bands AS b
MATCH (:MinHashBand {key: b})<-[:IN_BAND]-(s:Source)
WHERE s.key <> $key
WITH DISTINCT s
LIMIT $limit
RETURN s.key AS key, coalesce(s.reprint_group, s.key) AS group, s.minhash AS minhash
