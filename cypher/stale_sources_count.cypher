// How many sources an extractor version other than the current ones (one per language's pipeline) wrote.
// params: versions
// mode: read
MATCH (s:Source)
WHERE NOT s.extractor_version IN $versions
RETURN count(s) AS total
