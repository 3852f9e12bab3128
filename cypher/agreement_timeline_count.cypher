// How many claims an agreement's timeline holds.
// With as_of, only sources published by then (dakg.dates: a month or a year once it is over).
// params: key, fields, as_of
// mode: read
MATCH (a:Agreement {key: $key})<-[:ABOUT]-(c:Claim)<-[:CLAIMS]-(s:Source)
WHERE ($fields IS NULL OR c.field IN $fields)
  AND ($as_of IS NULL OR substring(s.published + '-99-99', 0, 10) <= $as_of)
RETURN count(c) AS total
