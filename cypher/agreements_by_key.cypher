// Names of the given agreements.
// params: keys
// mode: read
UNWIND $keys AS k
MATCH (a:Agreement {key: k})
RETURN a {.key, .name} AS agreement
