"""What a rule reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

FixSafety = Literal["safe", "unsafe"]


@dataclass(frozen=True)
class FixPlan:
    """How a finding is fixed: changes stated on ast nodes (`pdlint.plans`), realised by
    `pdlint.fixes` on libcst's tree when fixes or their edits are wanted. `safety` "safe": `--fix`
    applies it; "unsafe": only with `--unsafe-fixes` (it may change behaviour)."""

    changes: tuple[Any, ...]
    safety: FixSafety = "safe"


@dataclass(order=True)
class Finding:
    """One problem at one place. Lines are 1-based, columns 1-based and counted in characters;
    `end_line`/`end_column` is where the reported node ends (exclusive column), for ranges.
    `fixable` says which fix mode changes it ("safe": `--fix`, "unsafe": only with
    `--unsafe-fixes`, None: no fix); `edit` (when asked for) is that fix as a text edit."""

    path: str
    line: int
    column: int
    code: str
    name: str = field(compare=False)
    message: str = field(compare=False)
    fix: FixPlan | None = field(default=None, compare=False, repr=False)
    # Kept when the plan is gone (cache, worker processes): the fix's safety and text edit.
    fixable: FixSafety | None = field(default=None, compare=False)
    edit: Any = field(default=None, compare=False, repr=False)
    fingerprint: str | None = field(default=None, compare=False, repr=False)
    end_line: int = field(default=0, compare=False)
    end_column: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        if self.fix is not None and self.fixable is None:
            self.fixable = self.fix.safety
        if self.end_line < self.line or (self.end_line == self.line and self.end_column < self.column):
            self.end_line, self.end_column = self.line, self.column

    def detached(self) -> "Finding":
        """A copy without the fix plan (ast nodes), small to pickle or cache."""
        return Finding(
            self.path, self.line, self.column, self.code, self.name, self.message,
            None, self.fixable, self.edit, self.fingerprint, self.end_line, self.end_column,
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "message": self.message,
            "fixable": self.fixable,
            "edit": None if self.edit is None else self.edit.to_dict(),
            "fingerprint": self.fingerprint,
        }

    def to_row(self) -> list[Any]:
        """The finding without its path, compactly (the cache's format)."""
        edit = None if self.edit is None else self.edit.to_dict()
        return [self.line, self.column, self.code, self.name, self.message, self.fixable, edit,
                self.fingerprint, self.end_line, self.end_column]

    @classmethod
    def from_row(cls, path: str, row: list[Any]) -> "Finding":
        line, column, code, name, message, fixable, edit, fingerprint, end_line, end_column = row
        if edit:
            from .edits import Edit

            edit = Edit(**edit)
        return cls(path, line, column, code, name, message, None, fixable, edit, fingerprint,
                   end_line, end_column)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Finding":
        from .edits import Edit

        edit = data.get("edit")
        return cls(
            data["path"], data["line"], data["column"], data["code"], data["name"],
            data["message"], None, data.get("fixable"), Edit(**edit) if edit else None,
            data.get("fingerprint"), data.get("end_line", 0), data.get("end_column", 0),
        )
