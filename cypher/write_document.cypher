// Write one document's fragment in a single statement, so that it lands whole or not at all.
// Idempotent: every node and edge is MERGEd by key, and lists on fact edges only gain what they lack.
// params: source, countries, country_refs, officials, agreements, groups, reports, agreement_claims, official_claims, group_claims, deporting_edges, host_edges, acts_for_edges, involved_edges, covers_edges, nationality_edges
// mode: write
MERGE (s:Source {key: $source.key})
SET s.title = $source.title, s.url = $source.url, s.outlet = $source.outlet, s.published = $source.published,
    s.path = $source.path, s.text = $source.text, s.words = $source.words,
    s.extractor_version = $source.extractor_version, s.ingested_at = $source.ingested_at
FOREACH (c IN $country_refs |
  MERGE (n:Country {key: c.key})
  ON CREATE SET n.name = c.name)
FOREACH (c IN $countries |
  MERGE (n:Country {key: c.key})
  ON CREATE SET n.name = c.name
  MERGE (s)-[m:MENTIONS]->(n)
  SET m.offsets = c.offsets, m.count = c.count)
FOREACH (o IN $officials |
  MERGE (n:Official {key: o.key})
  ON CREATE SET n.name = o.name
  SET n.aliases = coalesce(n.aliases, []) + [x IN o.aliases WHERE NOT x IN coalesce(n.aliases, [])])
FOREACH (a IN $agreements |
  MERGE (n:Agreement {key: a.key})
  ON CREATE SET n.name = a.name, n.deporting = a.deporting, n.host = a.host)
FOREACH (g IN $groups |
  MERGE (n:MigrantGroup {key: g.key})
  SET n.description = g.description, n.nationalities = g.nationalities, n.size = g.size, n.source = g.source)
FOREACH (x IN $reports |
  MERGE (a:Agreement {key: x.agreement})
  MERGE (s)-[r:REPORTS]->(a)
  SET r.claims = x.claims, r.sources = [$source.key], r.status = x.status, r.status_confidence = x.status_confidence,
      r.denied = x.denied, r.caps = x.caps, r.cap_details = x.cap_details, r.payment_amounts = x.payment_amounts,
      r.payment_currencies = x.payment_currencies, r.payment_kinds = x.payment_kinds, r.count = x.count)
FOREACH (c IN $agreement_claims |
  MERGE (e:Agreement {key: c.subject})
  MERGE (k:Claim {key: c.key})
  SET k.field = c.field, k.value = c.value, k.currency = c.currency, k.negated = c.negated, k.detail = c.detail,
      k.quote = c.quote, k.start = c.start, k.end = c.end, k.confidence = c.confidence,
      k.extractor_version = c.extractor_version, k.source = c.source, k.subject = c.subject
  MERGE (s)-[:CLAIMS]->(k)
  MERGE (k)-[:ABOUT]->(e))
FOREACH (c IN $official_claims |
  MERGE (e:Official {key: c.subject})
  MERGE (k:Claim {key: c.key})
  SET k.field = c.field, k.value = c.value, k.currency = c.currency, k.negated = c.negated, k.detail = c.detail,
      k.quote = c.quote, k.start = c.start, k.end = c.end, k.confidence = c.confidence,
      k.extractor_version = c.extractor_version, k.source = c.source, k.subject = c.subject
  MERGE (s)-[:CLAIMS]->(k)
  MERGE (k)-[:ABOUT]->(e))
FOREACH (c IN $group_claims |
  MERGE (e:MigrantGroup {key: c.subject})
  MERGE (k:Claim {key: c.key})
  SET k.field = c.field, k.value = c.value, k.currency = c.currency, k.negated = c.negated, k.detail = c.detail,
      k.quote = c.quote, k.start = c.start, k.end = c.end, k.confidence = c.confidence,
      k.extractor_version = c.extractor_version, k.source = c.source, k.subject = c.subject
  MERGE (s)-[:CLAIMS]->(k)
  MERGE (k)-[:ABOUT]->(e))
FOREACH (x IN $deporting_edges |
  MERGE (a:Agreement {key: x.from})
  MERGE (b:Country {key: x.to})
  MERGE (a)-[r:DEPORTING_PARTY]->(b)
  SET r.claims = coalesce(r.claims, []) + [k IN x.claims WHERE NOT k IN coalesce(r.claims, [])],
      r.sources = coalesce(r.sources, []) + [k IN [$source.key] WHERE NOT k IN coalesce(r.sources, [])])
FOREACH (x IN $host_edges |
  MERGE (a:Agreement {key: x.from})
  MERGE (b:Country {key: x.to})
  MERGE (a)-[r:HOST_PARTY]->(b)
  SET r.claims = coalesce(r.claims, []) + [k IN x.claims WHERE NOT k IN coalesce(r.claims, [])],
      r.sources = coalesce(r.sources, []) + [k IN [$source.key] WHERE NOT k IN coalesce(r.sources, [])])
FOREACH (x IN $acts_for_edges |
  MERGE (a:Official {key: x.from})
  MERGE (b:Country {key: x.to})
  MERGE (a)-[r:ACTS_FOR]->(b)
  SET r.claims = coalesce(r.claims, []) + [k IN x.claims WHERE NOT k IN coalesce(r.claims, [])],
      r.sources = coalesce(r.sources, []) + [k IN [$source.key] WHERE NOT k IN coalesce(r.sources, [])])
FOREACH (x IN $involved_edges |
  MERGE (a:Official {key: x.from})
  MERGE (b:Agreement {key: x.to})
  MERGE (a)-[r:INVOLVED_IN]->(b)
  SET r.claims = coalesce(r.claims, []) + [k IN x.claims WHERE NOT k IN coalesce(r.claims, [])],
      r.sources = coalesce(r.sources, []) + [k IN [$source.key] WHERE NOT k IN coalesce(r.sources, [])])
FOREACH (x IN $covers_edges |
  MERGE (a:Agreement {key: x.from})
  MERGE (b:MigrantGroup {key: x.to})
  MERGE (a)-[r:COVERS]->(b)
  SET r.claims = coalesce(r.claims, []) + [k IN x.claims WHERE NOT k IN coalesce(r.claims, [])],
      r.sources = coalesce(r.sources, []) + [k IN [$source.key] WHERE NOT k IN coalesce(r.sources, [])])
FOREACH (x IN $nationality_edges |
  MERGE (a:MigrantGroup {key: x.from})
  MERGE (b:Country {key: x.to})
  MERGE (a)-[r:NATIONALITY]->(b)
  SET r.claims = coalesce(r.claims, []) + [k IN x.claims WHERE NOT k IN coalesce(r.claims, [])],
      r.sources = coalesce(r.sources, []) + [k IN [$source.key] WHERE NOT k IN coalesce(r.sources, [])])
MERGE (v:Graph {key: 'graph'})
SET v.version = coalesce(v.version, 0) + 1, v.updated = $source.ingested_at
RETURN s.key AS key
