// Which label a key belongs to, with a display name (each branch uses its label's key index).
// params: key
// mode: read
MATCH (n:Source {key: $key}) RETURN 'Source' AS label, n.key AS key, n.title AS name
UNION ALL
MATCH (n:Country {key: $key}) RETURN 'Country' AS label, n.key AS key, n.name AS name
UNION ALL
MATCH (n:Official {key: $key}) RETURN 'Official' AS label, n.key AS key, n.name AS name
UNION ALL
MATCH (n:Agreement {key: $key}) RETURN 'Agreement' AS label, n.key AS key, n.name AS name
UNION ALL
MATCH (n:MigrantGroup {key: $key}) RETURN 'MigrantGroup' AS label, n.key AS key, n.description AS name
UNION ALL
MATCH (n:Claim {key: $key}) RETURN 'Claim' AS label, n.key AS key, n.field + ': ' + toString(n.value) AS name
