"""The finding record, its severity, where it points, and a report of many."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Position:
    """Where something is written: a file (or store graph), and line and column when known."""

    file: str
    line: int | None
    column: int | None


@dataclass(frozen=True)
class Finding:
    """One problem, located as precisely as the input allows."""

    file: str | None
    line: int | None
    column: int | None
    severity: Severity
    code: str
    message: str
    subject: str | None = None
    hint: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        parts = [self.file or "<ontology>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self) -> str:
        text = f"{self.location()}: {self.severity.value} [{self.code}]: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def as_dict(self) -> dict:
        return {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "subject": self.subject,
            "hint": self.hint,
        }


def sort_key(finding: Finding) -> tuple:
    return (finding.file or "", finding.line or 0, finding.column or 0, finding.severity.value, finding.code,
            finding.message)


@dataclass
class Report:
    """All findings of one validation run, in file/line order."""

    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.findings = sorted(set(self.findings), key=sort_key)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def has_errors(self) -> bool:
        return any(f.is_error for f in self.findings)

    def summary(self) -> str:
        return f"{len(self.errors)} error(s), {len(self.warnings)} warning(s)"
