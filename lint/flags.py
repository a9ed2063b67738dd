"""What the engine is asked to produce besides findings: not user configuration (that is
`pdlint.config.Options`), but what the caller needs (text edits for SARIF, fingerprints for
baselines)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Flags:
    edits: bool = False  # give each fixable finding the text edit of its fix (`Finding.edit`)
    fingerprints: bool = False  # give each finding a line-independent fingerprint (baselines)


NO_FLAGS = Flags()
