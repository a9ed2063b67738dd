"""`--statistics`: how many findings each code has, most frequent first."""

from __future__ import annotations

from collections import Counter

from ..finding import Finding


def render_statistics(findings: list[Finding]) -> str:
    """One line per code, `count  CODE  name`, sorted by count (descending) then code; a `[*]`
    marks codes whose findings all have a safe fix. Empty when there are no findings."""
    counts = Counter(f.code for f in findings)
    names = {f.code: f.name for f in findings}
    safe = {
        code for code in counts
        if all(f.fixable == "safe" for f in findings if f.code == code)
    }
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(str(count)) for _, count in rows), default=1)
    return "".join(
        f"{count:>{width}}  {code}  {'[*]' if code in safe else '   '} {names[code]}\n"
        for code, count in rows
    )
