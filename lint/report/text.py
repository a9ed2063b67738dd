"""The default output: one finding per line, `path:line:column: CODE message`."""

from __future__ import annotations

from ..finding import Finding

# ANSI SGR sequences, as ruff colours its concise output: path bold, separators cyan, code bold red.
BOLD = "\x1b[1m"
BOLD_RED = "\x1b[1;31m"
CYAN = "\x1b[36m"
RESET = "\x1b[0m"


def render_text(findings: list[Finding], color: bool = False) -> str:
    """`path:line:column: CODE message` per finding. With `color`, ANSI colours (the caller decides:
    a TTY, no `--no-color`, no `NO_COLOR`); the text is otherwise identical."""
    if not color:
        lines = [f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}" for f in findings]
    else:
        sep = f"{CYAN}:{RESET}"
        lines = [
            f"{BOLD}{f.path}{RESET}{sep}{f.line}{sep}{f.column}{sep} "
            f"{BOLD_RED}{f.code}{RESET} {f.message}"
            for f in findings
        ]
    return "".join(line + "\n" for line in lines)


def summary(findings: list[Finding], fixed: int = 0, unsafe_fixes: bool = False) -> str:
    """The last line of the text output. As ruff does, it counts the fixes `--fix` would apply now
    and, apart, the unsafe ones only `--unsafe-fixes` enables."""
    found = len(findings)
    parts = []
    if fixed:
        parts.append(f"Fixed {fixed} finding{'s' if fixed != 1 else ''}.")
    if found:
        parts.append(f"Found {found} finding{'s' if found != 1 else ''}.")
        unsafe = sum(1 for f in findings if f.fixable == "unsafe")
        fixable = sum(1 for f in findings if f.fixable == "safe") + (unsafe if unsafe_fixes else 0)
        hidden = 0 if unsafe_fixes else unsafe
        if fixable and hidden:
            parts.append(f"{fixable} fixable with --fix ({hidden} more with --fix --unsafe-fixes).")
        elif fixable:
            parts.append(f"{fixable} fixable with --fix.")
        elif hidden:
            parts.append(f"{hidden} fixable with --fix --unsafe-fixes.")
    elif not fixed:
        parts.append("All checks passed.")
    else:
        parts.append("No findings remain.")
    return " ".join(parts)
