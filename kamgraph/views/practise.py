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
import heapq
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

OPTIONS = 4  # choices per question, the answer included
# Enough for a long study session; keeps a 6,000-concept thesaurus's page from growing by megabytes.
MAX_QUESTIONS = 1200
_BEYOND_ORIGIN = "beyond-source"


def _rank(*parts: str) -> bytes:
    """A stable pseudo-random sort key (the same on every build and machine): the SHA-1 digest, which sorts
    as its hex form does."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).digest()


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
    """Every question the rows allow, section by section in the summary's order, kinds mixed (see above).

    Each question costs the same whatever the vocabulary's size: distractors are drawn
    from their pools by a generator seeded with the question's id, never by ranking a
    whole category (a 6,000-concept thesaurus has categories of thousands).
    """
    by_id = {c["id"]: c for c in concepts}
    everyone = list(by_id)
    kinds = {r["id"]: r["kind"] for r in relation_types}
    shown_categories = [c["id"] for c in categories]
    by_category: dict[str, list[str]] = defaultdict(list)
    for c in concepts:
        by_category[c["category"]].append(c["id"])
    members = _groups(edges, kinds, by_id)
    outgoing: dict[str, list[dict]] = defaultdict(list)
    neighbours: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        if e["from"] in by_id and e["to"] in by_id:
            outgoing[e["from"]].append(e)
            neighbours[e["from"]].append(e["to"])
            neighbours[e["to"]].append(e["from"])

    # Every question is first a stub: its kind, concept and edge (for a relation question), one entry in each of
    # three parallel lists, and one sort key. Only the questions kept are made, so a large vocabulary pays for what
    # its page carries; the keys are bytes (no per-stub tuple: 50k concepts make some 270k stubs).
    sections = {c.get("section"): i for i, c in reversed(list(enumerate(concepts)))}  # first concept of each
    kinds_of: list[str] = []
    concept_of: list[dict] = []
    edge_of: list[dict | None] = []
    order: list[bytes] = []

    def stub(place: bytes, kind: str, c: dict, key: str, edge: dict | None) -> None:
        # by section, kinds mixed: its place, then its rank, then its number (ties keep the order stubs are made in)
        order.append(place + _rank(f"{kind}:{key}") + len(order).to_bytes(4, "big"))
        kinds_of.append(kind)
        concept_of.append(c)
        edge_of.append(edge)

    many_categories = len(shown_categories) > 1
    for c in concepts:
        place, cid = sections.get(c.get("section"), len(concepts)).to_bytes(4, "big"), c["id"]
        if c.get("definitions") or c.get("standardDefinitions") or c.get("explanations"):
            stub(place, "card-label", c, cid, None)
            stub(place, "card-definition", c, cid, None)
        if many_categories and c["category"] in shown_categories:
            stub(place, "category", c, cid, None)
        for e in outgoing.get(cid, ()):
            stub(place, "relation", c, f"{cid}|{e['relation']}|{e['to']}", e)
        if len(members.get(cid, ())) >= 2:
            stub(place, "not-member", c, cid, None)
    heapq.heapify(order)  # taken smallest first, as many as are kept: no full sort

    questions: list[dict] = []
    while order and len(questions) < MAX_QUESTIONS:
        number = int.from_bytes(heapq.heappop(order)[-4:], "big")
        kind, concept, edge = kinds_of[number], concept_of[number], edge_of[number]
        cid = concept["id"]
        beyond = False
        choice: dict | None
        if kind == "card-label" or kind == "card-definition":
            key, choice = cid, {}
            beyond = not concept.get("definitions")  # a standard definition or the editors' one: not the summary's
        elif kind == "category":
            key, choice = cid, _category_question(concept, shown_categories)
        elif kind == "relation" and edge is not None:
            key = f"{cid}|{edge['relation']}|{edge['to']}"
            also_right = {e["to"] for e in outgoing[cid] if e["relation"] == edge["relation"]}
            choice = _relation_question(concept, edge, also_right, by_id, by_category, everyone)
        else:
            key, choice = cid, _not_member_question(concept, members, by_id, by_category, neighbours[cid])
        if choice is None:
            continue
        questions.append({"id": f"{kind}:{key}", "kind": kind, "concept": cid,
                          "section": concept.get("section"),
                          "beyond": beyond or choice.pop("beyond", False) or concept.get("origin") == _BEYOND_ORIGIN,
                          **choice})
    return questions


def _category_question(c: dict, shown_categories: list[str]) -> dict:
    """Which category is <c> in? Other categories as distractors."""
    qid = f"category:{c['id']}"
    others = _shuffled(qid, (k for k in shown_categories if k != c["category"]))[:OPTIONS - 1]
    return {"options": _shuffled(qid, [c["category"], *others]), "answer": c["category"]}


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


def _draw(question_id: str, pool: Sequence[str], exclude: set[str], count: int) -> list[str]:
    """Up to ``count`` distinct ids of ``pool`` outside ``exclude``, the same on every build.

    A large pool is sampled at random positions (seeded by the question), so the cost
    does not grow with the pool; a small or mostly excluded one is filtered first.

    >>> _draw("q", ["a", "b", "c"], {"b"}, 5)
    ['a', 'c']
    >>> _draw("q", [str(i) for i in range(10_000)], set(), 3) == _draw("q", [str(i) for i in range(10_000)], set(), 3)
    True
    """
    rng = random.Random(question_id)
    if len(pool) > 4 * (count + len(exclude)):
        drawn: list[str] = []
        for _ in range(20 * count):
            pick = pool[rng.randrange(len(pool))]
            if pick not in exclude and pick not in drawn:
                drawn.append(pick)
                if len(drawn) == count:
                    return sorted(drawn)
    allowed = sorted({i for i in pool if i not in exclude})
    return sorted(rng.sample(allowed, min(count, len(allowed))))


def _relation_question(c: dict, edge: dict, also_right: set[str], by_id: dict[str, dict],
                       by_category: dict[str, list[str]], everyone: list[str]) -> dict | None:
    """<c> — <relation> → ? with the target's siblings (same category) as distractors."""
    answer = edge["to"]
    qid = f"relation:{c['id']}|{edge['relation']}|{answer}"
    unwanted = also_right | {c["id"]}
    distractors = _draw(qid, by_category[by_id[answer]["category"]], unwanted, OPTIONS - 1)
    if len(distractors) < OPTIONS - 1:  # too few siblings: any other concept will do
        distractors += _draw(qid, everyone, unwanted | set(distractors), OPTIONS - 1 - len(distractors))
    if not distractors:
        return None
    options = _shuffled(qid, [answer, *distractors])
    beyond = _beyond_status(edge.get("status")) or any(by_id[i].get("origin") == _BEYOND_ORIGIN for i in options)
    return {"relation": edge["relation"], "options": options, "answer": answer, "beyond": beyond}


def _not_member_question(parent: dict, members: dict[str, list[str]], by_id: dict[str, dict],
                         by_category: dict[str, list[str]], near: list[str]) -> dict | None:
    """Which of these is not a <parent>? Members shown, one sibling concept that is not a member as the answer."""
    own = members[parent["id"]]
    qid = f"not-member:{parent['id']}"
    unwanted = {*own, parent["id"]}
    # the members' own categories first; then the group's neighbours; then the members of other groups
    same_categories = [i for cat in sorted({by_id[m]["category"] for m in own}) for i in by_category[cat]]
    answer = (_draw(qid, same_categories, unwanted, 1) or _draw(qid, near, unwanted, 1)
              or _draw(qid, [m for p, group in members.items() if p != parent["id"] for m in group], unwanted, 1))
    if not answer:
        return None
    shown = _shuffled(qid, own)[:OPTIONS - 1]
    options = _shuffled(qid, [answer[0], *shown])
    return {"options": options, "answer": answer[0],
            "beyond": any(by_id[i].get("origin") == _BEYOND_ORIGIN for i in options)}
