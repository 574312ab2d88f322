"""The summary's text as the ontology cites it: lines 1-70, line references, joined passages.

Lines 71-139 of the file repeat lines 2-70 (an extraction artefact), so only the first copy is cited.
A passage is its lines joined by one space ("line joins aside"): a quotation that runs over a line
break matches when the lines it cites are read as one text.
"""

from __future__ import annotations

import re
from pathlib import Path

CITED_LINES = 70
_REFERENCE = re.compile(r"L(\d+)(?:\s*[–-]\s*L(\d+))?")


def summary_lines(path: Path) -> list[str]:
    """The cited lines of the summary (1-70), without line ends."""
    return path.read_text(encoding="utf-8").splitlines()[:CITED_LINES]


def joined(lines: list[str]) -> str:
    """Lines read as one text: joined by a space, runs of white space collapsed."""
    return " ".join(" ".join(lines).split())


def line_ranges(reference: str) -> list[tuple[int, int]]:
    """'L4–L7, L38' -> [(4, 7), (38, 38)]; raises ValueError on anything that is not a line reference."""
    ranges = []
    for part in reference.split(","):
        found = _REFERENCE.fullmatch(part.strip())
        if not found:
            raise ValueError(f"not a line reference: {part.strip()!r} in {reference!r}")
        first, last = int(found.group(1)), int(found.group(2) or found.group(1))
        if not 1 <= first <= last <= CITED_LINES:
            raise ValueError(f"line range {part.strip()!r} is outside L1-L{CITED_LINES}")
        ranges.append((first, last))
    return ranges


def passage(lines: list[str], reference: str) -> str:
    """The text of the cited lines, each range joined, ranges separated by a space."""
    return joined([" ".join(lines[first - 1:last]) for first, last in line_ranges(reference)])


def quoted_fragments(evidence: str) -> list[str]:
    """The quotations in an evidence text: parts joined with ' / ', ' … ' or ': ' are quoted separately."""
    return [part.strip(" /") for part in re.split(r"…|\s/\s|:\s", evidence) if part.strip(" /")]
