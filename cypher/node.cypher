// Which label a key belongs to, with a display name, or a claim's field and value (each branch uses its label's
// key index).
// params: key
// mode: read
MATCH (n:Source {key: $key}) RETURN 'Source' AS label, n.key AS key, n.title AS name, null AS field, null AS value
UNION ALL
MATCH (n:Country {key: $key}) RETURN 'Country' AS label, n.key AS key, n.name AS name, null AS field, null AS value
UNION ALL
MATCH (n:Official {key: $key}) RETURN 'Official' AS label, n.key AS key, n.name AS name, null AS field, null AS value
UNION ALL
MATCH (n:Agreement {key: $key}) RETURN 'Agreement' AS label, n.key AS key, n.name AS name, null AS field, null AS value
UNION ALL
MATCH (n:MigrantGroup {key: $key}) RETURN 'MigrantGroup' AS label, n.key AS key, n.description AS name, null AS field,
       null AS value
UNION ALL
MATCH (n:Claim {key: $key}) RETURN 'Claim' AS label, n.key AS key, null AS name, n.field AS field, n.value AS value
