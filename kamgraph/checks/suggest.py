"""Did-you-mean: the declared term closest to a mistyped one, by local name or by label.

An author who types ``kamo:Activty`` or ``kam:Section_S31`` meant something the
ontology declares; the closest local name (or label, in any language) names it.
The standard library's ``difflib`` ratio is enough at this size.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from rdflib import Literal, URIRef

from kamgraph.names import local_name
from kamgraph.namespaces import RDFS, SKOS
from kamgraph.sources.triples import Triples

CUTOFF = 0.6


def closest(written: str, candidates: Iterable[URIRef], data: Triples | None = None) -> URIRef | None:
    """The candidate whose local name (or, given ``data``, label) is closest to ``written``'s local name.

    >>> from rdflib import URIRef
    >>> str(closest("kamo#Activty", [URIRef("kamo#Activity"), URIRef("kamo#Actor")]))
    'kamo#Activity'
    """
    keys: dict[str, URIRef] = {}
    for candidate in sorted(set(candidates), key=str):
        if str(candidate) == written:
            continue
        keys.setdefault(local_name(candidate).casefold(), candidate)
        if data is not None:
            for predicate in (SKOS.prefLabel, RDFS.label):
                for label in data.objects(candidate, predicate):
                    if isinstance(label, Literal):
                        keys.setdefault(str(label).casefold(), candidate)
    wanted = local_name(written).casefold()
    match = difflib.get_close_matches(wanted, list(keys), n=1, cutoff=CUTOFF)
    return keys[match[0]] if match else None
