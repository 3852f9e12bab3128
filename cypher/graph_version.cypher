// A cheap fingerprint of the graph's content: it changes whenever a source is written or removed.
// params:
// mode: read
MATCH (s:Source)
RETURN count(s) AS sources, max(s.ingested_at) AS latest
