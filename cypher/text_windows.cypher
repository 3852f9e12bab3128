// Pieces of sources' texts: for each item, the text of source `source` from `start`, `length` characters long
// (the prefix and suffix of a quoted span, for a Web Annotation's TextQuoteSelector).
// items: [{source: source key, start: offset, length: characters}, ...]
// params: items
// mode: read
UNWIND range(0, size($items) - 1) AS i
WITH i, $items[i] AS x
MATCH (s:Source {key: x.source})
RETURN i, substring(s.text, x.start, x.length) AS text
ORDER BY i
