// One official: the roles and states sources give them, and the agreements they are named in, with sources.
// params: key
// mode: read
MATCH (o:Official {key: $key})
OPTIONAL MATCH (o)-[:ACTS_FOR]->(c:Country)
WITH o, collect(c.key) AS countries
OPTIONAL MATCH (o)<-[:ABOUT]-(k:Claim)<-[:CLAIMS]-(s:Source)
WITH o, countries, collect(CASE WHEN k IS NULL THEN NULL ELSE {claim: k {.key, .field, .value, .quote, .start, .end, .confidence, .evidence_offsets, .evidence_texts,
       .evidence_roles, .rules, .basis}, source: s {.key, .title, .outlet, .url, .published, .superseded_by}} END) AS about
OPTIONAL MATCH (o)-[r:INVOLVED_IN]->(a:Agreement)
WITH o, countries, about, collect(CASE WHEN a IS NULL THEN NULL ELSE {agreement: a.key, name: a.name, sources: r.sources} END) AS agreements
RETURN o {.key, .name, .aliases} AS official, countries, about, agreements
