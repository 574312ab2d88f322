"""Views of the concept graph: the HTML map (and, later, glossary and exports)."""
