// How many sources another extractor version than the current one wrote.
// params: version
// mode: read
MATCH (s:Source)
WHERE s.extractor_version <> $version
RETURN count(s) AS total
