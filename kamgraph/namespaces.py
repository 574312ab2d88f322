"""The namespaces kamgraph itself reads; concepts, categories and relations come from the data."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

KAM = Namespace("https://w3id.org/kamgraph/kam/")
KAMO = Namespace("https://w3id.org/kamgraph/kamo#")
SH = Namespace("http://www.w3.org/ns/shacl#")

__all__ = ["DCTERMS", "KAM", "KAMO", "OWL", "RDF", "RDFS", "SH", "SKOS", "XSD"]
