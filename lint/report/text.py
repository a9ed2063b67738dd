from __future__ import annotations

from ..finding import Finding


def render_text(findings: list[Finding]) -> str:
    lines = [f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}" for f in findings]
    return "".join(line + "\n" for line in lines)


def summary(found: int, fixed: int = 0, fixable: int = 0) -> str:
    parts = []
    if fixed:
        parts.append(f"Fixed {fixed} finding{'s' if fixed != 1 else ''}.")
    if found:
        parts.append(f"Found {found} finding{'s' if found != 1 else ''}.")
        if fixable:
            parts.append(f"{fixable} fixable with --fix.")
    elif not fixed:
        parts.append("All checks passed.")
    else:
        parts.append("No findings remain.")
    return " ".join(parts)
