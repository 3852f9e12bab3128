// The given migrant groups: the source's description, how many they are and their nationalities.
// params: keys
// mode: read
UNWIND $keys AS k
MATCH (g:MigrantGroup {key: k})
RETURN g {.key, .description, .size, .nationalities} AS group
