"""kamgraph: a Key Account Management ontology, drawn as an offline concept map.

The pipeline runs one way: sources -> checks -> graph -> views; the CLI sits on top.
The public API is what :data:`__all__` names (the README's "Python API" section
shows it at work)::

    import kamgraph
    checked = kamgraph.load_and_check("ontology/")   # or endpoint="http://127.0.0.1:7878/query"
    checked.report.findings                          # what is wrong, as Finding records
    checked.concepts.graph                           # a networkx MultiDiGraph
    kamgraph.render_map(checked.concepts)            # one offline HTML page, as a string

Every name is imported on first use, so ``import kamgraph`` (and with it every
CLI start) stays cheap: rdflib, networkx and pySHACL load only when a function
that needs them is called.
"""

from __future__ import annotations

from importlib import import_module as _import_module

__version__ = "0.1.0"

# Public name -> the module that defines it, imported when the name is first used.
_LAZY = {
    "load": "kamgraph.pipeline",
    "check": "kamgraph.pipeline",
    "load_and_check": "kamgraph.pipeline",
    "require_valid": "kamgraph.pipeline",
    "build_site": "kamgraph.pipeline",
    "Checked": "kamgraph.pipeline",
    "render_map": "kamgraph.views.site",
    "ConceptGraph": "kamgraph.graph",
    "Report": "kamgraph.findings",
    "Finding": "kamgraph.findings",
    "KamgraphError": "kamgraph.errors",
    "LoadError": "kamgraph.errors",
    "ValidationFailed": "kamgraph.errors",
}

__all__ = ["load_and_check", "load", "check", "require_valid", "render_map", "build_site",
           "Checked", "ConceptGraph", "Report", "Finding", "KamgraphError", "LoadError", "ValidationFailed",
           "__version__"]

TYPE_CHECKING = False  # not typing's: importing typing alone would double the cost of `import kamgraph`
if TYPE_CHECKING:  # what type checkers and editors see; at run time __getattr__ imports these
    from typing import Any

    from kamgraph.errors import KamgraphError, LoadError, ValidationFailed
    from kamgraph.findings import Finding, Report
    from kamgraph.graph import ConceptGraph
    from kamgraph.pipeline import Checked, build_site, check, load, load_and_check, require_valid
    from kamgraph.views.site import render_map


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use (PEP 562), then keep the name here."""
    if name not in _LAZY:
        raise AttributeError(f"module 'kamgraph' has no attribute {name!r}")
    value = getattr(_import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, for tab completion (the lazy ones are not in the module's dict until used)."""
    return sorted(__all__)
