"""kamgraph: a Key Account Management ontology, drawn as an offline concept map.

The pipeline runs one way: load -> validate -> graph -> views; the CLI sits on top.
"""

__version__ = "0.1.0"
