"""The exceptions kamgraph raises for what an author or user can cause.

Library code raises these; only the CLI turns them into messages and exit codes.
Findings (see :mod:`kamgraph.findings`) are data, not exceptions: an exception
here is a failure that stops the pipeline, and it carries the findings that
explain it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kamgraph.findings import Finding


class KamgraphError(Exception):
    """Base class: anything an author or a user can cause, reported without a traceback."""


class KamgraphWarning(UserWarning):
    """Something the user should know that did not stop the command (a cache rebuilt, a redirect followed).

    Library code raises it with :func:`warnings.warn`; the CLI prints it as ``kamgraph: warning: ...``.
    """


class LoadError(KamgraphError):
    """One or more ontology files could not be read or parsed.

    Every file is tried before this is raised, so an author sees all broken
    files at once; ``findings`` holds one located finding per problem.
    """

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__("\n".join(f.format() for f in findings))


class ValidationFailed(KamgraphError):
    """Validation found errors, so nothing was built."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        errors = sum(1 for f in findings if f.is_error)
        super().__init__(f"validation failed with {errors} error(s)")


class OutputError(KamgraphError):
    """An output file could not be written; the previous file is left as it was."""


class OutOfMemory(KamgraphError):
    """The machine ran out of memory on an input this large (the message names its size)."""
