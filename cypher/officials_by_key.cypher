// Names of the given officials.
// params: keys
// mode: read
UNWIND $keys AS k
MATCH (o:Official {key: k})
RETURN o {.key, .name} AS official
