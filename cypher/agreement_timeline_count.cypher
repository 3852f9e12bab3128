// How many claims an agreement's timeline holds.
// params: key, fields
// mode: read
MATCH (a:Agreement {key: $key})<-[:ABOUT]-(c:Claim)
WHERE $fields IS NULL OR c.field IN $fields
RETURN count(c) AS total
