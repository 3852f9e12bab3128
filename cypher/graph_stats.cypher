// How many nodes of each label the graph holds.
// params:
// mode: read
MATCH (n)
WITH labels(n)[0] AS label, count(*) AS nodes
RETURN label, nodes
ORDER BY label
