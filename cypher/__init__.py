"""Named queries, one ``.cypher`` file each, shipped as package data (see ``dakg.store.queries``)."""
