"""dakg: a knowledge graph of third-country deportation agreements with claim-level provenance.

The import package ``dakg`` is the one name this project puts on ``sys.path``. The top-level folders of the
repository are its subpackages: ``api/`` is ``dakg.api``, ``ingest/`` is ``dakg.ingest``, ``schema/`` is
``dakg.schema``, ``store/`` is ``dakg.store`` and ``cypher/`` (query files) is ``dakg.cypher``.
"""

__version__ = "0.1.0"
