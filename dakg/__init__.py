"""dakg: a knowledge graph of third-country deportation agreements with claim-level provenance.

The import package ``dakg`` is the one name this project puts on ``sys.path``. The top-level folders of the
repository are its subpackages through setuptools' ``package-dir`` mapping (``pyproject.toml``): ``api/`` is
``dakg.api``, ``answers/`` is ``dakg.answers``, ``ingest/`` is ``dakg.ingest``, ``schema/`` is ``dakg.schema``,
``store/`` is ``dakg.store``, and ``cypher/`` (query files) and ``corpus/`` (the demo corpus) are
``dakg.cypher`` and ``dakg.corpus``.
"""

__version__ = "0.1.0"
