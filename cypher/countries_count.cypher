// How many countries the graph has (every one a document named or an agreement involves).
// params:
// mode: read
MATCH (c:Country)
RETURN count(c) AS total
