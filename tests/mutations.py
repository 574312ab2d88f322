"""A seeded mutator over real Turtle files: the edits an author's slip (or an attacker) makes to a file.

Each mutant is one file of ``ontology/`` with one to three edits: a character,
token or line deleted, duplicated, swapped or inserted; RDF 1.2 syntax,
quotes, brackets, prefixes, language tags, datatypes, control characters and
invalid UTF-8 dropped in at random places. The same seed gives the same mutant,
so a failure names the seed that reproduces it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

TOKENS = [
    "~", "<<", ">>", "<<(", ")>>", "{|", "|}", '"', '"""', "'", "@", ";", ",", ".", "[", "]", "(", ")", "<", ">",
    "^^", "^^xsd:integer", "^^xsd:date", "@nl", "@-nl", "@en--rtl", "_:b1", " a ", "kam:", "kamo:", "skos:broader",
    "skos:prefLabel", "owl:Axiom", "\\", "\\u0000", "\\U0010FFFF", "#", "\x00", "\x1b[2J", "\r", "\t", "\u202e",
    "@prefix kam: <http://elsewhere.example/> .\n", "PREFIX : <#>\n", "@base <../> .\n", "VERSION \"1.2\"\n",
    '"12"^^xsd:integer', '"x"^^<http://www.w3.org/2001/XMLSchema#int>', "1e999", "-0", "true",
    "[ " * 50, " ]" * 50, "( " * 50, " )" * 50,
]


@dataclass(frozen=True)
class Mutant:
    seed: int
    file: Path
    data: bytes
    edits: tuple[str, ...]


def mutate(files: list[Path], seed: int) -> Mutant:
    """One mutant of one of ``files``, made by ``seed`` alone."""
    rng = random.Random(seed)
    path = rng.choice(files)
    data = path.read_bytes()
    edits = []
    for _ in range(rng.randint(1, 3)):
        data, edit = _edit(rng, data)
        edits.append(edit)
    return Mutant(seed=seed, file=path, data=data, edits=tuple(edits))


def _edit(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    kind = rng.choice(["insert", "insert", "insert", "delete", "delete-line", "duplicate-line", "swap-lines",
                       "truncate", "flip-byte", "repeat"])
    at = rng.randrange(len(data) + 1) if data else 0
    if kind == "insert":
        token = rng.choice(TOKENS)
        return data[:at] + token.encode("utf-8") + data[at:], f"insert {token!r} at byte {at}"
    if kind == "delete":
        size = rng.randint(1, 8)
        return data[:at] + data[at + size:], f"delete {size} byte(s) at {at}"
    if kind == "truncate":
        return data[:at], f"truncate at byte {at}"
    if kind == "flip-byte" and data:
        at = min(at, len(data) - 1)
        return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1:], f"flip a bit of byte {at}"
    if kind == "repeat" and data:
        size = rng.randint(1, 40)
        return data[:at] + data[at:at + size] * rng.randint(2, 50) + data[at:], f"repeat {size} byte(s) at {at}"
    lines = data.split(b"\n")
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    if kind == "delete-line":
        del lines[i]
        return b"\n".join(lines), f"delete line {i + 1}"
    if kind == "duplicate-line":
        lines.insert(j, lines[i])
        return b"\n".join(lines), f"copy line {i + 1} before line {j + 1}"
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines), f"swap lines {i + 1} and {j + 1}"
