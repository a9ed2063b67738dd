"""Every code pdlint can report, known without importing the rules (kept in step by a test)."""

from __future__ import annotations

ENGINE_CODES = {
    "PD001": "syntax-error",
    "PD002": "unused-suppression",
    "PD003": "file-too-large",
}
RULE_CODES = {
    "PD101": "unclosed-file",
    "PD102": "unchecked-response",
    "PD103": "data-instead-of-json",
    "PD104": "hardcoded-secret",
    "PD105": "missing-timeout",
    "PD106": "unclosed-stream",
    "PD107": "tiny-chunks",
    "PD108": "tls-verify-disabled",
    "PD109": "credentials-over-http",
    "PD110": "multipart-content-type",
    "PD111": "double-json-encoding",
    "PD112": "write-outside-tmp",
    "PD113": "manual-query-string",
    "PD114": "graphql-interpolation",
    "PD115": "implicit-form-encoding",
    "PD116": "flow-exit-without-return",
    "PD117": "swallowed-http-error",
    "PD118": "secret-exposed",
    "PD119": "handler-contract",
    "PD120": "unbounded-retry",
}
ALL_CODES = {**ENGINE_CODES, **RULE_CODES}


def is_known_selector(selector: str) -> bool:
    """A full code or a prefix of one (`PD1`, `PD10`, `PD104`)."""
    return selector.startswith("PD") and any(code.startswith(selector) for code in ALL_CODES)
