// How many agreements match the filters (for pagination). A null filter matches everything.
// status: at least one source makes a non-negated claim of that status.
// params: host, deporting, status
// mode: read
MATCH (a:Agreement)
WHERE ($host IS NULL OR a.host = $host)
  AND ($deporting IS NULL OR a.deporting = $deporting)
  AND ($status IS NULL OR (a)<-[:ABOUT]-(:Claim {field: 'status', value: $status, negated: false}))
RETURN count(a) AS total
