// Names of the given countries (the state an official acts for, a migrant group's nationality).
// params: keys
// mode: read
UNWIND $keys AS k
MATCH (c:Country {key: k})
RETURN c {.key, .name} AS country
