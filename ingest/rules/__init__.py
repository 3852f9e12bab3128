"""Extraction rules, in stages (import as ``dakg.ingest.rules``).

A parsed document goes through five stages, each a module of small named rules over frozen records:

1. ``mentions``  — sentences, country mentions, people (the only stage that reads spaCy's parse directly);
2. ``roles``     — what each country mention does in its sentence: deporting, host, party, nationality;
3. ``pairs``     — deporting → host pairs per sentence, with the document's other sentences as context;
4. values        — ``status``, ``caps``, ``payments``, ``dates``, ``officials``, ``groups``;
5. ``assemble``  — claims with their evidence spans, as a ``Fragment``.

Every rule is registered under a stage and a name (``registry``); every weight and threshold is in
``weights``. A claim carries the names of the rules that made it and the exact spans (``evidence``) that
state its value; a claim no span states is not made.
"""
