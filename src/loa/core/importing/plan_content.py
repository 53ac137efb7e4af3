"""What a plan commits to, as the importer reads it: deadlines, targets, units, proposed tasks and budget."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["DeadlineMention", "PlanContent", "TargetMention", "TaskProposal", "UnitMention"]


@dataclass(frozen=True)
class DeadlineMention:
    """ISO 8601: ``2022-03-25``, ``2022-01``, ``2022-Q1``, ``2022``, ``2022-02-15/2022-04-30`` or ``R/P1M``."""

    deadline: str
    text: str
    line: int


@dataclass(frozen=True)
class TargetMention:
    """A quantified output: ``count`` of ``unit`` ("hội nghị", "%")."""

    count: int | float
    unit: str
    text: str
    line: int


@dataclass(frozen=True)
class UnitMention:
    """A unit the plan assigns work to, with its registry id when known."""

    id: str | None
    name: str
    line: int


@dataclass(frozen=True)
class TaskProposal:
    """A proposed task: a sentence with a deadline or a target, or under a quarter heading."""

    task: str
    lead: tuple[str, ...]
    cooperate: tuple[str, ...]
    deadline: str | None
    targets: tuple[TargetMention, ...]
    line: int


@dataclass(frozen=True)
class PlanContent:
    """What a plan commits to. ``budget`` is None when the text has no "KINH PHÍ" section."""

    deadlines: tuple[DeadlineMention, ...] = ()
    targets: tuple[TargetMention, ...] = ()
    units: tuple[UnitMention, ...] = ()
    tasks: tuple[TaskProposal, ...] = ()
    budget: dict[str, Any] | None = None

    def as_json(self) -> dict[str, Any]:
        """The keys ``deadlines``, ``targets``, ``units``, ``tasks`` and ``budget`` of ``loa import --json``."""
        tasks = [
            {
                **asdict(t),
                "lead": list(t.lead),
                "cooperate": list(t.cooperate),
                "targets": [{"count": g.count, "unit": g.unit} for g in t.targets],
            }
            for t in self.tasks
        ]
        return {
            "deadlines": [asdict(d) for d in self.deadlines],
            "targets": [asdict(t) for t in self.targets],
            "units": [asdict(u) for u in self.units],
            "tasks": tasks,
            "budget": self.budget,
        }
