"""Short, stable names for IRIs: ``kam:ValueProposition`` rather than the full IRI."""

from __future__ import annotations

from rdflib import URIRef


def local_name(iri: str) -> str:
    """The part after the last ``#`` or ``/`` (the whole IRI if there is none).

    >>> local_name("https://w3id.org/kamgraph/kam/KeyAccount")
    'KeyAccount'
    """
    text = str(iri).rstrip("/#")
    cut = max(text.rfind("#"), text.rfind("/"))
    return text[cut + 1:] if cut >= 0 and cut + 1 < len(text) else text


class Namer:
    """Compacts IRIs with the prefixes an ontology declares; the longest namespace wins."""

    def __init__(self, prefixes: dict[str, str]):
        self._namespaces = sorted(((ns, p) for p, ns in prefixes.items() if ns), key=lambda item: (-len(item[0]), item[1]))

    def compact(self, iri: URIRef | str) -> str:
        text = str(iri)
        for namespace, prefix in self._namespaces:
            if text.startswith(namespace) and len(text) > len(namespace):
                rest = text[len(namespace):]
                if all(ch.isalnum() or ch in "_-." for ch in rest) and not rest.endswith("."):
                    return f"{prefix}:{rest}"
        return f"<{text}>"
