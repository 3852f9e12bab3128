// Migrant groups an agreement covers, with the source that describes each.
// params: key
// mode: read
MATCH (a:Agreement {key: $key})-[r:COVERS]->(g:MigrantGroup)
MATCH (s:Source {key: g.source})
RETURN g {.key, .description, .nationalities, .size} AS group,
       s {.key, .title, .outlet, .url, .published, .superseded_by, .reprint_group} AS source
ORDER BY coalesce(source.published, '') DESC, group.key
