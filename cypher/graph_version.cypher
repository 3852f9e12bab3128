// The graph's version: every document write and removal increments it (null on a graph never written).
// params:
// mode: read
OPTIONAL MATCH (v:Graph {key: 'graph'})
RETURN v.version AS version
