// The nodes next to the given ones, with the edges between (each branch uses its label's key index). Each branch
// is ordered before its LIMIT, so which neighbours a cut keeps is the same on every store and every run. A claim
// has no name: its field and value come back for the caller to show (number formats differ between stores).
// params: keys, limit
// mode: read
UNWIND $keys AS k
MATCH (n:Source {key: k})-[r]-(m)
WHERE type(r) <> 'IN_BAND'  // MinHash bands are bookkeeping (dakg.reprints), not a neighbour
RETURN 'Source' AS from_label, n.key AS from_key, type(r) AS type, startNode(r) = n AS outgoing, labels(m)[0] AS label, m.key AS key,
       coalesce(m.name, m.title, m.description) AS name, m.field AS field, m.value AS value
ORDER BY from_key, type, key, outgoing
LIMIT $limit
UNION ALL
UNWIND $keys AS k
MATCH (n:Country {key: k})-[r]-(m)
RETURN 'Country' AS from_label, n.key AS from_key, type(r) AS type, startNode(r) = n AS outgoing, labels(m)[0] AS label, m.key AS key,
       coalesce(m.name, m.title, m.description) AS name, m.field AS field, m.value AS value
ORDER BY from_key, type, key, outgoing
LIMIT $limit
UNION ALL
UNWIND $keys AS k
MATCH (n:Official {key: k})-[r]-(m)
RETURN 'Official' AS from_label, n.key AS from_key, type(r) AS type, startNode(r) = n AS outgoing, labels(m)[0] AS label, m.key AS key,
       coalesce(m.name, m.title, m.description) AS name, m.field AS field, m.value AS value
ORDER BY from_key, type, key, outgoing
LIMIT $limit
UNION ALL
UNWIND $keys AS k
MATCH (n:Agreement {key: k})-[r]-(m)
RETURN 'Agreement' AS from_label, n.key AS from_key, type(r) AS type, startNode(r) = n AS outgoing, labels(m)[0] AS label, m.key AS key,
       coalesce(m.name, m.title, m.description) AS name, m.field AS field, m.value AS value
ORDER BY from_key, type, key, outgoing
LIMIT $limit
UNION ALL
UNWIND $keys AS k
MATCH (n:MigrantGroup {key: k})-[r]-(m)
RETURN 'MigrantGroup' AS from_label, n.key AS from_key, type(r) AS type, startNode(r) = n AS outgoing, labels(m)[0] AS label, m.key AS key,
       coalesce(m.name, m.title, m.description) AS name, m.field AS field, m.value AS value
ORDER BY from_key, type, key, outgoing
LIMIT $limit
UNION ALL
UNWIND $keys AS k
MATCH (n:Claim {key: k})-[r]-(m)
RETURN 'Claim' AS from_label, n.key AS from_key, type(r) AS type, startNode(r) = n AS outgoing, labels(m)[0] AS label, m.key AS key,
       coalesce(m.name, m.title, m.description) AS name, m.field AS field, m.value AS value
ORDER BY from_key, type, key, outgoing
LIMIT $limit
