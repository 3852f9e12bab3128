// Keys of the agreements an export covers (host and deporting filters; null matches every agreement), by key.
// params: host, deporting, skip, limit
// mode: read
MATCH (a:Agreement)
WHERE ($host IS NULL OR a.host = $host)
  AND ($deporting IS NULL OR a.deporting = $deporting)
RETURN a.key AS key
ORDER BY key
SKIP $skip
LIMIT $limit
