// How many officials match (optionally those some source says act for one country).
// params: country
// mode: read
MATCH (o:Official)
WHERE $country IS NULL OR (o)-[:ACTS_FOR]->(:Country {key: $country})
RETURN count(o) AS total
