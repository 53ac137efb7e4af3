"""Diagnostics: problems found in content, collected rather than raised.

The core never logs. It returns `Diagnostic` objects; each adapter (MkDocs plugin, CLI) decides how to show them.
Messages are Vietnamese because editors read them; codes are stable ASCII identifiers that tests and tools key on.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

__all__ = ["Diagnostic", "Diagnostics", "Severity", "collapse", "suggest"]


class Severity(enum.Enum):
    """How bad a problem is. Errors fail the build; warnings fail it only in strict mode."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        """The Vietnamese label shown to editors."""
        return "lỗi" if self is Severity.ERROR else "cảnh báo"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file.

    Attributes:
        path: Path relative to the project root, POSIX separators.
        line: 1-based line number, or 0 when the problem concerns the whole file.
        code: Stable identifier such as ``meta.choice``.
        message: Vietnamese explanation: what is wrong, what was expected, how to fix it.
        severity: Error or warning.
        field: Front-matter field concerned, if any.
    """

    path: str
    line: int
    code: str
    message: str
    severity: Severity = Severity.ERROR
    field: str | None = None

    def format(self) -> str:
        """Return the one-line form ``path:line: message [code]``."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message} [{self.code}]"

    def as_dict(self) -> dict[str, object]:
        """Return a JSON-ready mapping."""
        return {
            "path": self.path,
            "line": self.line,
            "code": self.code,
            "severity": self.severity.value,
            "field": self.field,
            "message": self.message,
        }


class Diagnostics:
    """An ordered collection of diagnostics bound to one file path at a time."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def add(
        self,
        path: str | PurePosixPath,
        line: int,
        code: str,
        message: str,
        *,
        severity: Severity = Severity.ERROR,
        field: str | None = None,
    ) -> None:
        """Record one problem."""
        self._items.append(Diagnostic(str(path), line, code, message, severity, field))

    def extend(self, items: Iterable[Diagnostic]) -> None:
        """Record several problems."""
        self._items.extend(items)

    @property
    def items(self) -> tuple[Diagnostic, ...]:
        """All problems, sorted by path, line and code."""
        return tuple(sorted(self._items, key=lambda d: (d.path, d.line, d.code, d.message)))

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """Only the errors."""
        return tuple(d for d in self.items if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """Only the warnings."""
        return tuple(d for d in self.items if d.severity is Severity.WARNING)

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)


def suggest(value: str, choices: Sequence[str]) -> str:
    """Return a Vietnamese "did you mean" clause for the closest choice, or an empty string."""
    lowered = {c.casefold(): c for c in choices}
    close = difflib.get_close_matches(value.casefold(), list(lowered), n=1, cutoff=0.6)
    return f" Có phải ý bạn là '{lowered[close[0]]}'?" if close else ""


def collapse(
    diagnostics: Sequence[Diagnostic], *, keep: int = 10
) -> tuple[list[Diagnostic], list[tuple[Severity, str, str]]]:
    """Keep the first ``keep`` diagnostics of each code; summarise the rest in one Vietnamese line per code.

    Returns:
        The diagnostics to show one by one, and (severity, code, summary line) for each code that had more.
    """
    shown: list[Diagnostic] = []
    hidden: dict[str, int] = {}
    counts: dict[str, int] = {}
    for diagnostic in diagnostics:
        counts[diagnostic.code] = counts.get(diagnostic.code, 0) + 1
        if counts[diagnostic.code] <= keep:
            shown.append(diagnostic)
        else:
            hidden[diagnostic.code] = hidden.get(diagnostic.code, 0) + 1
    severities = {d.code: d.severity for d in diagnostics}
    summaries = [
        (
            severities[code],
            code,
            f"… và {count} {severities[code].label} [{code}] khác (loa check liệt kê đủ)",
        )
        for code, count in sorted(hidden.items())
    ]
    return shown, summaries
