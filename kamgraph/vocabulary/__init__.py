"""What the ontology declares: concepts, categories, relation types, and how their labels are picked.

The one place that decides what becomes a node of the map. Checks and the
concept graph both read the :class:`Vocabulary`, made once per build by
:func:`read_vocabulary`.
"""

from kamgraph.vocabulary.labels import (
    PREFERRED_LANGUAGES,
    all_by_language,
    by_language,
    language_of,
    language_of_tag,
    pick_label,
)
from kamgraph.vocabulary.read import (
    DEFAULT_CATEGORY,
    MAX_CATEGORIES,
    PLAIN_COLOUR,
    RELATION_ROOTS,
    Category,
    RelationType,
    Vocabulary,
    first_int,
    first_text,
    plain_colour,
    read_vocabulary,
)

__all__ = ["DEFAULT_CATEGORY", "MAX_CATEGORIES", "PLAIN_COLOUR", "PREFERRED_LANGUAGES", "RELATION_ROOTS", "Category",
           "RelationType", "Vocabulary", "all_by_language", "by_language", "first_int",
           "language_of", "language_of_tag", "first_text", "pick_label",
           "plain_colour", "read_vocabulary"]
