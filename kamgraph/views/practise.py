"""The self-test of Practise mode, generated at build time from the page's own rows.

Questions are data, never text: each names concepts, categories and relation types
by their page ids, and the page words them in the current language (nl, en, or any
label language the vocabulary has). That keeps them correct in every language and
lets them work for any vocabulary, richest where there are definitions, categories,
relations and broader/narrower groups (KAM). Kinds (``kind``):

    card-label       show the label, recall the explanation (a flashcard)
    card-definition  show the explanation, recall the label (a flashcard)
                     (the explanation: the definition, else the standard definition, else the editors' one)
    category         which category is the concept in?            options: category ids
    relation         <concept> — <relation> → which concept?        options: concept ids
    not-member       which of these is not a <group>?              options: concept ids

Each question is ``{id, kind, concept, section, beyond}`` plus, for choices,
``options`` and ``answer`` (and ``relation`` for a relation question). ``beyond``
is true when the question rests on content beyond the source (a beyond-source
concept, a beyond-source relation, or a card without the summary's own definition). Distractors are drawn from sibling
concepts (the same category, or the other members of the same group); everything
is ordered by a stable hash, so the same ontology gives the same questions.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable

OPTIONS = 4  # choices per question, the answer included
# Enough for a long study session; keeps a 6,000-concept thesaurus's page from growing by megabytes.
MAX_QUESTIONS = 1200
_BEYOND_ORIGIN = "beyond-source"


def _rank(*parts: str) -> str:
    """A stable pseudo-random sort key (the same on every build and machine)."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def _shuffled(question_id: str, ids: Iterable[str]) -> list[str]:
    return sorted(ids, key=lambda i: _rank(question_id, i))


def _beyond_status(status: str | None) -> bool:
    """``BeyondSource``, ``beyond-source`` …: the relation goes beyond the source."""
    return bool(status) and str(status).replace("-", "").replace("_", "").lower() == "beyondsource"


def vocabulary_key(concepts: list[dict], title: dict[str, str]) -> str:
    """What the page's stored progress is keyed by: the same for every language and topic view of one vocabulary.

    The namespace most concept IRIs share (stable when an author adds a concept),
    or the title in every language when concepts have no IRIs.

    >>> vocabulary_key([{"iri": "https://example.org/v/A"}, {"iri": "https://example.org/v/B"}], {})
    'https://example.org/v/'
    >>> vocabulary_key([], {"nl": "Kaart", "en": "Map"})
    'en=Map|nl=Kaart'
    """
    namespaces = Counter(_namespace(c["iri"]) for c in concepts if c.get("iri"))
    if namespaces:
        return min(namespaces.items(), key=lambda item: (-item[1], item[0]))[0]
    return "|".join(f"{lang}={text}" for lang, text in sorted(title.items())) or "kamgraph"


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[:cut + 1] if cut >= 0 else iri


def practise_questions(concepts: list[dict], edges: list[dict], relation_types: list[dict],
                       categories: list[dict]) -> list[dict]:
    """Every question the rows allow, section by section in the summary's order, kinds mixed (see above)."""
    by_id = {c["id"]: c for c in concepts}
    kinds = {r["id"]: r["kind"] for r in relation_types}
    shown_categories = [c["id"] for c in categories]
    by_category: dict[str, list[str]] = defaultdict(list)
    for c in concepts:
        by_category[c["category"]].append(c["id"])
    members = _groups(edges, kinds, by_id)
    outgoing: dict[str, list[dict]] = defaultdict(list)
    for e in edges:
        if e["from"] in by_id and e["to"] in by_id:
            outgoing[e["from"]].append(e)

    questions: list[dict] = []

    def add(kind: str, concept: dict, key: str, beyond: bool, **choice: object) -> None:
        questions.append({"id": f"{kind}:{key}", "kind": kind, "concept": concept["id"],
                          "section": concept.get("section"),
                          "beyond": beyond or concept.get("origin") == _BEYOND_ORIGIN, **choice})

    for c in concepts:
        if c.get("definitions") or c.get("standardDefinitions") or c.get("explanations"):
            beyond = not c.get("definitions")  # a standard definition or the editors' explanation: not the summary's
            add("card-label", c, c["id"], beyond)
            add("card-definition", c, c["id"], beyond)
        if len(shown_categories) > 1 and c["category"] in shown_categories:
            qid = f"category:{c['id']}"
            others = _shuffled(qid, (k for k in shown_categories if k != c["category"]))[:OPTIONS - 1]
            add("category", c, c["id"], False, options=_shuffled(qid, [c["category"], *others]),
                answer=c["category"])
        for e in outgoing[c["id"]]:
            question = _relation_question(c, e, outgoing[c["id"]], by_id, by_category)
            if question:
                add("relation", c, f"{c['id']}|{e['relation']}|{e['to']}", question.pop("beyond"), **question)
        if len(members.get(c["id"], [])) >= 2:
            question = _not_member_question(c, members, by_id, by_category, edges)
            if question:
                add("not-member", c, c["id"], question.pop("beyond"), **question)
    sections = {c.get("section"): i for i, c in reversed(list(enumerate(concepts)))}  # first concept of each
    questions.sort(key=lambda q: (sections.get(q["section"], len(concepts)), _rank(q["id"])))  # mixed kinds
    return questions[:MAX_QUESTIONS]


def shown_questions(questions: list[dict], concept_ids: set[str], category_ids: set[str],
                    relation_ids: set[str]) -> list[dict]:
    """The questions a part of the vocabulary (a focused map, a topic view) can ask: everything they name is shown.

    The page's topic views narrow the whole map's questions by the same rule
    (``kamgraph/views/frontend/topics.js``), so both show the same questions.
    """
    def fits(q: dict) -> bool:
        options = set(q.get("options", ()))
        return (q["concept"] in concept_ids and ("relation" not in q or q["relation"] in relation_ids)
                and options <= (category_ids if q["kind"] == "category" else concept_ids))
    return [q for q in questions if fits(q)]


def _groups(edges: list[dict], kinds: dict[str, str], by_id: dict[str, dict]) -> dict[str, list[str]]:
    """Broader concept id -> its narrower concepts' ids (from broader and narrower relations, either way stated)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        kind = kinds.get(e["relation"])
        if e["from"] not in by_id or e["to"] not in by_id:
            continue
        if kind == "broader":
            groups[e["to"]].add(e["from"])
        elif kind == "narrower":
            groups[e["from"]].add(e["to"])
    return {parent: sorted(children) for parent, children in groups.items()}


def _relation_question(c: dict, edge: dict, own_edges: list[dict], by_id: dict[str, dict],
                       by_category: dict[str, list[str]]) -> dict | None:
    """<c> — <relation> → ? with the target's siblings (same category) as distractors."""
    answer = edge["to"]
    qid = f"relation:{c['id']}|{edge['relation']}|{answer}"
    also_right = {e["to"] for e in own_edges if e["relation"] == edge["relation"]}
    siblings = [i for i in by_category[by_id[answer]["category"]] if i not in also_right and i != c["id"]]
    if len(siblings) < OPTIONS - 1:  # too few siblings: any other concept will do
        siblings += [i for i in by_id if i not in also_right and i != c["id"] and i not in siblings]
    distractors = _shuffled(qid, siblings)[:OPTIONS - 1]
    if not distractors:
        return None
    options = _shuffled(qid, [answer, *distractors])
    beyond = _beyond_status(edge.get("status")) or any(by_id[i].get("origin") == _BEYOND_ORIGIN for i in options)
    return {"relation": edge["relation"], "options": options, "answer": answer, "beyond": beyond}


def _not_member_question(parent: dict, members: dict[str, list[str]], by_id: dict[str, dict],
                         by_category: dict[str, list[str]], edges: list[dict]) -> dict | None:
    """Which of these is not a <parent>? Members shown, one sibling concept that is not a member as the answer."""
    edges = [e for e in edges if e["from"] in by_id and e["to"] in by_id]
    own = members[parent["id"]]
    qid = f"not-member:{parent['id']}"
    categories = {by_id[m]["category"] for m in own}
    def outside(pool: Iterable[str]) -> list[str]:
        return sorted({i for i in pool if i not in own and i != parent["id"]})

    # the members' own categories first; then the group's neighbours; then the members of other groups
    near = [e["to"] if e["from"] == parent["id"] else e["from"] for e in edges
            if parent["id"] in (e["from"], e["to"])]
    candidates = (outside(i for cat in sorted(categories) for i in by_category[cat]) or outside(near)
                  or outside(m for p, group in members.items() if p != parent["id"] for m in group))
    if not candidates:
        return None
    answer = _shuffled(qid, candidates)[0]
    shown = _shuffled(qid, own)[:OPTIONS - 1]
    options = _shuffled(qid, [answer, *shown])
    return {"options": options, "answer": answer,
            "beyond": any(by_id[i].get("origin") == _BEYOND_ORIGIN for i in options)}
