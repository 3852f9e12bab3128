// Write one document's fragment in a single statement, so that it lands whole or not at all: the source with its
// MinHash bands and reprint group (dakg.reprints), its claims, entities and fact edges.
// Idempotent: every node and edge is MERGEd by key, and lists on fact edges only gain what they lack.
// Each block is stated once. Labels and relationship types cannot be parameters, so what names one is a line
// per label or type (an entity's MERGE and the ABOUT edges of its claims; a fact edge's MERGE); the claims and
// the backing lists of every fact edge are written by one block each.
// The graph's version goes first: every write and removal takes the (:Graph) node's lock before any other, so two
// writes never hold each other's agreements (Neo4j locks what a statement creates edges on or sets) in turn.
// params: source, countries, officials, agreements, groups, reports, claims, edges
// mode: write
MERGE (v:Graph {key: 'graph'})
SET v.version = coalesce(v.version, 0) + 1, v.updated = $source.ingested_at
WITH v
MERGE (s:Source {key: $source.key})
SET s.title = $source.title, s.url = $source.url, s.outlet = $source.outlet, s.published = $source.published,
    s.language = $source.language,
    s.path = $source.path, s.document = $source.document, s.superseded_by = $source.superseded_by,
    s.text = $source.text, s.words = $source.words,
    s.extractor_version = $source.extractor_version, s.ingested_at = $source.ingested_at,
    s.minhash = $source.minhash, s.reprint_group = $source.reprint_group, s.reprint_of = $source.reprint_of
FOREACH (b IN $source.bands | MERGE (n:MinHashBand {key: b}) MERGE (s)-[:IN_BAND]->(n))
FOREACH (c IN $countries |
  MERGE (n:Country {key: c.key})
  ON CREATE SET n.name = c.name
  FOREACH (mentioned IN CASE WHEN c.count > 0 THEN [c] ELSE [] END |
    MERGE (s)-[m:MENTIONS]->(n)
    SET m.offsets = mentioned.offsets, m.count = mentioned.count))
FOREACH (c IN $claims |
  MERGE (k:Claim {key: c.key})
  SET k.field = c.field, k.value = c.value, k.currency = c.currency, k.negated = c.negated, k.detail = c.detail,
      k.quote = c.quote, k.start = c.start, k.end = c.end, k.confidence = c.confidence,
      k.evidence_offsets = c.evidence_offsets, k.evidence_texts = c.evidence_texts,
      k.evidence_roles = c.evidence_roles, k.rules = c.rules, k.basis = c.basis,
      k.extractor_version = c.extractor_version, k.source = c.source, k.subject = c.subject
  MERGE (s)-[:CLAIMS]->(k))
FOREACH (a IN $agreements |
  MERGE (n:Agreement {key: a.key})
  ON CREATE SET n.name = a.name, n.deporting = a.deporting, n.host = a.host
  FOREACH (claim IN a.claims | MERGE (k:Claim {key: claim}) MERGE (k)-[:ABOUT]->(n)))
FOREACH (o IN $officials |
  MERGE (n:Official {key: o.key})
  ON CREATE SET n.name = o.name
  SET n.aliases = coalesce(n.aliases, []) + [x IN o.aliases WHERE NOT x IN coalesce(n.aliases, [])]
  FOREACH (claim IN o.claims | MERGE (k:Claim {key: claim}) MERGE (k)-[:ABOUT]->(n)))
FOREACH (g IN $groups |
  MERGE (n:MigrantGroup {key: g.key})
  SET n.description = g.description, n.nationalities = g.nationalities, n.size = g.size, n.source = g.source
  FOREACH (claim IN g.claims | MERGE (k:Claim {key: claim}) MERGE (k)-[:ABOUT]->(n)))
// Every agreement whose answer this write changes is stamped with the graph's new version (the overview cache,
// dakg.answers.overview, keeps an agreement's overview while its stamp stands): those this source reports on (here),
// those the version it supersedes reported on, and those the sources it regroups report on (below).
FOREACH (x IN $reports |
  MERGE (a:Agreement {key: x.agreement})
  SET a.stamp = v.version
  MERGE (s)-[r:REPORTS]->(a)
  SET r.claims = x.claims, r.sources = [$source.key], r.status = x.status, r.status_confidence = x.status_confidence,
      r.confidence = x.confidence,
      r.denied = x.denied, r.caps = x.caps, r.cap_details = x.cap_details, r.payment_amounts = x.payment_amounts,
      r.payment_currencies = x.payment_currencies, r.payment_kinds = x.payment_kinds, r.count = x.count)
FOREACH (x IN [e IN $edges WHERE e.type = 'DEPORTING_PARTY'] |
  MERGE (a:Agreement {key: x.from}) MERGE (b:Country {key: x.to}) MERGE (a)-[:DEPORTING_PARTY]->(b))
FOREACH (x IN [e IN $edges WHERE e.type = 'HOST_PARTY'] |
  MERGE (a:Agreement {key: x.from}) MERGE (b:Country {key: x.to}) MERGE (a)-[:HOST_PARTY]->(b))
FOREACH (x IN [e IN $edges WHERE e.type = 'ACTS_FOR'] |
  MERGE (a:Official {key: x.from}) MERGE (b:Country {key: x.to}) MERGE (a)-[:ACTS_FOR]->(b))
FOREACH (x IN [e IN $edges WHERE e.type = 'INVOLVED_IN'] |
  MERGE (a:Official {key: x.from}) MERGE (b:Agreement {key: x.to}) MERGE (a)-[:INVOLVED_IN]->(b))
FOREACH (x IN [e IN $edges WHERE e.type = 'COVERS'] |
  MERGE (a:Agreement {key: x.from}) MERGE (b:MigrantGroup {key: x.to}) MERGE (a)-[:COVERS]->(b))
FOREACH (x IN [e IN $edges WHERE e.type = 'NATIONALITY'] |
  MERGE (a:MigrantGroup {key: x.from}) MERGE (b:Country {key: x.to}) MERGE (a)-[:NATIONALITY]->(b))
// A new text of a document already in the graph (the same URL, else the same file) is its new version: the
// current version so far is kept and marked superseded by this one (one current version per document).
WITH s, v
OPTIONAL MATCH (old:Source {document: $source.document})
WHERE $source.superseded_by IS NULL AND old.key <> s.key AND old.superseded_by IS NULL
WITH s, v, collect(old) AS older
FOREACH (o IN older | SET o.superseded_by = s.key)
// A source that is a near duplicate of sources in two reprint groups joins them into one (dakg.reprints).
WITH s, v, older
OPTIONAL MATCH (o:Source)
WHERE o.reprint_group IN $source.merged_groups
WITH s, v, older, collect(o) AS regrouped
FOREACH (o IN regrouped | SET o.reprint_group = $source.reprint_group)
WITH s, v, older + regrouped AS changed
UNWIND (CASE WHEN size(changed) = 0 THEN [null] ELSE changed END) AS o
OPTIONAL MATCH (o)-->(a:Agreement)
WITH s, v, collect(DISTINCT a) AS restamped
FOREACH (a IN restamped | SET a.stamp = v.version)
// Every fact edge gains its backing claims and this source: one block for all six types. An edge is found between
// its two ends: its start, an entity one of this source's claims is about, and its end, looked up by label and key
// (x.end names the label), so the write never walks all the edges of an agreement that many sources report on.
// (Untyped patterns with type() filters: FalkorDB 4.16 does not find, by type, relationships whose type the same
// statement created first.)
WITH s
MATCH (s)-[claims]->()-[about]->(a)
WHERE type(claims) = 'CLAIMS' AND type(about) = 'ABOUT'
WITH DISTINCT s, a
UNWIND [x IN $edges WHERE x.from = a.key] AS x
OPTIONAL MATCH (country:Country {key: x.to})
WHERE x.end = 'Country'
OPTIONAL MATCH (agreement:Agreement {key: x.to})
WHERE x.end = 'Agreement'
OPTIONAL MATCH (group:MigrantGroup {key: x.to})
WHERE x.end = 'MigrantGroup'
WITH s, a, x, coalesce(country, agreement, group) AS b
MATCH (a)-[r]->(b)
WHERE type(r) = x.type
SET r.claims = coalesce(r.claims, []) + [k IN x.claims WHERE NOT k IN coalesce(r.claims, [])],
    r.sources = coalesce(r.sources, []) + [k IN [s.key] WHERE NOT k IN coalesce(r.sources, [])]
RETURN count(r) AS edges
