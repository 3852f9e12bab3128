// How many sources match the filters.
// params: outlet, published_from, published_to
// mode: read
MATCH (s:Source)
WHERE ($outlet IS NULL OR s.outlet = $outlet)
  AND ($published_from IS NULL OR s.published >= $published_from)
  AND ($published_to IS NULL OR s.published <= $published_to)
RETURN count(s) AS total
