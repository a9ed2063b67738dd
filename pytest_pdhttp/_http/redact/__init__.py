"""Take credentials out of HTTP traffic before anything is written or printed.

``names`` (which names carry a credential), ``values`` (the test's own secrets, found as whole
values or delimited tokens), ``text`` (URLs and free text), ``jsonbody`` (JSON, token by token),
``multipart`` (part by part), ``redactor`` (a body by its content type, headers, a request).
"""

import os
from collections.abc import Mapping
from typing import Any

from .redactor import Redactor, env_secrets
from .reports import redact_report
from .values import MIN_SECRET_LENGTH, REDACTED, SecretValues, auth_values

__all__ = [
    "MIN_SECRET_LENGTH", "REDACTED", "Redactor", "SecretValues", "auth_values", "env_secrets",
    "redact_report", "test_secrets",
]  # fmt: skip


def test_secrets(inputs: Mapping[str, Any], env: Mapping[str, Any]) -> set[str]:
    """Every secret value a test's traffic may show: its ``$auth`` values, the secret values of
    its ``env=``, and those of the process environment (a real token exported to record with)."""
    return auth_values(inputs) | env_secrets(env) | env_secrets(os.environ)
