"""Synthetic SKOS vocabularies of any size, like the ones the performance baseline measured.

Per concept: type, inScheme, prefLabel @nl and @en, a definition @nl, one
skos:broader (a random tree, seeded), one skos:related. ``top`` concepts are
top concepts of the scheme, so the vocabulary has categories to show.

    python benchmarks/skos_generator.py 10000 > syn-10000.ttl
"""

from __future__ import annotations

import random
import sys

WORDS = ("account", "value", "plan", "risk", "market", "client", "price", "service", "team", "contract",
         "growth", "supply", "demand", "strategy", "partner", "channel", "margin", "forecast", "review", "goal")


def generate(count: int, *, top: int = 8, seed: int = 7) -> str:
    """Turtle text of a vocabulary with ``count`` concepts."""
    rng = random.Random(seed)
    parent = {i: rng.randrange(0, i) for i in range(top, count)}
    lines = ["@prefix ex: <http://example.org/syn/> .",
             "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
             "ex:Scheme a skos:ConceptScheme ; skos:prefLabel \"Synthetisch\"@nl , \"Synthetic\"@en .", ""]
    for i in range(count):
        words = " ".join(WORDS[(i * k + k) % len(WORDS)] for k in (1, 3, 7))
        parts = [f"ex:C{i} a skos:Concept", "skos:inScheme ex:Scheme",
                 f'skos:prefLabel "{words} {i}"@nl , "{words} {i} (en)"@en',
                 f'skos:definition "Een begrip over {words}, nummer {i}, met een definitie van gewone lengte '
                 f'zoals een echte woordenlijst die heeft."@nl']
        if i < top:
            parts.append("skos:topConceptOf ex:Scheme")
        else:
            parts.append(f"skos:broader ex:C{parent[i]}")
            other = rng.randrange(0, count)
            if other not in (i, parent[i]) and parent.get(other) != i:  # related is never also broader (S27)
                parts.append(f"skos:related ex:C{other}")
        lines.append(" ;\n    ".join(parts) + " .")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1])))
