"""Short, stable names for IRIs: ``kam:ValueProposition`` rather than the full IRI."""

from __future__ import annotations

from rdflib.term import Node


def local_name(iri: Node | str) -> str:
    """The part after the last ``#`` or ``/`` (the whole IRI if there is none).

    >>> local_name("https://w3id.org/kamgraph/kam/KeyAccount")
    'KeyAccount'
    """
    text = str(iri).rstrip("/#")
    cut = max(text.rfind("#"), text.rfind("/"))
    return text[cut + 1:] if cut >= 0 and cut + 1 < len(text) else text


WELL_KNOWN = {
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


class Namer:
    """Compacts IRIs with the prefixes an ontology declares (and the W3C ones); the longest namespace wins."""

    def __init__(self, prefixes: dict[str, str]):
        merged = {**WELL_KNOWN, **{p: ns for p, ns in prefixes.items() if ns}}
        taken = set(prefixes.values())
        merged = {p: ns for p, ns in merged.items() if p in prefixes or ns not in taken}
        self._namespaces = sorted(((ns, p) for p, ns in merged.items()), key=lambda item: (-len(item[0]), item[1]))
        self._compacted: dict[str, str] = {}  # every view and check names the same IRIs again and again

    def compact(self, iri: Node | str) -> str:
        text = str(iri)
        found = self._compacted.get(text)
        if found is None:
            found = self._compacted[text] = self._compact(text)
        return found

    def _compact(self, text: str) -> str:
        for namespace, prefix in self._namespaces:
            if text.startswith(namespace) and len(text) > len(namespace):
                rest = text[len(namespace):]
                if all(ch.isalnum() or ch in "_-." for ch in rest) and not rest.endswith("."):
                    return f"{prefix}:{rest}"
        return f"<{text}>"
