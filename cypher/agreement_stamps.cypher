// Each agreement's stamp: the graph version of the last write or removal that changed its answer (null on an
// agreement no write has stamped yet). The overview cache keeps an agreement's overview while its stamp stands.
// params: keys
// mode: read
UNWIND $keys AS k
MATCH (a:Agreement {key: k})
RETURN a.key AS key, a.stamp AS stamp
