// How many officials match (optionally those said to act for one country).
// params: country
// mode: read
MATCH (o:Official)
WHERE $country IS NULL OR o.country = $country
RETURN count(o) AS total
