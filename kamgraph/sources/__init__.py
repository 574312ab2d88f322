"""Where the triples come from: Turtle files or a SPARQL store, each file its own named graph.

``files`` finds, reads and strictly parses Turtle; ``store`` publishes to and
reads from a SPARQL 1.1 store; both hand their files to
:func:`~kamgraph.sources.ontology.assemble`. ``triples`` indexes the
statements, ``locate`` finds where a statement is written (for findings), and
``sparql`` runs an author's queries. ``canonical`` names blank nodes by
content (stable exports, diffs by meaning); ``spreadsheet`` reads concepts from
a CSV or .xlsx sheet (``kamgraph import``) and owns the CSV escaping exports use.
"""

DEFAULT_TIMEOUT = 30.0  # seconds to wait for each answer of a SPARQL store (``--timeout``)
