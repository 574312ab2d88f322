"""What changed between two versions of an ontology, by meaning, not by text.

``revisions`` loads a version: Turtle files or folders as they are, or the
ontology folder as a git revision has it (``HEAD~1``, a tag). ``compare``
reads both into concept graphs and sets of statements (blank nodes named by
content, :mod:`kamgraph.sources.canonical`), so reordering or reformatting a
file changes nothing, and lists concepts, relations, categories and relation
types added, removed and changed. ``report`` writes the result as text, JSON
(the schema is in its docstring) or Markdown.
"""

from kamgraph.changes.compare import Changes, ConceptChange, FieldChange, RelationChange, compare
from kamgraph.changes.revisions import load_version

__all__ = ["Changes", "ConceptChange", "FieldChange", "RelationChange", "compare", "load_version"]
