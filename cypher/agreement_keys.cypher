// Every agreement key, in order (the dispute check walks them page by page).
// params: skip, limit
// mode: read
MATCH (a:Agreement)
RETURN a.key AS key
ORDER BY key
SKIP $skip
LIMIT $limit
