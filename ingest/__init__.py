"""Reading, cleaning, extraction and loading of documents (import as ``dakg.ingest``)."""
