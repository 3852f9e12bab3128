// The nodes next to the given ones, with the edges between (each branch uses its label's key index).
// params: keys, limit
// mode: read
UNWIND $keys AS k
MATCH (n:Source {key: k})-[r]-(m)
RETURN 'Source' AS from_label, n.key AS from_key, type(r) AS type, startNode(r) = n AS outgoing, labels(m)[0] AS label, m.key AS key,
       coalesce(m.name, m.title, m.description, m.field + ': ' + toString(m.value)) AS name
LIMIT $limit
UNION ALL
UNWIND $keys AS k
MATCH (n:Country {key: k})-[r]-(m)
RETURN 'Country' AS from_label, n.key AS from_key, type(r) AS type, startNode(r) = n AS outgoing, labels(m)[0] AS label, m.key AS key,
       coalesce(m.name, m.title, m.description, m.field + ': ' + toString(m.value)) AS name
LIMIT $limit
UNION ALL
UNWIND $keys AS k
MATCH (n:Official {key: k})-[r]-(m)
RETURN 'Official' AS from_label, n.key AS from_key, type(r) AS type, startNode(r) = n AS outgoing, labels(m)[0] AS label, m.key AS key,
       coalesce(m.name, m.title, m.description, m.field + ': ' + toString(m.value)) AS name
LIMIT $limit
UNION ALL
UNWIND $keys AS k
MATCH (n:Agreement {key: k})-[r]-(m)
RETURN 'Agreement' AS from_label, n.key AS from_key, type(r) AS type, startNode(r) = n AS outgoing, labels(m)[0] AS label, m.key AS key,
       coalesce(m.name, m.title, m.description, m.field + ': ' + toString(m.value)) AS name
LIMIT $limit
UNION ALL
UNWIND $keys AS k
MATCH (n:MigrantGroup {key: k})-[r]-(m)
RETURN 'MigrantGroup' AS from_label, n.key AS from_key, type(r) AS type, startNode(r) = n AS outgoing, labels(m)[0] AS label, m.key AS key,
       coalesce(m.name, m.title, m.description, m.field + ': ' + toString(m.value)) AS name
LIMIT $limit
UNION ALL
UNWIND $keys AS k
MATCH (n:Claim {key: k})-[r]-(m)
RETURN 'Claim' AS from_label, n.key AS from_key, type(r) AS type, startNode(r) = n AS outgoing, labels(m)[0] AS label, m.key AS key,
       coalesce(m.name, m.title, m.description, m.field + ': ' + toString(m.value)) AS name
LIMIT $limit
