"""SHACL Core shapes evaluated in Python: the same results pySHACL gives, without importing it.

Importing pySHACL (with rdflib's SPARQL engine) and running it was half of a
cold build of the KAM ontology, most of it spent writing descriptions of
inner-shape failures that are then thrown away. The shapes an ontology
writes are mostly a handful of SHACL Core components over plain property
paths, which take a few dictionary look-ups each.

:func:`evaluate` reads the shapes graph (nothing here knows KAM's shapes)
and gives one :class:`Report` per validation result, exactly as pySHACL 0.40
with ``inference="none"``, ``advanced=True`` and ``allow_warnings=True``
reports them: same focus, value, path, severity, message and source shape,
down to pySHACL's own readings (``sh:languageIn`` compares the first subtag;
a nested shape of severity ``sh:Warning`` always conforms; ``sh:node`` keeps
the node shape's results). It implements the four Core targets and every
Core component except value ranges (``sh:minInclusive`` …), ``sh:equals``,
``sh:lessThan(OrEquals)``, ``sh:closed``, disjoint qualified shapes and SPARQL. Whatever it does not
implement — those, a complex path, SHACL-AF, a reported shape without
exactly one message (pySHACL's generic messages are not reproduced), a
parameter pySHACL would refuse or read in an unspecified way, recursive
shapes — raises :class:`Unsupported`, and the caller runs pySHACL instead,
so nothing about a shapes graph is ever guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kamgraph.namespaces import RDF, RDFS, SH, XSD
from kamgraph.sources.triples import TripleIndex

_ALLOWED = {SH.Warning, SH.Info}  # allow_warnings=True: a nested shape of these severities always conforms
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
_ABOUT = {SH.name, SH.message, SH.severity, SH.description, SH.deactivated, SH.order, SH.group, SH.defaultValue,
          SH.path, SH.flags, *_TARGETS}
_SHAPE_TYPES = {SH.NodeShape, SH.PropertyShape}
_NODE_KINDS = {
    BNode: (SH.BlankNode, SH.BlankNodeOrLiteral, SH.BlankNodeOrIRI),
    Literal: (SH.Literal, SH.BlankNodeOrLiteral, SH.IRIOrLiteral),
    URIRef: (SH.IRI, SH.IRIOrLiteral, SH.BlankNodeOrIRI),
}
_PYTHON_TYPES: dict[Node, type | tuple[type, ...]] = {
    XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
    XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime,
}


class Unsupported(Exception):
    """The shapes use something this evaluator does not do exactly as pySHACL: validate with pySHACL."""


@dataclass(frozen=True)
class Report:
    """One validation result before it is made plain data: which shape and component, at which focus and value."""

    shape: Shape
    component: URIRef
    focus: Node
    value: Node | None = None


@dataclass(eq=False)
class Shape:
    """One shape of the shapes graph, its parameters read and checked once."""

    node: Node
    path: URIRef | None  # a property shape's (plain IRI) path; None for a node shape
    severity: Node = SH.Violation
    message: str | None = None
    code: str | None = None
    hint: str | None = None
    deactivated: bool = False
    constraints: list[Constraint] = field(default_factory=list)

    def values(self, data: DataView, focus: Node) -> set[Node]:
        return data.objects(focus, self.path) if self.path is not None else {focus}


Constraint = Callable[["Evaluator", Shape, dict[Node, set[Node]]], list[Report]]


class DataView:
    """The data graph as pySHACL sees it: the ontology's triples, plus every concept typed ``skos:Concept``."""

    def __init__(self, index: TripleIndex, typed: Mapping[Node, Node]):
        self.index = index
        self.typed = typed  # subject -> the class it is also an instance of
        self.typed_instances: dict[Node, set[Node]] = {}
        for subject, cls in typed.items():
            self.typed_instances.setdefault(cls, set()).add(subject)

    def objects(self, subject: Node, predicate: Node) -> set[Node]:
        found = set(self.index.objects(subject, predicate))
        if predicate == RDF.type and subject in self.typed:
            found.add(self.typed[subject])
        return found

    def instances(self, cls: Node) -> set[Node]:
        return set(self.index.subjects(RDF.type, cls)) | self.typed_instances.get(cls, set())

    def subject_objects(self, predicate: Node) -> Iterable[tuple[Node, Node]]:
        yield from self.index.subject_objects(predicate)
        if predicate == RDF.type:
            yield from self.typed.items()

    def subclasses(self, cls: Node) -> set[Node]:
        """``cls`` and every class under it by ``rdfs:subClassOf`` in the data."""
        found, todo = {cls}, [cls]
        while todo:
            for sub in self.index.subjects(RDFS.subClassOf, todo.pop()):
                if sub not in found:
                    found.add(sub)
                    todo.append(sub)
        return found

    def superclasses(self, cls: Node) -> set[Node]:
        found, todo = {cls}, [cls]
        while todo:
            for sup in self.index.objects(todo.pop(), RDFS.subClassOf):
                if sup not in found:
                    found.add(sup)
                    todo.append(sup)
        return found


class Evaluator:
    """Validates one data view against the shapes read from one shapes graph."""

    def __init__(self, shapes: Graph, data: DataView):
        self.graph = shapes
        self.data = data
        self.shapes: dict[Node, Shape] = {}
        _refuse_unknown_terms(shapes)
        for node in _shape_nodes(shapes):
            self.shapes[node] = _read_shape(shapes, node)
        for node, shape in self.shapes.items():
            _read_constraints(self, shapes, node, shape)
        _refuse_cycles(shapes, self.shapes)
        self.targeted = [shape for node, shape in self.shapes.items()
                         if any(True for p in _TARGETS for _ in shapes.objects(node, p))]
        for shape in self.targeted:
            _require_message(self, shape, set())

    def shape(self, node: Node) -> Shape:
        found = self.shapes.get(node)
        if found is None:
            raise Unsupported(f"{node} is referred to as a shape but is not one")
        return found

    def run(self) -> list[Report]:
        """The results of every shape with targets, for its focus nodes."""
        reports: list[Report] = []
        for shape in self.targeted:
            reports += self.validate(shape, _focus_nodes(self.graph, shape, self.data))
        return reports

    def validate(self, shape: Shape, focus: Iterable[Node]) -> list[Report]:
        if shape.deactivated:
            return []
        values = {f: shape.values(self.data, f) for f in focus}
        if not values:
            return []
        return [report for constraint in shape.constraints for report in constraint(self, shape, values)]

    def conforms(self, shape: Shape, node: Node) -> bool:
        """pySHACL's conformance of a nested shape under ``allow_warnings``: no result of a severity it does not
        allow, and a shape of an allowed severity always conforms."""
        if shape.deactivated or shape.severity in _ALLOWED:
            return True
        return all(r.shape.severity in _ALLOWED for r in self.validate(shape, [node]))


def evaluate(shapes: Graph, index: TripleIndex, typed: Mapping[Node, Node]) -> list[Report]:
    """Every validation result of ``index`` (plus ``typed``'s rdf:type triples) against ``shapes``.

    Raises :class:`Unsupported` when the shapes need pySHACL.
    """
    return Evaluator(shapes, DataView(index, typed)).run()


# --- reading the shapes graph -------------------------------------------------------------------------------


def _refuse_unknown_terms(shapes: Graph) -> None:
    known = _ABOUT | set(_READERS) | {SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint}
    for _, predicate, _ in shapes:
        if str(predicate).startswith(str(SH)) and predicate not in known:
            raise Unsupported(f"{predicate} is not implemented")
    for kind in shapes.objects(None, RDF.type):
        if str(kind).startswith(str(SH)) and kind not in _SHAPE_TYPES:
            raise Unsupported(f"{kind} is not implemented")


def _shape_nodes(shapes: Graph) -> set[Node]:
    """What pySHACL takes for a shape: typed as one, with a target or a parameter, or a shape parameter's value."""
    nodes: set[Node] = {s for kind in _SHAPE_TYPES for s in shapes.subjects(RDF.type, kind)}
    for predicate in (*_TARGETS, *_READERS, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.path):
        nodes.update(s for s, _ in shapes.subject_objects(predicate))
    nodes.update(o for p in _SHAPE_VALUED for _, o in shapes.subject_objects(p))
    for predicate in _SHAPE_LISTS:
        for _, members in shapes.subject_objects(predicate):
            nodes.update(_items(shapes, members))
    for node in nodes:
        if isinstance(node, Literal):
            raise Unsupported("a literal used as a shape")
        if set(shapes.objects(node, RDF.type)) - _SHAPE_TYPES:
            raise Unsupported(f"{node} has another type besides a shape type (implicit class targets)")
    return nodes


def _one(shapes: Graph, node: Node, predicate: URIRef) -> Node | None:
    values = set(shapes.objects(node, predicate))
    if len(values) > 1:
        raise Unsupported(f"{node} has more than one {predicate}")
    return next(iter(values), None)


def _text(value: Node | None, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, Literal) or not isinstance(value.value, str):
        raise Unsupported(f"{what} is not a string")
    return str(value)


def _read_shape(shapes: Graph, node: Node) -> Shape:
    kinds = set(shapes.objects(node, RDF.type))
    paths = set(shapes.objects(node, SH.path))
    if SH.NodeShape in kinds and (paths or SH.PropertyShape in kinds):
        raise Unsupported(f"{node} is a node shape with a path")
    if len(paths) > 1 or (SH.PropertyShape in kinds and not paths):
        raise Unsupported(f"{node} needs exactly one sh:path")
    path = next(iter(paths), None)
    if path is not None and not isinstance(path, URIRef):
        raise Unsupported(f"{node} has a complex path")
    deactivated = _one(shapes, node, SH.deactivated)
    if deactivated is not None and not (isinstance(deactivated, Literal) and isinstance(deactivated.value, bool)):
        raise Unsupported(f"{node} has an sh:deactivated that is not a boolean")
    name = _one(shapes, node, SH.name)
    description = _one(shapes, node, SH.description)
    severity = _one(shapes, node, SH.severity)
    return Shape(
        node, path, severity=severity if severity is not None else SH.Violation,
        message=_text(_one(shapes, node, SH.message), "sh:message"),
        code=str(name) if isinstance(name, Literal) else None,
        hint=" ".join(str(description).split()) if isinstance(description, Literal) else None,
        deactivated=bool(deactivated is not None and deactivated.value))


def _read_constraints(evaluator: Evaluator, shapes: Graph, node: Node, shape: Shape) -> None:
    present = {p for p in shapes.predicates(node) if p in _READERS or p in (SH.qualifiedMinCount,
                                                                            SH.qualifiedMaxCount)}
    if present & {SH.qualifiedMinCount, SH.qualifiedMaxCount} and SH.qualifiedValueShape not in present:
        raise Unsupported(f"{node} has a qualified count without sh:qualifiedValueShape")
    for predicate, read in _READERS.items():
        if predicate in present:
            shape.constraints.append(read(evaluator, shapes, node, shape))


def _require_message(evaluator: Evaluator, shape: Shape, seen: set[Node]) -> None:
    """A shape whose results are reported needs one message (pySHACL's generic messages are not reproduced)."""
    if shape.node in seen:
        return
    seen.add(shape.node)
    own = [p for p in evaluator.graph.predicates(shape.node) if p in _READERS and p != SH.property]
    if own and shape.message is None:
        raise Unsupported(f"{shape.node} has no sh:message")
    for kept in (SH.property, SH.node):  # results of these shapes are reported too
        for child in evaluator.graph.objects(shape.node, kept):
            _require_message(evaluator, evaluator.shape(child), seen)


def _items(shapes: Graph, head: Node) -> list[Node]:
    """The members of a well-formed RDF list (anything else is left to pySHACL)."""
    items: list[Node] = []
    seen: set[Node] = set()
    while head != RDF.nil:
        if head in seen or isinstance(head, Literal):
            raise Unsupported("a malformed RDF list")
        seen.add(head)
        first, rest = set(shapes.objects(head, RDF.first)), set(shapes.objects(head, RDF.rest))
        if len(first) != 1 or len(rest) != 1:
            raise Unsupported("a malformed RDF list")
        items.append(next(iter(first)))
        head = next(iter(rest))
    return items


def _refuse_cycles(shapes: Graph, known: dict[Node, Shape]) -> None:
    """Recursive shapes (pySHACL stops them with a warning) and shapes nested deeper than :data:`_DEEPEST` (pySHACL
    refuses a validation path 15 shapes deep) are left to pySHACL; neither reading is reproduced."""
    def children(node: Node) -> list[Node]:
        found = [o for p in _SHAPE_VALUED for o in shapes.objects(node, p)]
        return found + [m for p in _SHAPE_LISTS for head in shapes.objects(node, p) for m in _items(shapes, head)]

    heights: dict[Node, int] = {}

    def height(node: Node, path: tuple[Node, ...]) -> int:
        if node in path:
            raise Unsupported("recursive shapes")
        if len(path) > _DEEPEST:
            raise Unsupported("deeply nested shapes")
        if node not in heights:
            heights[node] = 1 + max((height(child, (*path, node)) for child in children(node)), default=0)
        if len(path) + heights[node] > _DEEPEST:
            raise Unsupported("deeply nested shapes")
        return heights[node]

    for node in known:
        height(node, ())


_DEEPEST = 8  # shapes in one chain of nested shapes, well below pySHACL's limit


def _integer(value: Node | None, what: str) -> int:
    if not (isinstance(value, Literal) and value.datatype == XSD.integer and type(value.value) is int
            and value.value >= 0):
        raise Unsupported(f"{what} is not a non-negative xsd:integer")
    return value.value


def _focus_nodes(shapes: Graph, shape: Shape, data: DataView) -> set[Node]:
    found: set[Node] = set(shapes.objects(shape.node, SH.targetNode))
    for cls in shapes.objects(shape.node, SH.targetClass):
        for sub in data.subclasses(cls):
            found.update(data.instances(sub))
    for predicate in shapes.objects(shape.node, SH.targetSubjectsOf):
        found.update(s for s, _ in data.subject_objects(predicate))
    for predicate in shapes.objects(shape.node, SH.targetObjectsOf):
        found.update(o for _, o in data.subject_objects(predicate))
    return found


# --- the constraint components ------------------------------------------------------------------------------
# Each reader checks its parameters as pySHACL would (or refuses) and returns the constraint that evaluates them.

Reader = Callable[[Evaluator, Graph, Node, Shape], Constraint]


def _per_value(component: URIRef, passes: Callable[[Node], bool]) -> Constraint:
    """A component that judges each value node alone: one result (with the value) per failing value."""
    def run(_e: Evaluator, shape: Shape, values: dict[Node, set[Node]]) -> list[Report]:
        return [Report(shape, component, f, v) for f, vs in values.items() for v in vs if not passes(v)]
    return run


def _min_count(_e: Evaluator, shapes: Graph, node: Node, shape: Shape) -> Constraint:
    least = _integer(_one(shapes, node, SH.minCount), "sh:minCount")
    if shape.path is None:
        raise Unsupported("sh:minCount on a node shape")

    def run(_e: Evaluator, shape: Shape, values: dict[Node, set[Node]]) -> list[Report]:
        return [Report(shape, SH.MinCountConstraintComponent, f) for f, vs in values.items() if len(vs) < least]
    return run


def _max_count(_e: Evaluator, shapes: Graph, node: Node, shape: Shape) -> Constraint:
    most = _integer(_one(shapes, node, SH.maxCount), "sh:maxCount")
    if shape.path is None:
        raise Unsupported("sh:maxCount on a node shape")

    def run(_e: Evaluator, shape: Shape, values: dict[Node, set[Node]]) -> list[Report]:
        return [Report(shape, SH.MaxCountConstraintComponent, f) for f, vs in values.items() if len(vs) > most]
    return run


def _datatype(_e: Evaluator, shapes: Graph, node: Node, _shape: Shape) -> Constraint:
    rule = _one(shapes, node, SH.datatype)

    def actual(value: Literal) -> bool:
        expected = _PYTHON_TYPES.get(rule) if rule is not None else None
        return expected is None or isinstance(value.value, expected)

    def passes(v: Node) -> bool:
        if not isinstance(v, Literal):
            return False
        if v.datatype == rule:
            return getattr(v, "ill_typed", None) is not True and actual(v)
        if rule == RDFS.Literal or (rule == RDFS.Datatype and v.datatype):
            return True
        if v.datatype is None and v.language is None and rule == XSD.string:
            return actual(v)
        return bool(rule == RDF.langString and v.language and actual(v))
    return _per_value(SH.DatatypeConstraintComponent, passes)


def _node_kind(_e: Evaluator, shapes: Graph, node: Node, _shape: Shape) -> Constraint:
    rule = _one(shapes, node, SH.nodeKind)

    def passes(v: Node) -> bool:
        kind = BNode if isinstance(v, BNode) else Literal if isinstance(v, Literal) else URIRef
        return rule in _NODE_KINDS[kind]
    return _per_value(SH.NodeKindConstraintComponent, passes)


def _class(_e: Evaluator, shapes: Graph, node: Node, _shape: Shape) -> Constraint:
    rules = list(shapes.objects(node, SH["class"]))

    def run(e: Evaluator, shape: Shape, values: dict[Node, set[Node]]) -> list[Report]:
        def passes(v: Node, cls: Node) -> bool:
            return not isinstance(v, Literal) and any(
                kind == cls or cls in e.data.superclasses(kind) for kind in e.data.objects(v, RDF.type))
        return [Report(shape, SH.ClassConstraintComponent, f, v)
                for cls in rules for f, vs in values.items() for v in vs if not passes(v, cls)]
    return run


def _length(predicate: URIRef, component: URIRef, fits: Callable[[int, int], bool]) -> Reader:
    def read(_e: Evaluator, shapes: Graph, node: Node, _shape: Shape) -> Constraint:
        bound = _integer(_one(shapes, node, predicate), str(predicate))
        return _per_value(component, lambda v: (predicate == SH.minLength and bound == 0)
                          or (not isinstance(v, BNode) and fits(len(str(v)), bound)))
    return read


def _pattern(_e: Evaluator, shapes: Graph, node: Node, _shape: Shape) -> Constraint:
    patterns = list(shapes.objects(node, SH.pattern))
    if not all(isinstance(p, Literal) and isinstance(p.value, str) for p in patterns):
        raise Unsupported("sh:pattern is not a string")
    written = (_text(_one(shapes, node, SH.flags), "sh:flags") or "").lower()
    flags = (re.I if "i" in written else 0) | (re.M if "m" in written else 0)
    try:
        compiled = [re.compile(str(p), flags) for p in patterns]
    except re.error as error:
        raise Unsupported(f"sh:pattern does not compile: {error}") from error

    def run(_e: Evaluator, shape: Shape, values: dict[Node, set[Node]]) -> list[Report]:
        return [Report(shape, SH.PatternConstraintComponent, f, v) for matcher in compiled
                for f, vs in values.items() for v in vs if isinstance(v, BNode) or not matcher.search(str(v))]
    return run


def _language_in(_e: Evaluator, shapes: Graph, node: Node, _shape: Shape) -> Constraint:
    head = _one(shapes, node, SH.languageIn)
    members = _items(shapes, head) if head is not None else []
    if not all(isinstance(m, Literal) and isinstance(m.value, str) for m in members):
        raise Unsupported("sh:languageIn holds something other than strings")
    wanted = {str(m).lower() for m in members}

    def passes(v: Node) -> bool:
        if not isinstance(v, Literal) or not v.language:
            return False
        tag = str(v.language).lower()
        return "*" in wanted or tag in wanted or tag.split("-")[0] in wanted  # pySHACL: the first subtag only
    return _per_value(SH.LanguageInConstraintComponent, passes)


def _unique_lang(_e: Evaluator, shapes: Graph, node: Node, shape: Shape) -> Constraint:
    flag = _one(shapes, node, SH.uniqueLang)
    if shape.path is None or not (isinstance(flag, Literal) and isinstance(flag.value, bool)):
        raise Unsupported("sh:uniqueLang needs a property shape and a boolean")
    unique = flag.value

    def run(_e: Evaluator, shape: Shape, values: dict[Node, set[Node]]) -> list[Report]:
        reports = []
        for f, vs in values.items():
            tags = [str(v.language).lower() for v in vs if isinstance(v, Literal) and v.language]
            repeated = {t for t in tags if tags.count(t) > 1}
            reports += [Report(shape, SH.UniqueLangConstraintComponent, f) for _ in repeated if unique]
        return reports
    return run


def _in(_e: Evaluator, shapes: Graph, node: Node, _shape: Shape) -> Constraint:
    head = _one(shapes, node, SH["in"])
    allowed = set(_items(shapes, head)) if head is not None else set()
    return _per_value(SH.InConstraintComponent, lambda v: v in allowed)


def _has_value(_e: Evaluator, shapes: Graph, node: Node, _shape: Shape) -> Constraint:
    wanted = set(shapes.objects(node, SH.hasValue))

    def run(_e: Evaluator, shape: Shape, values: dict[Node, set[Node]]) -> list[Report]:
        return [Report(shape, SH.HasValueConstraintComponent, f)
                for hv in wanted for f, vs in values.items() if not any(v == hv for v in vs)]
    return run


def _disjoint(_e: Evaluator, shapes: Graph, node: Node, _shape: Shape) -> Constraint:
    others = set(shapes.objects(node, SH.disjoint))

    def run(e: Evaluator, shape: Shape, values: dict[Node, set[Node]]) -> list[Report]:
        return [Report(shape, SH.DisjointConstraintComponent, f, common) for other in others
                for f, vs in values.items() for common in vs & e.data.objects(f, other)]
    return run


def _property(evaluator: Evaluator, shapes: Graph, node: Node, _shape: Shape) -> Constraint:
    children = [evaluator.shape(child) for child in shapes.objects(node, SH.property)]
    if any(child.path is None for child in children):
        raise Unsupported(f"{node} has an sh:property that is not a property shape")

    def run(e: Evaluator, _shape: Shape, values: dict[Node, set[Node]]) -> list[Report]:
        return [report for child in children for vs in values.values() for v in vs
                for report in e.validate(child, [v])]
    return run


def _or(evaluator: Evaluator, shapes: Graph, node: Node, _shape: Shape) -> Constraint:
    lists = [[evaluator.shape(member) for member in dict.fromkeys(_items(shapes, head))]
             for head in shapes.objects(node, SH["or"])]
    if any(not choices for choices in lists):
        raise Unsupported("an empty sh:or list")

    def run(e: Evaluator, shape: Shape, values: dict[Node, set[Node]]) -> list[Report]:
        return [Report(shape, SH.OrConstraintComponent, f, v) for choices in lists for f, vs in values.items()
                for v in vs if not any(e.conforms(choice, v) for choice in choices)]
    return run


def _logical(predicate: URIRef, component: URIRef, fails: Callable[[int, int], bool], *,
             distinct: bool = True) -> Reader:
    """``sh:and``/``sh:xone``: a result for each value whose count of conforming members (of how many) ``fails``."""
    def read(evaluator: Evaluator, shapes: Graph, node: Node, _shape: Shape) -> Constraint:
        lists = []
        for head in shapes.objects(node, predicate):
            members = _items(shapes, head)
            lists.append([evaluator.shape(m) for m in (dict.fromkeys(members) if distinct else members)])
        if any(not choices for choices in lists):
            raise Unsupported(f"an empty {predicate} list")

        def run(e: Evaluator, shape: Shape, values: dict[Node, set[Node]]) -> list[Report]:
            return [Report(shape, component, f, v) for choices in lists for f, vs in values.items() for v in vs
                    if fails(sum(1 for choice in choices if e.conforms(choice, v)), len(choices))]
        return run
    return read


def _not(evaluator: Evaluator, shapes: Graph, node: Node, _shape: Shape) -> Constraint:
    negated = [evaluator.shape(n) for n in shapes.objects(node, SH["not"])]

    def run(e: Evaluator, shape: Shape, values: dict[Node, set[Node]]) -> list[Report]:
        return [Report(shape, SH.NotConstraintComponent, f, v) for inner in negated for f, vs in values.items()
                for v in vs if e.conforms(inner, v)]
    return run


def _node(evaluator: Evaluator, shapes: Graph, node: Node, _shape: Shape) -> Constraint:
    """``sh:node``: pySHACL fails a value on any result of the node shape, and keeps those results (as details,
    which are validation results of their own in its report)."""
    targets = [evaluator.shape(n) for n in shapes.objects(node, SH.node)]
    if any(target.path is not None for target in targets):
        raise Unsupported("sh:node names a property shape")

    def run(e: Evaluator, shape: Shape, values: dict[Node, set[Node]]) -> list[Report]:
        reports = []
        for target in targets:
            for f, vs in values.items():
                for v in vs:
                    inner = e.validate(target, [v])
                    if inner:
                        reports += [Report(shape, SH.NodeConstraintComponent, f, v), *inner]
        return reports
    return run


def _qualified(evaluator: Evaluator, shapes: Graph, node: Node, shape: Shape) -> Constraint:
    if shape.path is None:
        raise Unsupported("sh:qualifiedValueShape on a node shape")
    qualified = [evaluator.shape(member) for member in shapes.objects(node, SH.qualifiedValueShape)]
    least_node, most_node = _one(shapes, node, SH.qualifiedMinCount), _one(shapes, node, SH.qualifiedMaxCount)
    least = _integer(least_node, "sh:qualifiedMinCount") if least_node is not None else None
    most = _integer(most_node, "sh:qualifiedMaxCount") if most_node is not None else None
    if least is None and most is None:
        raise Unsupported("sh:qualifiedValueShape without a count")
    disjoint = set(shapes.objects(node, SH.qualifiedValueShapesDisjoint))
    if any(not (isinstance(d, Literal) and d.value is False) for d in disjoint):
        raise Unsupported("sh:qualifiedValueShapesDisjoint (sibling shapes)")

    def run(e: Evaluator, shape: Shape, values: dict[Node, set[Node]]) -> list[Report]:
        reports = []
        for inner in qualified:
            for f, vs in values.items():
                count = sum(1 for v in vs if e.conforms(inner, v))
                if most is not None and count > most:
                    reports.append(Report(shape, SH.QualifiedMaxCountConstraintComponent, f))
                if least is not None and count < least:
                    reports.append(Report(shape, SH.QualifiedMinCountConstraintComponent, f))
        return reports
    return run


_READERS: dict[URIRef, Reader] = {
    SH.minCount: _min_count, SH.maxCount: _max_count, SH.datatype: _datatype, SH.nodeKind: _node_kind,
    SH["class"]: _class, SH.minLength: _length(SH.minLength, SH.MinLengthConstraintComponent, lambda n, b: n >= b),
    SH.maxLength: _length(SH.maxLength, SH.MaxLengthConstraintComponent, lambda n, b: n <= b),
    SH.pattern: _pattern, SH.languageIn: _language_in, SH.uniqueLang: _unique_lang, SH["in"]: _in,
    SH.hasValue: _has_value, SH.disjoint: _disjoint, SH.property: _property, SH["or"]: _or,
    SH["and"]: _logical(SH["and"], SH.AndConstraintComponent, lambda passed, of: passed < of),
    SH.xone: _logical(SH.xone, SH.XoneConstraintComponent, lambda passed, _of: passed != 1, distinct=False),
    SH["not"]: _not, SH.node: _node, SH.qualifiedValueShape: _qualified,
}
_SHAPE_VALUED = (SH.property, SH.qualifiedValueShape, SH.node, SH["not"])  # parameters whose values are shapes
_SHAPE_LISTS = (SH["or"], SH["and"], SH.xone)  # parameters whose values are lists of shapes
