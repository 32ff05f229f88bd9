"""Counts over a whole log: events per variant, errors per rule; as text or JSON."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from jamjet_schema.logs.check import Verdict


@dataclass
class Summary:
    records: int = 0
    valid: int = 0
    non_canonical: int = 0
    per_variant: Counter[str] = field(default_factory=Counter)
    per_rule: Counter[str] = field(default_factory=Counter)
    decompressed: dict[str, str] = field(default_factory=dict)  # source -> gzip or zstd

    def add(self, verdict: Verdict) -> None:
        self.records += 1
        if verdict.ok:
            self.valid += 1
            self.non_canonical += verdict.canonical is not None and not verdict.is_canonical
            self.per_variant[verdict.variant or "?"] += 1
        else:
            self.per_rule[verdict.rule] += 1

    def add_clean(self, per_variant: dict[str, int]) -> None:
        """Accepted (and, when checked, canonical) events counted by the native core."""
        clean = sum(per_variant.values())
        self.records += clean
        self.valid += clean
        self.per_variant.update(per_variant)

    @property
    def errors(self) -> int:
        return self.records - self.valid

    def as_dict(self) -> dict[str, object]:
        counts: dict[str, object] = {
            "records": self.records,
            "valid": self.valid,
            "errors": self.errors,
            "non_canonical": self.non_canonical,
            "events_per_variant": dict(sorted(self.per_variant.items())),
            "errors_per_rule": dict(sorted(self.per_rule.items())),
        }
        if self.decompressed:
            counts["decompressed"] = self.decompressed
        return counts

    def as_text(self, canonical_checked: bool) -> str:
        lines = [f"{counted(self.records, 'record')}: {self.valid} valid, {self.errors} invalid"]
        if canonical_checked:
            lines[0] += f", {self.non_canonical} not canonical"
        lines += [f"  {n:>9}  {variant}" for variant, n in sorted(self.per_variant.items())]
        if self.per_rule:
            lines.append("errors per rule:")
            lines += [f"  {n:>9}  {rule}" for rule, n in self.per_rule.most_common()]
        lines += [f"read {source}: {how}-decompressed" for source, how in self.decompressed.items()]
        return "\n".join(lines)

    def as_json(self) -> str:
        return json.dumps({"summary": self.as_dict()})


def exported_summary(exported: int, rejected: int, what: str = "record") -> str:
    """An export's closing line on stderr: `1 event exported, 2 records rejected`."""
    return f"{counted(exported, 'event')} exported, {counted(rejected, what)} rejected"


def counted(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"
