"""The answers layer (import as ``dakg.answers``): every answer dakg gives, built from the store's named queries.

The API (``dakg.api``), the command line (``dakg.cli``), the reading pages and the benchmarks call these
functions; none of them holds answer logic of its own. Each module answers one kind of question:

- ``agreements``: the agreement list (the headline question), one agreement in full, its timeline;
- ``overview``: the overview engine behind them (totals, current status, disputes, support), cached per graph
  version; ``dispute_rules``: when sources disagree (``dakg.status`` is the status rule);
- ``disputes``: every disputed agreement, each side with its sources (cached);
- ``sources``, ``countries``, ``officials``: the other resources; ``names``: what a claim's value names;
- ``explore``: full-text search and a node's neighbourhood;
- ``exports``: CSV, GraphML and JSON-LD, one module per format;
- ``intake``: a document posted over HTTP, through the ingest pipeline into the store;
- ``models``: the answers' models (the API's response models), with ``examples`` from the demo corpus;
  ``paging``: reading a batch or a page at a time under DAKG_MAX_ROWS.
"""
